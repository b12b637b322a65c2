import { StorageFullError, type KeyValueStore } from './kv.types'

/** An in-memory store with an optional byte quota, used in tests and as the default implementation. */
export function createMemoryKeyValueStore(quotaBytes = Infinity): KeyValueStore & { usedBytes(): number } {
  const data = new Map<string, string>()
  const used = () => {
    let n = 0
    for (const [k, v] of data) n += (k.length + v.length) * 2
    return n
  }
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem(key, value) {
      const previous = data.get(key)
      const delta = (key.length + value.length) * 2 - (previous === undefined ? 0 : (key.length + previous.length) * 2)
      if (used() + delta > quotaBytes) throw new StorageFullError(key)
      data.set(key, value)
    },
    removeItem: (key) => {
      data.delete(key)
    },
    keys: () => [...data.keys()],
    usedBytes: used
  }
}
