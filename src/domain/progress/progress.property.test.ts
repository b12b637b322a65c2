// Property tests of the progress merge (architecture.md: merge is pure, order-independent and idempotent, so two
// devices can never lose a read mark). Records come from small domains so ties and both-read pairs are frequent.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { propertyOptions } from '../testing/property'
import { mergeArticleProgress, mergeProgress, type ArticleProgress, type ProgressMap } from './progress'

const time = fc.integer({ min: 0, max: 20 })
const record: fc.Arbitrary<ArticleProgress> = fc
  .record({
    position: fc.constantFrom(0, 0.25, 0.5, 1),
    positionAt: time,
    readAt: fc.option(time, { nil: null }),
    timeSpentMs: fc.integer({ min: 0, max: 50 }),
    updatedAt: time
  })
  .map((r) => ({ issueId: 'i1', articleId: 'a1', ...r, read: r.readAt !== null }))
const readRecord = record.filter((r) => r.read)
const map: fc.Arbitrary<ProgressMap> = fc
  .dictionary(fc.constantFrom('i1/a1', 'i1/a2', 'i2/a1'), record)
  .map((m) =>
    Object.fromEntries(
      Object.entries(m).map(([k, v]) => [k, { ...v, issueId: k.split('/')[0], articleId: k.split('/')[1] }])
    )
  )

const merge = mergeArticleProgress
const check = <T>(p: fc.IRawProperty<T>) => fc.assert(p, propertyOptions())

describe('progress merge (properties)', () => {
  it('is commutative', () =>
    check(
      fc.property(record, record, (a, b) => {
        expect(merge(a, b)).toEqual(merge(b, a))
      })
    ))

  it('is associative', () =>
    check(
      fc.property(record, record, record, (a, b, c) => {
        expect(merge(merge(a, b), c)).toEqual(merge(a, merge(b, c)))
      })
    ))

  it('is idempotent: merging a record with itself, or merging the result again, changes nothing', () =>
    check(
      fc.property(record, record, (a, b) => {
        expect(merge(a, a)).toEqual(a)
        const m = merge(a, b)
        expect(merge(m, a)).toEqual(m)
        expect(merge(m, b)).toEqual(m)
      })
    ))

  it('keeps a read mark from either side, with the earliest readAt, and never loses time spent', () =>
    check(
      fc.property(record, record, (a, b) => {
        const m = merge(a, b)
        expect(m.read).toBe(a.read || b.read)
        const readAts = [a.readAt, b.readAt].filter((t): t is number => t !== null)
        expect(m.readAt).toBe(readAts.length ? Math.min(...readAts) : null)
        expect(m.timeSpentMs).toBe(Math.max(a.timeSpentMs, b.timeSpentMs))
      })
    ))

  it('when both records are read, keeps the earlier readAt whichever side it is on', () =>
    check(
      fc.property(readRecord, readRecord, (a, b) => {
        expect(merge(a, b).readAt).toBe(Math.min(a.readAt as number, b.readAt as number))
        expect(merge(b, a).readAt).toBe(Math.min(a.readAt as number, b.readAt as number))
      })
    ))

  it('takes the position with the latest positionAt', () =>
    check(
      fc.property(record, record, (a, b) => {
        const m = merge(a, b)
        expect(m.positionAt).toBe(Math.max(a.positionAt, b.positionAt))
        if (a.positionAt !== b.positionAt)
          expect(m.position).toBe(a.positionAt > b.positionAt ? a.position : b.position)
      })
    ))

  it('merges maps commutatively, associatively and idempotently, keeping every key', () =>
    check(
      fc.property(map, map, map, (a, b, c) => {
        expect(mergeProgress(a, b)).toEqual(mergeProgress(b, a))
        expect(mergeProgress(mergeProgress(a, b), c)).toEqual(mergeProgress(a, mergeProgress(b, c)))
        expect(mergeProgress(a, a)).toEqual(a)
        expect(Object.keys(mergeProgress(a, b)).sort()).toEqual(
          [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
        )
      })
    ))
})
