import { describe, expect, it } from 'vitest'
import { nextToEvict, planEviction, type CacheEntry } from './cache-policy'

const e = (id: string, size: number, lastReadAt: number, downloaded = false): CacheEntry => ({ id, hash: id, size, downloaded, lastReadAt, savedAt: 0 })

describe('cache policy', () => {
  it('evicts nothing while the budget holds', () => {
    expect(planEviction([e('a', 10, 1)], 100, 50)).toEqual([])
  })
  it('evicts least recently read cached issues first and never downloaded ones', () => {
    const entries = [e('old', 30, 1), e('dl', 30, 0, true), e('mid', 30, 5), e('new', 30, 9)]
    expect(planEviction(entries, 120, 40)).toEqual(['old', 'mid'])
    expect(planEviction(entries, 60, 40)).toBeNull()
    expect(nextToEvict(entries)).toBe('old')
    expect(nextToEvict(entries, ['old'])).toBe('mid')
    expect(nextToEvict([e('dl', 1, 0, true)])).toBeNull()
  })
})
