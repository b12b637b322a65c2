import { describe, expect, it } from 'vitest'
import {
  emptyProgress,
  isRead,
  mergeArticleProgress,
  mergeProgress,
  minimumReadingMs,
  progressKey,
  readCount,
  readingStats,
  recordReading,
  type ProgressMap
} from './progress'

const base = emptyProgress('i1', 'a1')

describe('progress', () => {
  it('marks read on reaching the end or after a time that fits the length', () => {
    expect(isRead({ scrolledToEnd: true, timeSpentMs: 0, charCount: 5000 })).toBe(true)
    expect(isRead({ scrolledToEnd: false, timeSpentMs: 1000, charCount: 5000 })).toBe(false)
    expect(isRead({ scrolledToEnd: false, timeSpentMs: minimumReadingMs(5000), charCount: 5000 })).toBe(true)
    expect(minimumReadingMs(10)).toBe(8000)
  })
  it('keeps a read mark and its first time, adds up time, clamps the position', () => {
    const a = recordReading(base, { position: 0.5, addedMs: 3000, markRead: true, now: 10 })
    const b = recordReading(a, { position: 7, addedMs: 2000, markRead: false, now: 20 })
    expect(b).toMatchObject({ read: true, readAt: 10, timeSpentMs: 5000, position: 1, positionAt: 20 })
    expect(recordReading(base, { position: Number.NaN, addedMs: Number.NaN, markRead: false, now: 1 }).position).toBe(0)
  })
  it('merges in either order to the same result, and merging twice changes nothing', () => {
    const x = recordReading(base, { position: 0.2, addedMs: 5000, markRead: true, now: 100 })
    const y = recordReading(base, { position: 0.9, addedMs: 1000, markRead: false, now: 200 })
    const z = recordReading(base, { position: 0.4, addedMs: 9000, markRead: false, now: 200 })
    for (const [p, q] of [
      [x, y],
      [y, z],
      [x, z]
    ]) {
      expect(mergeArticleProgress(p, q)).toEqual(mergeArticleProgress(q, p))
      const m = mergeArticleProgress(p, q)
      expect(mergeArticleProgress(m, q)).toEqual(m)
    }
    expect(mergeArticleProgress(x, y)).toMatchObject({ read: true, readAt: 100, position: 0.9, timeSpentMs: 5000 })
    const A: ProgressMap = { [progressKey('i1', 'a1')]: x }
    const B: ProgressMap = {
      [progressKey('i1', 'a1')]: y,
      [progressKey('i1', 'a2')]: { ...emptyProgress('i1', 'a2'), read: true, readAt: 5 }
    }
    expect(mergeProgress(A, B)).toEqual(mergeProgress(B, A))
    expect(readCount(mergeProgress(A, B), 'i1')).toBe(2)
  })
  it('computes reading statistics with a streak of consecutive days', () => {
    const day = (ms: number) => `d${Math.floor(ms / 100)}`
    const prev = (d: string) => `d${Number(d.slice(1)) - 1}`
    const map: ProgressMap = {
      a: { ...emptyProgress('i', 'a'), read: true, readAt: 950, timeSpentMs: 10, positionAt: 950 },
      b: { ...emptyProgress('i', 'b'), read: true, readAt: 850, timeSpentMs: 20, positionAt: 850 },
      c: { ...emptyProgress('i', 'c'), read: false, timeSpentMs: 5, positionAt: 550 }
    }
    expect(readingStats(map, 'd9', day, prev)).toEqual({ articlesRead: 2, timeSpentMs: 35, streakDays: 2 })
    expect(readingStats(map, 'd10', day, prev).streakDays).toBe(2)
    expect(readingStats(map, 'd12', day, prev).streakDays).toBe(0)
  })
})
