// The scored 百题竞答 over HTTP: one attempt per member and bank, scored on the server by its own clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { QuizAttempt, QuizBanksReply } from '../../../../src/domain/api/quiz'
import { contestAnswerId } from '../../../../src/domain/quiz/contest'
import type { Bank, Question } from '../../../../src/domain/quiz/index'
import { SUBMIT_GRACE_MS, shippedBanks, type BankSpec } from '../../../services/quiz'
import { loadIssues, readBankFile } from '../../../services/quiz-files'
import { bearer, dumpDatabase, signInDevice, testEnv, type TestEnv } from '../../../test-support'

let env: TestEnv
let bank: { questions: Question[] }

beforeAll(async () => {
  // The shipped bank (practice and contest) and the same file as a contest-only bank.
  const contestOnly: BankSpec = { ...shippedBanks()[0], id: 'contest-only', title: '只用于竞答', use: 'contest' }
  env = await testEnv({ quizBanks: [...shippedBanks(), contestOnly] })
  // The questions with their answers, read as the server reads them (the replies never carry them before a submit).
  const read = await readBankFile(
    shippedBanks()[0].file,
    loadIssues(env.contentDir, () => {}),
    env.contentDir
  )
  if (!read.ok) throw new Error(read.problems.join('\n'))
  bank = read
})
afterAll(async () => env.close())

/** The right answer in original letters (the first accepted text for 填空). */
function right(q: Question): string[] {
  switch (q.type) {
    case 'single':
      return [q.answer]
    case 'multiple':
      return q.answer
    case 'truefalse':
      return [q.answer ? 'A' : 'B']
    case 'fill':
      return [q.answers[0]]
  }
}

/** A wrong answer in original letters. */
function wrong(q: Question): string[] {
  if (q.type === 'fill') return ['不是这个答案']
  const r = right(q)
  const other = ['A', 'B', 'C', 'D'].find((l) => !r.includes(l))
  // A multiple-choice question whose every option is right: leaving one out is wrong.
  return other ? [other] : r.slice(1)
}

async function start(token: string, bankId = 'dangshi-100') {
  return env.app.inject({ method: 'POST', url: '/api/quiz/attempts', headers: bearer(token), payload: { bankId } })
}

async function submit(token: string, id: string, payload: unknown) {
  return env.app.inject({
    method: 'POST',
    url: `/api/quiz/attempts/${id}/submit`,
    headers: bearer(token),
    payload: payload as Record<string, unknown>
  })
}

/** Pushes contest answers for an attempt through /api/sync/push, as the member's phone does (a new client each call). */
let clients = 0
async function syncAnswers(
  token: string,
  attempt: QuizAttempt,
  answers: Array<{ questionId: string; answer: string[]; at: number }>
) {
  const clientId = `phone-${++clients}`
  const mutations = answers.map((a, i) => ({
    clientId,
    id: i + 1,
    name: 'answer',
    args: {
      answerId: contestAnswerId(attempt.id, a.questionId, `${clientId}-${i}`),
      bankId: attempt.bankId,
      questionId: a.questionId,
      answer: a.answer,
      at: a.at
    },
    at: a.at
  }))
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: bearer(token),
    payload: { mutations }
  })
  expect(res.statusCode).toBe(200)
  expect(res.json()).toMatchObject({ applied: answers.length, rejected: [] })
}

async function banks(token: string) {
  const res = await env.app.inject({ method: 'GET', url: '/api/quiz/banks', headers: bearer(token) })
  expect(res.statusCode).toBe(200)
  return (res.json() as QuizBanksReply).banks
}

describe('GET /api/quiz/banks', () => {
  it('lists the loaded banks with their question counts; needs a sign-in', async () => {
    const { token } = await signInDevice(env.app)
    expect(await banks(token)).toEqual([
      {
        id: 'dangshi-100',
        title: '读党史·百题竞答',
        use: 'both',
        questionCount: 100,
        timeLimitMs: 3_600_000,
        attempt: null,
        // No campaign loaded here: the scored quiz is not limited to a window.
        window: null
      },
      {
        id: 'contest-only',
        title: '只用于竞答',
        use: 'contest',
        questionCount: 100,
        timeLimitMs: 3_600_000,
        attempt: null,
        window: null
      }
    ])
    const anon = await env.app.inject({ method: 'GET', url: '/api/quiz/banks' })
    expect(anon.statusCode).toBe(401)
  })

  it("names the member's own attempt: null before the start, the attempt after, its score once submitted", async () => {
    const alice = await signInDevice(env.app, 'alice')
    const bob = await signInDevice(env.app, 'bob')
    const a = (await start(alice.token)).json() as QuizAttempt
    const ref = { id: a.id, startedAt: a.startedAt, deadline: a.deadline, submittedAt: null, total: null, max: null }
    expect((await banks(alice.token)).map((b) => b.attempt)).toEqual([ref, null])
    // Bob sees only his own: none.
    expect((await banks(bob.token)).map((b) => b.attempt)).toEqual([null, null])
    const q = bank.questions.find((x) => x.id === a.paper.questionIds[0])!
    env.clock.advance(1000)
    const done = (
      await submit(alice.token, a.id, { answers: [{ questionId: q.id, answer: right(q), at: a.startedAt }] })
    ).json() as QuizAttempt
    const max = bank.questions.reduce((n, x) => n + x.score, 0)
    expect((await banks(alice.token))[0].attempt).toEqual({
      ...ref,
      submittedAt: done.submittedAt,
      total: q.score,
      max
    })
    expect((await banks(bob.token)).map((b) => b.attempt)).toEqual([null, null])
  })
})

