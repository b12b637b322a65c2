import { describe, expect, it } from 'vitest'
import { CAPS } from './caps'
import { deriveProgress } from './derive'
import { factTotals, listeningSeconds } from './totals'
import { emptyFacts, mergeFacts } from './facts'
import { encodeHlc } from './hlc'
import { applyMutation, factsOf, type Mutation } from './mutations'

const mut = (name: string, args: unknown, id = 1): Mutation => ({ clientId: 'c1', id, name, args, at: 1000 })
const ctx = { now: 50_000, articleExists: (i: string, a: string) => i === 'i' && a !== 'missing' }
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)

describe('mutations (SPEC M3, P4, C1, C2)', () => {
  it('M3: an unknown name or bad arguments is invalid for good, with a reason', () => {
    expect(factsOf(mut('dance', {}))).toEqual({ ok: false, reason: 'unknown mutation dance' })
    const bad = factsOf(mut('readingSession', { issueId: 'i', articleId: 'a', sessionId: 's', ms: -5, at: 1 }))
    expect(bad.ok).toBe(false)
    expect(factsOf(mut('markRead', { issueId: 'i', articleId: 'a', at: 1, extra: true })).ok).toBe(false)
    expect(factsOf(mut('setPosition', { issueId: 'i', articleId: 'a', position: 0.5, hlc: 'x' })).ok).toBe(false)
  })
  it('P4: an article that no published issue has is refused by the server', () => {
    const judged = factsOf(mut('markRead', { issueId: 'i', articleId: 'missing', at: 1 }), ctx)
    expect(judged).toEqual({ ok: false, reason: 'unknown article i/missing' })
  })
  it('C1: a session longer than the daily cap is invalid; a day adding up past it counts as the cap', () => {
    const over = { issueId: 'i', articleId: 'a', sessionId: 's', ms: CAPS.READING_MS_PER_ARTICLE_DAY + 1, at: 1 }
    expect(factsOf(mut('readingSession', over)).ok).toBe(false)
    let f = emptyFacts()
    for (let k = 0; k < 3; k++)
      f = applyMutation(f, mut('readingSession', { ...over, sessionId: `s${k}`, ms: 2 * 3600_000, at: 1000 + k }))
    expect(deriveProgress(f, day)['i/a'].timeSpentMs).toBe(CAPS.READING_MS_PER_ARTICLE_DAY)
  })
  it('C2: a time in the future is clamped to the server clock', () => {
    const judged = factsOf(mut('markRead', { issueId: 'i', articleId: 'a', at: 9e12 }), ctx)
    expect(judged.ok && judged.facts.reads['i/a'].readAt).toBe(50_000)
  })
  it('F2: 5 minutes on the phone and 3 on the tablet make 8', () => {
    const phone = applyMutation(
      emptyFacts(),
      mut('readingSession', { issueId: 'i', articleId: 'a', sessionId: 'p', ms: 300_000, at: 10 })
    )
    const tablet = applyMutation(
      emptyFacts(),
      mut('readingSession', { issueId: 'i', articleId: 'a', sessionId: 't', ms: 180_000, at: 20 })
    )
    expect(deriveProgress(mergeFacts(phone, tablet), day)['i/a'].timeSpentMs).toBe(480_000)
    expect(deriveProgress(mergeFacts(mergeFacts(phone, tablet), tablet), day)['i/a'].timeSpentMs).toBe(480_000)
  })
  it('derives read mark, position and totals', () => {
    let f = applyMutation(emptyFacts(), mut('markRead', { issueId: 'i', articleId: 'a', at: 77 }))
    f = applyMutation(
      f,
      mut('setPosition', {
        issueId: 'i',
        articleId: 'a',
        position: 0.4,
        hlc: encodeHlc({ wall: 90, counter: 0, node: 'c1' })
      })
    )
    f = applyMutation(f, mut('share', { issueId: 'i', articleId: 'a', shareId: 'x', channel: 'chat', at: 95 }))
    const p = deriveProgress(f, day)['i/a']
    expect(p).toMatchObject({ read: true, readAt: 77, position: 0.4, positionAt: 90 })
    expect(factTotals(f, day)).toEqual({ articlesRead: 1, readingMs: 0, shares: 1, answers: 0 })
  })
  it('F6: listening to an article or a lecture is a session that grows; unknown items and over-long ones are refused', () => {
    const listen = { issueId: 'i', articleId: 'a', sessionId: 's1', mode: 'aloud', seconds: 90, at: 10 }
    let f = applyMutation(emptyFacts(), mut('listenArticle', listen))
    f = applyMutation(f, mut('listenArticle', { ...listen, seconds: 150 }))
    f = applyMutation(f, mut('listenArticle', { ...listen, sessionId: 's2', mode: 'audio', seconds: 30 }))
    const lectures = { now: 50_000, articleExists: () => true, campaignItemExists: () => true }
    f = applyMutation(
      f,
      mut('listenLecture', { campaignId: 'c', lectureId: 'l', sessionId: 's3', seconds: 600, at: 20 }),
      lectures
    )
    expect(listeningSeconds(f)).toBe(780)
    expect(listeningSeconds(f, 'other')).toBe(180)
    expect(factsOf(mut('listenArticle', { ...listen, articleId: 'missing' }), ctx)).toEqual({
      ok: false,
      reason: 'unknown article i/missing'
    })
    const noLecture = { ...lectures, campaignItemExists: () => false }
    expect(
      factsOf(mut('listenLecture', { campaignId: 'c', lectureId: 'x', sessionId: 's', seconds: 1, at: 1 }), noLecture)
    ).toEqual({ ok: false, reason: 'unknown lecture c/x' })
    const tooLong = { ...listen, seconds: CAPS.LISTEN_SECONDS_PER_SESSION + 1 }
    expect(factsOf(mut('listenArticle', tooLong)).ok).toBe(false)
    expect(factsOf(mut('listenArticle', { ...listen, mode: 'video' })).ok).toBe(false)
  })
})
