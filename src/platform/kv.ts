// Default implementation (tests, Node). Taro picks kv.weapp.ts / kv.h5.ts in the builds.
import { createMemoryKeyValueStore } from './kv.memory'
import { withCacheEviction } from './kv.evicting'

export type { KeyValueStore } from './kv.types'
export { StorageFullError } from './kv.types'

export const kv = withCacheEviction(createMemoryKeyValueStore())
