import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  articleKey,
  canonicalFacts,
  emptyFacts,
  listenKey,
  mergeFacts,
  sameFacts,
  sessionKey,
  type Facts
} from './facts'
import { encodeHlc } from './hlc'

const SEED = Number(process.env.FC_SEED ?? 20201)
const params = { seed: SEED, numRuns: 300, verbose: 1 } as const

const ids = fc.constantFrom('i1', 'i2')
const arts = fc.constantFrom('a1', 'a2', 'a3')
const time = fc.integer({ min: 0, max: 10_000 })
// Few distinct keys, so that random fact sets collide often and every per-key rule is exercised.
const factsArb: fc.Arbitrary<Facts> = fc
  .record({
    reads: fc.array(fc.record({ issueId: ids, articleId: arts, readAt: time }), { maxLength: 4 }),
    sessions: fc.array(
      fc.record({ id: fc.constantFrom('s1', 's2', 's3'), issueId: ids, articleId: arts, ms: time, at: time }),
      { maxLength: 4 }
    ),
    positions: fc.array(
      fc.record({
        issueId: ids,
        articleId: arts,
        position: fc.double({ min: 0, max: 1, noNaN: true }),
        wall: fc.integer({ min: 0, max: 5 }),
        node: fc.constantFrom('c1', 'c2')
      }),
      { maxLength: 4 }
    ),
    shares: fc.array(fc.record({ id: fc.constantFrom('x1', 'x2'), issueId: ids, articleId: arts, at: time }), {
      maxLength: 3
    }),
    answers: fc.array(
      fc.record({
        id: fc.constantFrom('q1', 'q2'),
        answer: fc.array(fc.constantFrom('A', 'B'), { maxLength: 2 }),
        at: time
      }),
      { maxLength: 3 }
    ),
    listens: fc.array(
      fc.record({
        id: fc.constantFrom('l1', 'l2'),
        kind: fc.constantFrom('article' as const, 'lecture' as const),
        itemId: arts,
        mode: fc.constantFrom('audio' as const, 'aloud' as const),
        seconds: time,
        at: time
      }),
      { maxLength: 4 }
    )
  })
  .map((r) => {
    // Built by merging singletons, as devices build it, so that each set is itself a valid merge result.
    let f = emptyFacts()
    const add = (g: Partial<Facts>) => (f = mergeFacts(f, { ...emptyFacts(), ...g }))
    for (const x of r.reads) add({ reads: { [articleKey(x.issueId, x.articleId)]: x } })
    for (const { id, ...s } of r.sessions) add({ sessions: { [sessionKey(s.issueId, s.articleId, id)]: s } })
    for (const { wall, node, ...p } of r.positions)
      add({ positions: { [articleKey(p.issueId, p.articleId)]: { ...p, hlc: encodeHlc({ wall, counter: 0, node }) } } })
    for (const { id, ...s } of r.shares) add({ shares: { [id]: { ...s, channel: 'chat' } } })
    for (const { id, ...a } of r.answers) add({ answers: { [id]: { bankId: 'b', questionId: id, ...a } } })
    for (const { id, ...l } of r.listens)
      add({ listens: { [listenKey(l.kind, 'p', l.itemId, l.mode, id)]: { ...l, parentId: 'p' } } })
    return f
  })

describe('merge of facts (SPEC F1–F6)', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(factsArb, factsArb, (a, b) => sameFacts(mergeFacts(a, b), mergeFacts(b, a))),
      params
    )
  })
  it('is associative', () => {
    fc.assert(
      fc.property(factsArb, factsArb, factsArb, (a, b, c) =>
        sameFacts(mergeFacts(mergeFacts(a, b), c), mergeFacts(a, mergeFacts(b, c)))
      ),
      params
    )
  })
  it('is idempotent', () => {
    fc.assert(
      fc.property(factsArb, factsArb, (a, b) => sameFacts(mergeFacts(mergeFacts(a, b), b), mergeFacts(a, b))),
      params
    )
  })
  it('never loses a key of either side', () => {
    fc.assert(
      fc.property(factsArb, factsArb, (a, b) => {
        const m = mergeFacts(a, b)
        return (Object.keys(a) as Array<keyof Facts>).every((k) =>
          [...Object.keys(a[k] ?? {}), ...Object.keys(b[k] ?? {})].every((key) => key in (m[k] ?? {}))
        )
      }),
      params
    )
  })
})