describe('GET /api/quiz/banks/:id', () => {
  it('sends a practice bank whole, with answers and 解析, and answers 304 to its ETag', async () => {
    const { token } = await signInDevice(env.app)
    const res = await env.app.inject({ method: 'GET', url: '/api/quiz/banks/dangshi-100', headers: bearer(token) })
    expect(res.statusCode).toBe(200)
    const got = res.json() as Bank
    expect(got).toMatchObject({ id: 'dangshi-100', title: '读党史·百题竞答', use: 'both' })
    expect(got.questions).toEqual(bank.questions)
    expect(res.headers['cache-control']).toBe('private, no-cache')
    const etag = res.headers.etag as string
    const again = await env.app.inject({
      method: 'GET',
      url: '/api/quiz/banks/dangshi-100',
      headers: { ...bearer(token), 'if-none-match': etag }
    })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
  })

  it('refuses a contest-only bank (403, in Chinese) and an unknown one (404); needs a sign-in', async () => {
    const { token } = await signInDevice(env.app)
    const contest = await env.app.inject({ method: 'GET', url: '/api/quiz/banks/contest-only', headers: bearer(token) })
    expect(contest.statusCode).toBe(403)
    expect(contest.json()).toEqual({
      error: 'bank_not_for_practice',
      message: '这个题库只用于计分竞答，交卷前不能练习'
    })
    expect(contest.body).not.toMatch(/"(answer|answers|explanation)"/)
    const unknown = await env.app.inject({ method: 'GET', url: '/api/quiz/banks/no-such-bank', headers: bearer(token) })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error).toBe('unknown_bank')
    const anon = await env.app.inject({ method: 'GET', url: '/api/quiz/banks/dangshi-100' })
    expect(anon.statusCode).toBe(401)
    expect(anon.body).not.toMatch(/"questions"/)
  })
})

describe('POST /api/quiz/attempts', () => {
  it('starts one attempt with a shuffled paper and no answers or 解析 in the reply', async () => {
    const { token } = await signInDevice(env.app)
    const res = await start(token)
    expect(res.statusCode).toBe(200)
    const a = res.json() as QuizAttempt
    expect(a.questions).toHaveLength(100)
    expect(a.paper.questionIds).toEqual(a.questions.map((q) => q.id))
    expect(a.startedAt).toBe(env.clock.now())
    expect(a.deadline).toBe(a.startedAt + 3_600_000)
    expect(a.submittedAt).toBeNull()
    expect(a.result).toBeNull()
    for (const q of a.questions) expect(Object.keys(q).sort()).not.toContain('answer')
    expect(res.body).not.toMatch(/"(answer|answers|explanation|source)"/)
    // Shown options are the bank's, in the paper's order.
    const q = bank.questions.find((x) => x.id === a.questions[0].id)!
    if (q.type !== 'fill') expect([...a.questions[0].options].sort()).toEqual([...q.options].sort())
  })

  it('a second start returns the same attempt and paper, never a new one', async () => {
    const { token } = await signInDevice(env.app)
    const first = (await start(token)).json() as QuizAttempt
    env.clock.advance(60_000)
    const again = await start(token)
    expect(again.statusCode).toBe(200)
    expect(again.json()).toEqual(first)
  })

  it('refuses an unknown bank with 404 unknown_bank', async () => {
    const { token } = await signInDevice(env.app)
    const res = await start(token, 'no-such-bank')
    expect(res.statusCode).toBe(404)
    expect(res.json().error).toBe('unknown_bank')
  })
})

