// 搜索 on the device: normalization, the bigram signature index (one segment per issue), and answering a query.
export * from './normalize'
export * from './query'
export * from './segment'
export * from './fts'
