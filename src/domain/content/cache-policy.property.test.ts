// Property tests of cache planning (README: issues read but not downloaded are cached within a budget and evicted
// least-recently-read first; downloads are never evicted to make room; progress lives under its own key).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { propertyOptions } from '../testing/property'
import { nextToEvict, planEviction, type CacheEntry } from './cache-policy'

const PROGRESS_KEY = 'progress'
const entry = (id: string) => fc.record({
  size: fc.integer({ min: 1, max: 40 }),
  downloaded: fc.boolean(),
  lastReadAt: fc.integer({ min: 0, max: 10 }),
  savedAt: fc.integer({ min: 0, max: 10 })
}).map((r): CacheEntry => ({ id, hash: id, ...r }))
// Ids are unique, like keys of the catalog; 'progress' stands for the progress record a careless planner might treat as an entry.
const entries = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', PROGRESS_KEY), { maxLength: 7 })
  .chain((ids) => fc.tuple(...ids.map(entry)))
  .map((list) => list.map((e) => (e.id === PROGRESS_KEY ? { ...e, downloaded: true } : e)))
const check = <T>(p: fc.IRawProperty<T>) => fc.assert(p, propertyOptions())
const sum = (list: CacheEntry[]) => list.reduce((n, e) => n + e.size, 0)

describe('cache planning (properties)', () => {
  it('never chooses a download, the progress record or a kept issue, and respects the budget when it can', () => check(fc.property(
    entries, fc.integer({ min: 0, max: 150 }), fc.integer({ min: 0, max: 60 }), fc.subarray(['a', 'b', 'c']),
    (list, budget, incoming, keep) => {
      const plan = planEviction(list, budget, incoming, keep)
      const byId = new Map(list.map((e) => [e.id, e]))
      const evictable = list.filter((e) => !e.downloaded && !keep.includes(e.id))
      if (plan === null) {
        // Refused only when evicting every evictable entry would still not make room.
        expect(sum(list) - sum(evictable) + incoming).toBeGreaterThan(budget)
        return
      }
      expect(new Set(plan).size).toBe(plan.length)
      for (const id of plan) {
        const e = byId.get(id)
        expect(e, `planned ${id} is not an entry`).toBeDefined()
        expect(e?.downloaded, `download ${id} chosen for eviction`).toBe(false)
        expect(keep).not.toContain(id)
        expect(id).not.toBe(PROGRESS_KEY)
      }
      const left = list.filter((e) => !plan.includes(e.id))
      expect(sum(left) + incoming).toBeLessThanOrEqual(budget)
      // Least recently read first: nothing evicted was read more recently than an evictable entry left in place.
      const kept = evictable.filter((e) => !plan.includes(e.id))
      for (const id of plan) for (const k of kept) expect((byId.get(id) as CacheEntry).lastReadAt).toBeLessThanOrEqual(k.lastReadAt)
      // And no more than needed: without the last chosen entry it would not fit.
      if (plan.length) expect(sum(left) + (byId.get(plan[plan.length - 1]) as CacheEntry).size + incoming).toBeGreaterThan(budget)
    })))

  it('keeps cached issues within the budget after every read of a sequence, and never drops a download', () => check(fc.property(
    fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), size: fc.integer({ min: 1, max: 40 }), download: fc.boolean() }), { maxLength: 30 }),
    fc.integer({ min: 40, max: 120 }),
    (steps, budget) => {
      // What the content repository does: the budget covers cached issues; downloads are outside it.
      let store: CacheEntry[] = []
      const downloads = new Set<string>()
      steps.forEach((step, t) => {
        const previous = store.find((e) => e.id === step.id)
        const downloaded = step.download || previous?.downloaded === true
        const others = store.filter((e) => e.id !== step.id)
        if (!downloaded) {
          const plan = planEviction(others.filter((e) => !e.downloaded), budget, step.size)
          if (plan === null) return // the issue is shown but not cached
          store = others.filter((e) => !plan.includes(e.id))
        } else store = others
        store.push({ id: step.id, hash: step.id, size: step.size, downloaded, lastReadAt: t, savedAt: t })
        if (downloaded) downloads.add(step.id)
        expect(sum(store.filter((e) => !e.downloaded))).toBeLessThanOrEqual(budget)
        for (const id of downloads) expect(store.some((e) => e.id === id && e.downloaded)).toBe(true)
      })
    })))

  it('nextToEvict picks the least recently read evictable entry, never a download', () => check(fc.property(entries, (list) => {
    const victim = nextToEvict(list)
    const evictable = list.filter((e) => !e.downloaded)
    if (!evictable.length) {
      expect(victim).toBeNull()
      return
    }
    const e = list.find((x) => x.id === victim) as CacheEntry
    expect(e.downloaded).toBe(false)
    expect(e.lastReadAt).toBe(Math.min(...evictable.map((x) => x.lastReadAt)))
  })))
})
