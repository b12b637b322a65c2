import { describe, expect, it } from 'vitest'
import { createMemoryFileStore } from '../../platform/files.memory'
import { createMemoryKeyValueStore } from '../../platform/kv.memory'
import type { ContentApi } from './api'
import { createContentRepository } from './repository'

const offline: ContentApi = {
  listIssues: async () => { throw new Error('offline') },
  getIssue: async () => { throw new Error('offline') }
}

const summary = { id: 'i1', title: '重庆党史工作', number: 1, totalNumber: null, publishedOn: '2020-06-09', editor: null, supplement: false, sectionTitles: [], articleCount: 0, size: 10, hash: 'h' }
const entry = { id: 'i1', hash: 'h', size: 10, downloaded: true, lastReadAt: 1, savedAt: 1 }

function repoWith(catalog: string, index?: string) {
  const kv = createMemoryKeyValueStore()
  kv.setItem('content.catalog', catalog)
  if (index !== undefined) kv.setItem('cache.content.index', index)
  return createContentRepository({ api: offline, files: createMemoryFileStore(), kv, now: () => 0, budgetBytes: 1e6 })
}

describe('restoring the offline catalog', () => {
  it('keeps valid entries and drops damaged ones', () => {
    const repo = repoWith(JSON.stringify({ entries: { i1: entry, i2: { id: 'i2', size: 'big' } }, summaries: { i1: summary, i2: 7 } }))
    expect(repo.catalog()).toEqual({ entries: { i1: entry }, summaries: { i1: summary } })
  })

  it('starts empty from a catalog that is not one at all', () => {
    for (const raw of ['{broken', 'null', '[]', '"x"', JSON.stringify({ entries: 3 })]) {
      expect(repoWith(raw).catalog()).toEqual({ entries: {}, summaries: {} })
    }
  })

  it('offline, shows only the remembered index rows that are summaries', async () => {
    const repo = repoWith(JSON.stringify({ entries: {}, summaries: {} }), JSON.stringify([summary, { id: 'bad' }]))
    expect(await repo.loadIndex()).toEqual({ issues: [summary], source: 'offline' })
  })
})