describe('per-fact rules', () => {
  const one = (g: Partial<Facts>): Facts => ({ ...emptyFacts(), ...g })
  it('F1: the earliest readAt wins whichever side has it', () => {
    const a = one({ reads: { 'i/a': { issueId: 'i', articleId: 'a', readAt: 200 } } })
    const b = one({ reads: { 'i/a': { issueId: 'i', articleId: 'a', readAt: 100 } } })
    expect(mergeFacts(a, b).reads['i/a'].readAt).toBe(100)
    expect(mergeFacts(b, a).reads['i/a'].readAt).toBe(100)
  })
  it('F2: sessions with different ids add up; the same session twice counts once', () => {
    const s = (ms: number, at: number) => ({ issueId: 'i', articleId: 'a', ms, at })
    const phone = one({ sessions: { p1: s(300_000, 10) } })
    const tablet = one({ sessions: { t1: s(180_000, 20) } })
    const both = mergeFacts(phone, tablet)
    expect(Object.values(both.sessions).reduce((n, x) => n + x.ms, 0)).toBe(480_000)
    expect(mergeFacts(both, phone)).toEqual(both)
    // A session that grew on its device (flushed again with more time) keeps its largest length.
    expect(
      mergeFacts(one({ sessions: { p1: s(1000, 10) } }), one({ sessions: { p1: s(4000, 10) } })).sessions.p1.ms
    ).toBe(4000)
  })
  it('F3: the later clock wins; equal walls are ordered by client id', () => {
    const p = (position: number, wall: number, node: string) =>
      one({
        positions: { 'i/a': { issueId: 'i', articleId: 'a', position, hlc: encodeHlc({ wall, counter: 0, node }) } }
      })
    expect(mergeFacts(p(0.2, 5, 'a'), p(0.9, 4, 'z')).positions['i/a'].position).toBe(0.2)
    expect(mergeFacts(p(0.2, 5, 'a'), p(0.9, 5, 'b')).positions['i/a'].position).toBe(0.9)
    expect(mergeFacts(p(0.9, 5, 'b'), p(0.2, 5, 'a')).positions['i/a'].position).toBe(0.9)
  })
  it('F4: the same share seen twice keeps the earliest', () => {
    const sh = (at: number) => one({ shares: { x: { issueId: 'i', articleId: 'a', channel: 'chat', at } } })
    expect(mergeFacts(sh(9), sh(3)).shares.x.at).toBe(3)
    expect(canonicalFacts(mergeFacts(sh(3), sh(9)))).toBe(canonicalFacts(mergeFacts(sh(9), sh(3))))
  })
  it('F6: listening sessions add up by id; the same session twice counts once, its largest length', () => {
    const l = (seconds: number, at: number) => ({
      kind: 'article' as const,
      parentId: 'i',
      itemId: 'a',
      mode: 'audio' as const,
      seconds,
      at
    })
    const k1 = listenKey('article', 'i', 'a', 'audio', 's1')
    const k2 = listenKey('article', 'i', 'a', 'audio', 's2')
    const phone = one({ listens: { [k1]: l(120, 10) } })
    const grown = one({ listens: { [k1]: l(300, 12) } })
    const tablet = one({ listens: { [k2]: l(60, 20) } })
    const all = mergeFacts(mergeFacts(phone, tablet), grown)
    expect(Object.values(all.listens ?? {}).reduce((n, x) => n + x.seconds, 0)).toBe(360)
    expect(all.listens?.[k1]).toEqual(l(300, 10))
    expect(mergeFacts(all, phone)).toEqual(all)
    expect(canonicalFacts(mergeFacts(grown, phone))).toBe(canonicalFacts(mergeFacts(phone, grown)))
    // Facts kept before F6 have no listens map at all; merging with them loses nothing.
    const { listens: _none, ...old } = emptyFacts()
    expect(mergeFacts(old, all).listens).toEqual(all.listens)
  })
})
