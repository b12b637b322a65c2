import { StorageFullError, type KeyValueStore } from './kv.types'

/** Keys under this prefix hold caches: they may be dropped to make room. Everything else (progress, settings,
 * the session) is the reader's own and is never dropped. */
export const CACHE_PREFIX = 'cache.'

/**
 * A store that, when the platform reports it full, drops cache entries (largest first) and retries the write,
 * so that saving progress can evict cache but never the other way round.
 */
export function withCacheEviction(inner: KeyValueStore): KeyValueStore {
  return {
    getItem: (key) => inner.getItem(key),
    removeItem: (key) => inner.removeItem(key),
    keys: () => inner.keys(),
    setItem(key, value) {
      for (;;) {
        try {
          inner.setItem(key, value)
          return
        } catch (err) {
          if (!(err instanceof StorageFullError)) throw err
          const victims = inner
            .keys()
            .filter((k) => k.startsWith(CACHE_PREFIX) && k !== key)
            .map((k) => ({ k, size: inner.getItem(k)?.length ?? 0 }))
            .sort((a, b) => b.size - a.size)
          if (victims.length === 0) throw err
          inner.removeItem(victims[0].k)
        }
      }
    }
  }
}