describe('POST /api/quiz/attempts/:id/submit', () => {
  it('scores right answers right and wrong ones wrong, with per-topic counts and the review', async () => {
    const { token } = await signInDevice(env.app)
    const a = (await start(token)).json() as QuizAttempt
    const [first, second, ...rest] = a.paper.questionIds.map((id) => bank.questions.find((q) => q.id === id)!)
    const at = env.clock.now() + 1000
    env.clock.advance(10 * 60_000)
    const answers = [
      { questionId: first.id, answer: right(first), at },
      { questionId: second.id, answer: wrong(second), at },
      ...rest.slice(0, 50).map((q) => ({ questionId: q.id, answer: right(q), at }))
    ]
    const res = await submit(token, a.id, { answers })
    expect(res.statusCode).toBe(200)
    const done = res.json() as QuizAttempt
    expect(done.submittedAt).toBe(env.clock.now())
    const result = done.result!
    const score = (qs: Question[]) => qs.reduce((n, q) => n + q.score, 0)
    expect(result.total).toBe(score([first, ...rest.slice(0, 50)]))
    expect(result.max).toBe(score(bank.questions))
    expect(result.questions).toHaveLength(100)
    expect(result.questions[0]).toMatchObject({ questionId: first.id, correct: true, answered: true })
    expect(result.questions[1]).toMatchObject({ questionId: second.id, correct: false, answered: true })
    expect(result.questions[60]).toMatchObject({ correct: false, answered: false, score: 0, given: [] })
    expect(result.questions[0].explanation).toBe(first.explanation)
    expect(result.questions[0].source).toEqual(first.source)
    expect(result.topics.reduce((n, t) => n + t.total, 0)).toBe(100)
    expect(result.topics.reduce((n, t) => n + t.correct, 0)).toBe(51)
    // GET shows the same result.
    const got = await env.app.inject({ method: 'GET', url: `/api/quiz/attempts/${a.id}`, headers: bearer(token) })
    expect(got.json()).toEqual(done)
  })

  it('refuses a score sent by the client (400) and stores nothing', async () => {
    const { token } = await signInDevice(env.app)
    const a = (await start(token)).json() as QuizAttempt
    const before = dumpDatabase(env.dataDir)
    const res = await submit(token, a.id, { answers: [], total: 100 })
    expect(res.statusCode).toBe(400)
    const inAnswer = await submit(token, a.id, {
      answers: [{ questionId: a.questions[0].id, answer: ['A'], at: env.clock.now(), score: 1 }]
    })
    expect(inAnswer.statusCode).toBe(400)
    expect(dumpDatabase(env.dataDir)).toBe(before)
  })

  it('a second submit returns the stored result unchanged', async () => {
    const { token } = await signInDevice(env.app)
    const a = (await start(token)).json() as QuizAttempt
    const q = bank.questions.find((x) => x.id === a.paper.questionIds[0])!
    const first = (await submit(token, a.id, { answers: [] })).json() as QuizAttempt
    expect(first.result!.total).toBe(0)
    const before = dumpDatabase(env.dataDir)
    const again = await submit(token, a.id, { answers: [{ questionId: q.id, answer: right(q), at: a.startedAt }] })
    expect(again.statusCode).toBe(200)
    expect(again.json()).toEqual(first)
    expect(dumpDatabase(env.dataDir)).toBe(before)
    // Nor does starting again give a new paper.
    expect((await start(token)).json()).toEqual(first)
  })

  it('does not count answers given after the time limit', async () => {
    const { token } = await signInDevice(env.app)
    const a = (await start(token)).json() as QuizAttempt
    const [q1, q2] = a.paper.questionIds.map((id) => bank.questions.find((q) => q.id === id)!)
    env.clock.advance(3_600_000 + 60_000) // past the deadline, within the grace
    const res = await submit(token, a.id, {
      answers: [
        { questionId: q1.id, answer: right(q1), at: a.deadline - 1 },
        { questionId: q2.id, answer: right(q2), at: a.deadline + 1 }
      ]
    })
    const result = (res.json() as QuizAttempt).result!
    expect(result.total).toBe(q1.score)
    expect(result.questions[1]).toMatchObject({ questionId: q2.id, correct: false, answered: false })
  })

  it('counts nothing when the submission arrives after the deadline and its grace', async () => {
    const { token } = await signInDevice(env.app)
    const a = (await start(token)).json() as QuizAttempt
    const q = bank.questions.find((x) => x.id === a.paper.questionIds[0])!
    env.clock.advance(3_600_000 + SUBMIT_GRACE_MS + 1)
    const res = await submit(token, a.id, { answers: [{ questionId: q.id, answer: right(q), at: a.startedAt + 1 }] })
    expect(res.statusCode).toBe(200)
    expect((res.json() as QuizAttempt).result!.total).toBe(0)
  })

  it('clamps an answer time from the future to the server clock', async () => {
    const { token } = await signInDevice(env.app)
    const a = (await start(token)).json() as QuizAttempt
    const q = bank.questions.find((x) => x.id === a.paper.questionIds[0])!
    env.clock.advance(60_000)
    const res = await submit(token, a.id, { answers: [{ questionId: q.id, answer: right(q), at: a.deadline + 1e9 }] })
    expect((res.json() as QuizAttempt).result!.total).toBe(q.score)
  })
})

