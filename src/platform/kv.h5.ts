import { StorageFullError, type KeyValueStore } from './kv.types'
import { createMemoryKeyValueStore } from './kv.memory'
import { withCacheEviction } from './kv.evicting'

export type { KeyValueStore } from './kv.types'
export { StorageFullError } from './kv.types'

function localStore(): KeyValueStore | null {
  try {
    const ls = window.localStorage
    const probe = '__probe__'
    ls.setItem(probe, probe)
    ls.removeItem(probe)
    return {
      getItem: (key) => ls.getItem(key),
      setItem(key, value) {
        try {
          ls.setItem(key, value)
        } catch (err) {
          throw new StorageFullError(key, err)
        }
      },
      removeItem: (key) => ls.removeItem(key),
      keys: () => Object.keys(ls)
    }
  } catch {
    // Private mode or disabled storage: keep working for this visit.
    return null
  }
}

export const kv: KeyValueStore = withCacheEviction(localStore() ?? createMemoryKeyValueStore())
