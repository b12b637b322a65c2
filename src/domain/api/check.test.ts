import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseIssue } from '../issue'
import { summarizeIssue, serializeIssue } from '../issue/summary'
import { fill, multiple, single, trueFalse } from '../quiz/testing'
import * as account from './account'
import * as accountActions from './account-actions'
import * as campaign from './campaign'
import { matches, SUPPORTED_KEYWORDS } from './check'
import * as errors from './errors'
import * as issue from './issue'
import * as orgs from './orgs'
import * as persisted from './persisted'
import * as privacy from './privacy'
import * as quiz from './quiz'

const schemas = (
  Object.entries({
    ...account,
    ...accountActions,
    ...campaign,
    ...errors,
    ...issue,
    ...orgs,
    ...persisted,
    ...privacy,
    ...quiz
  }) as Array<[string, unknown]>
).filter((entry): entry is [string, TSchema] => entry[0].endsWith('Schema') && typeof entry[1] === 'object')

const dir = 'content/issues'
const issues = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => parseIssue(readFileSync(join(dir, f), 'utf8'), { id: f.replace(/\.txt$/, '') }))
const member = {
  id: 'm',
  displayName: '小王',
  org: { id: 'o', name: '支部' },
  devices: [
    { id: 'd', name: 'iPhone', kind: 'paired', createdAt: 1, lastUsedAt: 2, current: true },
    { id: 'e', name: 'Old', kind: 'device', createdAt: 1, current: false }
  ]
}
const progress = {
  issueId: 'i',
  articleId: 'a',
  position: 0.5,
  positionAt: 1,
  read: true,
  readAt: null,
  timeSpentMs: 9,
  updatedAt: 1
}
const summaries = issues.map((i) => summarizeIssue(i, serializeIssue(i), 'h'))
const entry = { id: 'i', hash: 'h', size: 10, downloaded: true, lastReadAt: 1, savedAt: 1 }
const attemptRef = { id: 'a', startedAt: 1, deadline: 61, submittedAt: 2, total: 3, max: 4 }
const bankInfo = { id: 'b', title: '百题', use: 'both', questionCount: 2, timeLimitMs: 60, attempt: attemptRef }
const unstarted = { ...bankInfo, attempt: null, window: null }
const windowed = { ...bankInfo, window: { start: '2020-04-01', end: '2020-09-30' } }
const phase = (key: string, name: string, bankId: string | null = null) => ({
  key,
  name,
  tasks: ['任务'],
  start: null,
  end: null,
  bankId
})
const campaignSample = {
  id: 'c',
  name: '读党史、守初心、担使命',
  organizer: '市委党史研究室、市委直属机关工委',
  scope: null,
  source: '《重庆党史工作》',
  start: '2020-04-01',
  end: '2020-09-30',
  phases: [
    { ...phase('read', '读'), start: '2020-04-01', end: '2020-05-31' },
    phase('listen', '听'),
    phase('talk', '讲'),
    phase('answer', '答', 'dangshi-100')
  ],
  books: [{ id: 'b', title: '中国共产党简史', author: null }],
  lectures: [{ id: 'l', speaker: '张老师', topic: '红岩精神', date: '2020-05-01' }]
}
const bank = {
  id: 'b',
  title: '百题',
  use: 'practice',
  questions: [
    { ...trueFalse('遵义会议在1935年召开。', true), topic: '长征' },
    multiple('哪些是四史？', ['党史', '新中国史', '地理'], ['A', 'B']),
    single('一大在哪里召开？', ['上海', '北京'], 'A', 2),
    fill('中国共产党成立于____年。', ['1921'])
  ]
}
const factSource = { kind: 'fact', title: '简史', publisher: '人民出版社', date: '2021-02' }
const questionResult = {
  questionId: 'q1',
  correct: true,
  answered: true,
  score: 1,
  given: ['A'],
  answer: ['A'],
  explanation: '解析',
  source: factSource
}
const quizResult = { total: 1, max: 2, questions: [questionResult], topics: [{ topic: '建党', correct: 1, total: 2 }] }
const attempt = {
  id: 'a',
  bankId: 'b',
  title: '百题',
  seed: 's',
  paper: { questionIds: ['q1', 'q2'], options: { q1: [1, 0] } },
  questions: [
    { id: 'q1', type: 'single', stem: '题', options: ['乙', '甲'], score: 1, topic: '建党' },
    { id: 'q2', type: 'fill', stem: '题', options: [], score: 1 }
  ],
  startedAt: 1,
  timeLimitMs: 60,
  deadline: 61,
  submittedAt: null,
  result: null
}
const answerSample = { questionId: 'q1', answer: ['A'], at: 1 }
const myData = {
  generatedAt: 9,
  member: { id: 'm', displayName: '小王', createdAt: 1 },
  wechat: [{ openid: 'o', unionid: null, linkedAt: 1 }],
  org: null,
  devices: [{ id: 'd', name: 'iPhone', kind: 'wechat', createdAt: 1, revokedAt: null, current: true }],
  sync: {
    clients: [{ clientId: 'c', lastMutationId: 3, updatedAt: 2 }],
    mutations: { total: 3, rejected: 0 },
    facts: {
      reads: { count: 1, items: [{ issueId: 'i', articleId: 'a', readAt: 1 }] },
      sessions: { count: 1, items: [{ issueId: 'i', articleId: 'a', ms: 1000, at: 1 }] },
      positions: { count: 1, items: [{ issueId: 'i', articleId: 'a', position: 0.5, hlc: 'h' }] },
      shares: { count: 1, items: [{ issueId: 'i', articleId: 'a', channel: 'chat', at: 1 }] },
      answers: { count: 1, items: [{ bankId: 'b', questionId: 'q1', answer: ['A'], at: 1 }] },
      books: { count: 1, items: [{ campaignId: 'c', bookId: 'b1', at: 1 }] },
      lectures: { count: 1, items: [{ campaignId: 'c', lectureId: 'l1', at: 1 }] },
      talks: { count: 1, items: [{ campaignId: 'c', title: '讲党史', on: '2020-05-04', at: 1 }] }
    }
  },
  quiz: [
    { id: 'a', bankId: 'b', startedAt: 1, deadline: 2, submittedAt: 2, total: 1, max: 2, answers: [answerSample] },
    { id: 'a2', bankId: 'c', startedAt: 1, deadline: 2, submittedAt: null, total: null, max: null, answers: [] }
  ]
}
const figures = {
  id: 'o',
  name: '支部',
  rank: 1,
  members: 3,
  active: { read: 2, listen: 1, speak: 0, answer: 1 },
  quizSubmitted: 1,
  averageScore: 80.5,
  averageMax: 100,
  articles: 7,
  readingMs: 60000,
  averageReadingMs: 20000,
  completion: 0.5
}
const line = {
  memberId: 'm',
  displayName: '小王',
  joinedAt: 1,
  articles: 2,
  readingMs: 3,
  books: 0,
  lectures: 1,
  shares: 0,
  talks: 0,
  quizTotal: null,
  quizMax: null,
  lastActive: null,
  phases: { read: true, listen: true, speak: false, answer: false },
  completion: 0.5
}
const samples: unknown[] = [
  myData,
  { ...myData, org: { id: 'o', name: '支部' }, wechat: [] },
  figures,
  { ...figures, averageScore: null, averageMax: null, completion: 1 },
  { page: 1, pageSize: 20, total: 2, orgs: [figures], mine: null },
  { page: 2, pageSize: 100, total: 2, orgs: [], mine: figures },
  line,
  { ...line, quizTotal: 90, quizMax: 100, lastActive: 5, joinedAt: null },
  { org: figures, me: line, admin: true },
  { page: 1, pageSize: 20, total: 1, members: [line] },
  { memberId: 'm' },
  { expiresInDays: 30 },
  { expiresInDays: null },
  { joinCode: 'ABCD2345', expiresAt: null },
  { joinCode: 'ABCD2345', expiresAt: 5 },
  { page: '2', pageSize: '100' },
  { page: '1' },
  bankInfo,
  { ...attemptRef, submittedAt: null, total: null, max: null },
  { banks: [bankInfo, unstarted, windowed] },
  campaignSample,
  { campaigns: [campaignSample] },
  bank,
  { bankId: 'b' },
  attempt,
  { ...attempt, submittedAt: 2, result: quizResult },
  { answers: [answerSample] },
  ...issues,
  ...summaries,
  { entries: { i: entry }, summaries: { i: summaries[0] } },
  member,
  { member },
  { token: 't', member },
  { signedOut: 2, member },
  { token: null, member: null },
  { ok: true },
  { code: 'ABCD2345', expiresAt: 1 },
  { fontStep: 3, careMode: true, nightMode: false },
  progress,
  { articles: { 'i/a': progress } },
  { error: 'not_found', message: '没有' },
  { deviceName: 'x' },
  { joinCode: 'ABCD2345' },
  { displayName: '小王' },
  // 听: an attached audio, with and without a known length.
  {
    url: `/media/audio/${'a'.repeat(64)}.mp3`,
    mime: 'audio/mpeg',
    bytes: 1000,
    sha256: 'a'.repeat(64),
    durationSec: 61.5
  },
  { url: `/media/audio/${'b'.repeat(64)}.wav`, mime: 'audio/wav', bytes: 44, sha256: 'b'.repeat(64) }
]

