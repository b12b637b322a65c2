import { describe, expect, it } from 'vitest'
import type { Campaign } from '../api/campaign'
import type { QuizBankInfo } from '../api/quiz'
import { chinaDay } from '../sync/derive'
import { emptyFacts, type Facts } from '../sync/facts'
import { campaignProgress, fraction } from './progress'

const base: Campaign = {
  id: 'c1',
  name: '读党史、守初心、担使命',
  organizer: '市委党史研究室',
  scope: null,
  source: null,
  start: '2020-04-01',
  end: '2020-09-30',
  phases: [
    { key: 'read', name: '读', tasks: ['读'], start: null, end: null, bankId: null },
    { key: 'listen', name: '听', tasks: ['听'], start: null, end: null, bankId: null },
    { key: 'talk', name: '讲', tasks: ['讲'], start: null, end: null, bankId: null },
    { key: 'answer', name: '答', tasks: ['答'], start: null, end: null, bankId: 'dangshi-100' }
  ],
  books: [],
  lectures: []
}
const withLists: Campaign = {
  ...base,
  books: [
    { id: 'b1', title: '中国共产党简史', author: null },
    { id: 'b2', title: '红岩', author: '罗广斌、杨益言' }
  ],
  lectures: [{ id: 'l1', speaker: '张老师', topic: '红岩精神', date: '2020-05-01' }]
}
const issues = [
  { id: 'i1', articleCount: 2 },
  { id: 'i2', articleCount: 3 }
]
const bank = (attempt: QuizBankInfo['attempt']): QuizBankInfo => ({
  id: 'dangshi-100',
  title: '百题',
  use: 'both',
  questionCount: 100,
  timeLimitMs: 60,
  attempt
})

function facts(): Facts {
  const f = emptyFacts()
  f.reads['i1/a'] = { issueId: 'i1', articleId: 'a', readAt: 1 }
  f.reads['i1/b'] = { issueId: 'i1', articleId: 'b', readAt: 2 }
  f.reads['i2/a'] = { issueId: 'i2', articleId: 'a', readAt: 3 }
  f.reads['gone/a'] = { issueId: 'gone', articleId: 'a', readAt: 3 }
  f.sessions['i1/a/s1'] = { issueId: 'i1', articleId: 'a', ms: 60_000, at: 1 }
  f.sessions['i2/a/s2'] = { issueId: 'i2', articleId: 'a', ms: 30_000, at: 1 }
  f.shares.s1 = { issueId: 'i1', articleId: 'a', channel: 'link', at: 1 }
  f.books['c1/b2'] = { campaignId: 'c1', bookId: 'b2', at: 1 }
  f.books['other/b1'] = { campaignId: 'other', bookId: 'b1', at: 1 }
  f.lectures['c1/l1'] = { campaignId: 'c1', lectureId: 'l1', at: 1 }
  f.talks.t1 = { campaignId: 'c1', title: '红岩精神', on: '2020-05-01', at: 5 }
  f.talks.t2 = { campaignId: 'c1', title: '长征', on: '2020-06-01', at: 4 }
  f.talks.t3 = { campaignId: 'other', title: '别的活动', on: '2020-06-02', at: 4 }
  f.listens = {
    'article:i1/a1@aloud#s1': { kind: 'article', parentId: 'i1', itemId: 'a1', mode: 'aloud', seconds: 90, at: 5 },
    'lecture:c1/l1@audio#s2': { kind: 'lecture', parentId: 'c1', itemId: 'l1', mode: 'audio', seconds: 60, at: 6 },
    'lecture:other/l9@audio#s3': {
      kind: 'lecture',
      parentId: 'other',
      itemId: 'l9',
      mode: 'audio',
      seconds: 999,
      at: 7
    }
  }
  return f
}

describe('campaign progress', () => {
  it('is all zeros and empty lists for a new member and a campaign without books or lectures', () => {
    const p = campaignProgress({ campaign: base, facts: emptyFacts(), issues, banks: [bank(null)], dayOf: chinaDay })
    expect(p).toEqual({
      read: { articlesRead: 0, articlesTotal: 5, issuesRead: 0, issuesTotal: 2, readingMs: 0, booksRead: 0, books: [] },
      listen: { seconds: 0, attended: 0, lectures: [] },
      talk: { shares: 0, talks: [] },
      answer: { bankId: 'dangshi-100', state: 'none', total: null, max: null }
    })
  })

  it('counts 读 from reads in published issues, whole issues, reading time and the campaign’s books only', () => {
    const p = campaignProgress({ campaign: withLists, facts: facts(), issues, banks: null, dayOf: chinaDay })
    expect(p.read).toMatchObject({
      articlesRead: 3,
      articlesTotal: 5,
      issuesRead: 1,
      issuesTotal: 2,
      readingMs: 90_000
    })
    expect(p.read.booksRead).toBe(1)
    expect(p.read.books.map((b) => [b.id, b.read])).toEqual([
      ['b1', false],
      ['b2', true]
    ])
  })

  it('counts every read when the library index is not loaded', () => {
    const p = campaignProgress({ campaign: base, facts: facts(), issues: [], banks: null, dayOf: chinaDay })
    expect(p.read).toMatchObject({ articlesRead: 4, articlesTotal: 0, issuesRead: 0, issuesTotal: 0 })
  })

  it('听 and 讲: lectures attended, shares, and this campaign’s talks latest first', () => {
    const p = campaignProgress({ campaign: withLists, facts: facts(), issues, banks: null, dayOf: chinaDay })
    expect(p.listen.attended).toBe(1)
    expect(p.listen.lectures[0]).toMatchObject({ id: 'l1', attended: true })
    // F6: articles listened to count, and this campaign's lectures, not another campaign's.
    expect(p.listen.seconds).toBe(150)
    expect(p.talk.shares).toBe(1)
    expect(p.talk.talks).toEqual([
      { id: 't2', title: '长征', on: '2020-06-01' },
      { id: 't1', title: '红岩精神', on: '2020-05-01' }
    ])
  })

  it('答: unknown without the bank list, started, or scored', () => {
    const ref = { id: 'a', startedAt: 1, deadline: 2, submittedAt: null, total: null, max: null }
    const run = (banks: QuizBankInfo[] | null) =>
      campaignProgress({ campaign: base, facts: emptyFacts(), issues, banks, dayOf: chinaDay }).answer
    expect(run(null).state).toBe('unknown')
    expect(run([]).state).toBe('none')
    expect(run([bank(ref)]).state).toBe('started')
    expect(run([bank({ ...ref, submittedAt: 2, total: 87, max: 100 })])).toEqual({
      bankId: 'dangshi-100',
      state: 'scored',
      total: 87,
      max: 100
    })
  })

  it('fraction for rings and bars stays within 0..1', () => {
    expect(fraction(3, 5)).toBe(0.6)
    expect(fraction(1, 0)).toBe(0)
    expect(fraction(9, 5)).toBe(1)
  })
})
