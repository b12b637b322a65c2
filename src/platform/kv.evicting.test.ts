import { describe, expect, it } from 'vitest'
import { createMemoryKeyValueStore } from './kv.memory'
import { CACHE_PREFIX, withCacheEviction } from './kv.evicting'
import { StorageFullError } from './kv.types'

describe('key-value store full', () => {
  it('drops cache entries to save progress, and keeps the reader’s own data', () => {
    const inner = createMemoryKeyValueStore(4000)
    const kv = withCacheEviction(inner)
    kv.setItem('settings', '{"fontStep":3}')
    kv.setItem(`${CACHE_PREFIX}content.index`, 'x'.repeat(1200))
    kv.setItem(`${CACHE_PREFIX}other`, 'y'.repeat(400))
    kv.setItem('progress', 'p'.repeat(700))
    expect(kv.getItem(`${CACHE_PREFIX}content.index`)).toBeNull() // the largest cache went first
    expect(kv.getItem(`${CACHE_PREFIX}other`)).not.toBeNull()
    expect(kv.getItem('settings')).toBe('{"fontStep":3}')
    expect(kv.getItem('progress')).toHaveLength(700)
  })
  it('says the storage is full when no cache is left to drop, and loses nothing', () => {
    const kv = withCacheEviction(createMemoryKeyValueStore(1000))
    kv.setItem('progress', 'p'.repeat(300))
    expect(() => kv.setItem('session', 's'.repeat(400))).toThrow(StorageFullError)
    expect(kv.getItem('progress')).toHaveLength(300)
  })
})