/** A value and the values inside it (the first two items of arrays), so nested schemas get real samples too. */
function* parts(value: unknown, depth = 0): Generator<unknown> {
  yield value
  if (depth > 4 || value === null || typeof value !== 'object') return
  for (const inner of Array.isArray(value) ? value.slice(0, 2) : Object.values(value)) yield* parts(inner, depth + 1)
}
const allSamples = samples.flatMap((sample) => [...parts(sample)])

/** Each sample, and copies of it with one value somewhere inside replaced or removed. */
function* variants(value: unknown, depth = 0): Generator<unknown> {
  yield value
  if (depth > 4 || value === null || typeof value !== 'object') return
  const odd = [
    null,
    undefined,
    0,
    -1,
    1.5,
    NaN,
    Infinity,
    '',
    'x'.repeat(200),
    '2020-13-99',
    true,
    [],
    {},
    [1],
    { a: 1 }
  ]
  const entries = Object.entries(value).slice(0, 6)
  for (const [key, inner] of entries) {
    for (const replacement of odd)
      yield Array.isArray(value)
        ? value.map((v, i) => (String(i) === key ? replacement : v))
        : { ...value, [key]: replacement }
    if (!Array.isArray(value)) {
      const { [key]: _, ...rest } = value as Record<string, unknown>
      void _
      yield rest
    }
    for (const deeper of variants(inner, depth + 1)) {
      yield Array.isArray(value) ? value.map((v, i) => (String(i) === key ? deeper : v)) : { ...value, [key]: deeper }
    }
  }
  if (!Array.isArray(value)) {
    yield { ...value, extra: 1 }
    yield Object.assign(Object.create(null), value)
    yield [value]
  }
}