describe('synced contest answers', () => {
  it('pushed through /api/sync/push before the submit are scored (the body may be empty)', async () => {
    const { token } = await signInDevice(env.app)
    const a = (await start(token)).json() as QuizAttempt
    const [q1, q2, q3] = a.paper.questionIds.map((id) => bank.questions.find((q) => q.id === id)!)
    env.clock.advance(60_000)
    await syncAnswers(token, a, [
      { questionId: q1.id, answer: right(q1), at: a.startedAt + 1 },
      { questionId: q2.id, answer: right(q2), at: a.startedAt + 1 },
      { questionId: q2.id, answer: [], at: a.startedAt + 2 }, // cleared: q2 is unanswered
      { questionId: q3.id, answer: wrong(q3), at: a.startedAt + 1 }
    ])
    const res = await submit(token, a.id, { answers: [] })
    expect(res.statusCode).toBe(200)
    const result = (res.json() as QuizAttempt).result!
    expect(result.total).toBe(q1.score)
    expect(result.questions.slice(0, 3)).toMatchObject([
      { questionId: q1.id, correct: true, answered: true, given: right(q1) },
      { questionId: q2.id, correct: false, answered: false, given: [] },
      { questionId: q3.id, correct: false, answered: true, given: wrong(q3) }
    ])
  })

  it('given after the deadline do not count', async () => {
    const { token } = await signInDevice(env.app)
    const a = (await start(token)).json() as QuizAttempt
    const [q1, q2] = a.paper.questionIds.map((id) => bank.questions.find((q) => q.id === id)!)
    env.clock.advance(3_600_000 + 30_000) // past the deadline, within the grace
    await syncAnswers(token, a, [
      { questionId: q1.id, answer: right(q1), at: a.deadline },
      { questionId: q2.id, answer: right(q2), at: a.deadline + 1 }
    ])
    const result = ((await submit(token, a.id, { answers: [] })).json() as QuizAttempt).result!
    expect(result.total).toBe(q1.score)
    expect(result.questions[1]).toMatchObject({ questionId: q2.id, answered: false })
  })

  it('an attempt nobody submitted is scored from them once deadline + grace has passed', async () => {
    const { token } = await signInDevice(env.app)
    const a = (await start(token)).json() as QuizAttempt
    const q = bank.questions.find((x) => x.id === a.paper.questionIds[0])!
    await syncAnswers(token, a, [{ questionId: q.id, answer: right(q), at: a.startedAt + 1 }])
    env.clock.advance(3_600_000 + SUBMIT_GRACE_MS + 1) // the phone died: no submit ever came
    const listed = (await banks(token))[0].attempt
    expect(listed).toMatchObject({ id: a.id, submittedAt: a.deadline + SUBMIT_GRACE_MS, total: q.score })
    const got = await env.app.inject({ method: 'GET', url: `/api/quiz/attempts/${a.id}`, headers: bearer(token) })
    const scored = got.json() as QuizAttempt
    expect(scored.result!.total).toBe(q.score)
    expect(scored.result!.questions[0]).toMatchObject({ correct: true, answered: true })
  })
})

describe("another member's attempt", () => {
  it('is 404 to read and to submit, and the database is unchanged', async () => {
    const alice = await signInDevice(env.app, 'alice')
    const bob = await signInDevice(env.app, 'bob')
    const a = (await start(alice.token)).json() as QuizAttempt
    const before = dumpDatabase(env.dataDir)
    const read = await env.app.inject({ method: 'GET', url: `/api/quiz/attempts/${a.id}`, headers: bearer(bob.token) })
    expect(read.statusCode).toBe(404)
    expect(read.json().error).toBe('unknown_attempt')
    const sub = await submit(bob.token, a.id, { answers: [] })
    expect(sub.statusCode).toBe(404)
    expect(sub.json().error).toBe('unknown_attempt')
    expect(dumpDatabase(env.dataDir)).toBe(before)
    const own = await env.app.inject({ method: 'GET', url: `/api/quiz/attempts/${a.id}`, headers: bearer(alice.token) })
    expect(own.statusCode).toBe(200)
    expect((own.json() as QuizAttempt).submittedAt).toBeNull()
  })

  it('an unknown attempt id is 404 too', async () => {
    const { token } = await signInDevice(env.app)
    const res = await env.app.inject({ method: 'GET', url: '/api/quiz/attempts/nope', headers: bearer(token) })
    expect(res.statusCode).toBe(404)
  })
})
