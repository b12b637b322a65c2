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
import { matches, SUPPORTED_KEYWORDS } from './check'
import * as errors from './errors'
import * as issue from './issue'
import * as persisted from './persisted'
import * as quiz from './quiz'

const schemas = (
  Object.entries({ ...account, ...errors, ...issue, ...persisted, ...quiz }) as Array<[string, unknown]>
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
const unstarted = { ...bankInfo, attempt: null }
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
const samples: unknown[] = [
  bankInfo,
  { ...attemptRef, submittedAt: null, total: null, max: null },
  { banks: [bankInfo, unstarted] },
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
  { displayName: '小王' }
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