describe('matches agrees with TypeBox Value.Check', () => {
  it('uses only the keywords it understands', () => {
    const seen = new Set<string>()
    const walk = (s: unknown) => {
      if (s === null || typeof s !== 'object') return
      for (const [k, v] of Object.entries(s)) {
        if (!Array.isArray(s)) seen.add(k)
        if (k === 'properties' || k === 'patternProperties') Object.values(v as object).forEach(walk)
        else if (typeof v === 'object') walk(v)
      }
    }
    for (const [, s] of schemas) walk(s)
    expect([...seen].filter((k) => !(SUPPORTED_KEYWORDS as readonly string[]).includes(k))).toEqual([])
  })

  it.each(schemas)('%s: on real samples and every one-value mutation of them', (_name, schema) => {
    let accepted = 0
    for (const sample of allSamples) {
      for (const v of variants(sample, 2)) {
        const expected = Value.Check(schema, v)
        if (matches(schema, v) !== expected) expect.fail(`disagrees on ${JSON.stringify(v)?.slice(0, 300)}`)
        if (expected) accepted++
      }
    }
    expect(accepted).toBeGreaterThan(0)
  })

  it.each(schemas)('%s: on random values', (_name, schema) => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withObjectString: true }),
        (v) => matches(schema, v) === Value.Check(schema, v)
      ),
      { numRuns: 300 }
    )
  })
})

describe('matches on the bank keywords (tuple, uniqueItems, exclusiveMinimum)', () => {
  const [tf, multi] = bank.questions
  const cases: unknown[] = [
    tf,
    { ...tf, options: ['正确'] },
    { ...tf, options: ['正确', '错误', '错误'] },
    { ...tf, options: ['错误', '正确'] },
    multi,
    { ...multi, answer: ['A', 'A'] },
    { ...multi, answer: ['B', 'A'] },
    { ...multi, score: 0 },
    { ...multi, score: 0.5 }
  ]
  it.each(cases.map((c, i) => [i, c]))('case %i agrees with Value.Check', (_i, question) => {
    const value = { ...bank, questions: [question] }
    expect(matches(quiz.QuizBankReplySchema, value)).toBe(Value.Check(quiz.QuizBankReplySchema, value))
  })

  it('tells them apart', () => {
    const ok = (q: unknown) => matches(quiz.QuizBankReplySchema, { ...bank, questions: [q] })
    expect([tf, multi].map(ok)).toEqual([true, true])
    expect(
      [
        { ...tf, options: ['正确'] },
        { ...multi, answer: ['A', 'A'] },
        { ...multi, score: 0 }
      ].map(ok)
    ).toEqual([false, false, false])
  })
})
