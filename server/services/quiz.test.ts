// QuizService on its own: bank loading (a broken bank is skipped), the one-attempt rule, and what a submission counts.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Bank } from '../../src/domain/quiz/index'
import { contestAnswerId } from '../../src/domain/quiz/contest'
import { fill, multiple, single, trueFalse } from '../../src/domain/quiz/testing'
import { HttpError } from '../errors'
import { dumpDatabase, signInDevice, tempDir, testEnv, type TestEnv } from '../test-support'
import { QuizService, SUBMIT_GRACE_MS, shippedBanks } from './quiz'

const Q1_OPTIONS = ['上海', '北京', '广州']
const q1 = { ...single('一大在哪里召开？', Q1_OPTIONS, 'A', 2), topic: '建党' }
const q2 = { ...multiple('哪些是四史？', ['党史', '新中国史', '地理'], ['A', 'B']), topic: '建党' }
const q3 = trueFalse('遵义会议在1935年召开。', true)
const q4 = fill('中国共产党成立于____年。', ['1921'])
const contest: Bank = { id: 'c', title: '测试竞答', use: 'contest', questions: [q1, q2, q3, q4] }
const practice: Bank = { id: 'p', title: '测试练习', use: 'practice', questions: [q1] }

let env: TestEnv
let quiz: QuizService
let seeds = 0

beforeAll(async () => {
  env = await testEnv()
  quiz = new QuizService(
    env.app.services.store.quiz,
    env.app.services.store.sync,
    env.clock.now,
    () => `seed-${++seeds}`
  )
  quiz.addBank(contest, 10 * 60_000)
  quiz.addBank(practice)
})
afterAll(async () => env.close())

const code = async (p: Promise<unknown>) => {
  try {
    await p
    return null
  } catch (e) {
    return e instanceof HttpError ? `${e.statusCode} ${e.error}` : String(e)
  }
}

describe('loadBanks', () => {
  it('loads the shipped bank and skips a broken one without throwing', async () => {
    const dir = tempDir()
    try {
      const broken = join(dir.path, 'broken.csv')
      writeFileSync(broken, '题型,题干\n单选,缺列\n')
      const service = new QuizService(env.app.services.store.quiz, env.app.services.store.sync, env.clock.now)
      const [shipped] = shippedBanks()
      const { loaded, failed } = await service.loadBanks(
        [
          { id: 'broken', title: '坏题库', use: 'both', file: broken },
          { id: 'missing', title: '不存在', use: 'both', file: join(dir.path, 'missing.csv') },
          shipped
        ],
        [],
        'content/issues'
      )
      // Without issues the shipped bank's article quotes cannot be found: it is refused too, and listed as such.
      expect(loaded).toEqual([])
      expect(failed.map((f) => f.id)).toEqual(['broken', 'missing', 'dangshi-100'])
      expect(failed[0].problems[0]).toMatch(/表头缺少列/)
      expect(await service.listBanks('nobody')).toEqual([])
    } finally {
      dir.remove()
    }
  })

  it('the app starts with a broken bank and lists only the good ones', async () => {
    const dir = tempDir()
    const broken = join(dir.path, 'broken.csv')
    writeFileSync(broken, 'not a bank')
    const other = await testEnv({
      quizBanks: [{ id: 'broken', title: '坏题库', use: 'both', file: broken }, ...shippedBanks()]
    })
    try {
      expect((await other.app.services.quiz.listBanks('nobody')).map((b) => b.id)).toEqual(['dangshi-100'])
    } finally {
      await other.close()
      dir.remove()
    }
  })
})

describe('start', () => {
  it('refuses a practice-only bank and an unknown one', async () => {
    const { memberId } = await signInDevice(env.app)
    expect(await code(quiz.start(memberId, 'p'))).toBe('403 bank_not_for_contest')
    expect(await code(quiz.start(memberId, 'x'))).toBe('404 unknown_bank')
  })

  it('a second start keeps the first seed and paper', async () => {
    const { memberId } = await signInDevice(env.app)
    const first = await quiz.start(memberId, 'c')
    const before = dumpDatabase(env.dataDir)
    env.clock.advance(1000)
    const again = await quiz.start(memberId, 'c')
    expect(again).toEqual(first)
    expect(dumpDatabase(env.dataDir)).toBe(before)
  })

  it('sends shown options in the paper order, without answers', async () => {
    const { memberId } = await signInDevice(env.app)
    const a = await quiz.start(memberId, 'c')
    const shown = a.questions.find((q) => q.id === q1.id)!
    expect(shown.options).toEqual(a.paper.options[q1.id].map((i) => Q1_OPTIONS[i]))
    expect(JSON.stringify(a.questions)).not.toMatch(/answer|explanation|source/)
  })
})

describe('submit', () => {
  it('scores with the domain scorer: original letters, 判断 as A/B, 填空 text; per topic', async () => {
    const { memberId } = await signInDevice(env.app)
    const a = await quiz.start(memberId, 'c')
    const at = a.startedAt + 1
    const done = await quiz.submit(memberId, a.id, [
      { questionId: q1.id, answer: ['A'], at },
      { questionId: q2.id, answer: ['B', 'A'], at },
      { questionId: q3.id, answer: ['B'], at },
      { questionId: q4.id, answer: ['１９２１'], at }
    ])
    const r = done.result!
    expect(r.total).toBe(4)
    expect(r.max).toBe(5)
    const byId = Object.fromEntries(r.questions.map((q) => [q.questionId, q]))
    expect(byId[q3.id]).toMatchObject({ correct: false, answer: ['A'], given: ['B'] })
    expect(byId[q4.id]).toMatchObject({ correct: true, answer: ['1921'] })
    expect(r.topics).toEqual(
      expect.arrayContaining([
        { topic: '建党', correct: 2, total: 2 },
        { topic: '其他', correct: 1, total: 2 }
      ])
    )
  })

  it('the last answer given in time wins; answers to questions not on the paper are ignored', async () => {
    const { memberId } = await signInDevice(env.app)
    const a = await quiz.start(memberId, 'c')
    env.clock.advance(10)
    const done = await quiz.submit(memberId, a.id, [
      { questionId: q1.id, answer: ['A'], at: a.startedAt + 2 },
      { questionId: q1.id, answer: ['B'], at: a.startedAt + 1 },
      { questionId: 'q00000000', answer: ['A'], at: a.startedAt + 1 }
    ])
    expect(done.result!.total).toBe(2)
    expect(done.result!.questions).toHaveLength(4)
  })

  it('takes a submission up to the grace after the deadline, counting only answers given by the deadline', async () => {
    const { memberId } = await signInDevice(env.app)
    const a = await quiz.start(memberId, 'c')
    env.clock.advance(a.timeLimitMs + SUBMIT_GRACE_MS)
    const done = await quiz.submit(memberId, a.id, [
      { questionId: q1.id, answer: ['A'], at: a.deadline },
      { questionId: q3.id, answer: ['A'], at: a.deadline + 1 }
    ])
    expect(done.result!.total).toBe(2)
  })

  it("another member's attempt is unknown to read and to submit", async () => {
    const alice = await signInDevice(env.app)
    const bob = await signInDevice(env.app)
    const a = await quiz.start(alice.memberId, 'c')
    expect(await code(quiz.get(bob.memberId, a.id))).toBe('404 unknown_attempt')
    expect(await code(quiz.submit(bob.memberId, a.id, []))).toBe('404 unknown_attempt')
    expect((await quiz.get(alice.memberId, a.id)).submittedAt).toBeNull()
  })
})

/** Pushes contest answers for an attempt as the member's device would (one new client per call). */
let clients = 0
async function sync(memberId: string, attemptId: string, answers: Array<{ q: string; answer: string[]; at: number }>) {
  const clientId = `client-${++clients}`
  const outcome = await env.app.services.sync.push(
    memberId,
    answers.map((a, i) => ({
      clientId,
      id: i + 1,
      name: 'answer',
      args: {
        answerId: contestAnswerId(attemptId, a.q, `${clientId}-${i}`),
        bankId: 'c',
        questionId: a.q,
        answer: a.answer,
        at: a.at
      },
      at: a.at
    }))
  )
  expect(outcome).toMatchObject({ kind: 'ok', applied: answers.length })
}

describe('practiceBank', () => {
  it('serves a practice bank whole, with answers and 解析, and an ETag; refuses contest-only and unknown banks', async () => {
    const p = quiz.practiceBank('p')
    expect(JSON.parse(p.body)).toEqual(practice)
    expect(p.etag).toMatch(/^"[0-9a-f]{64}"$/)
    expect(await code(Promise.resolve().then(() => quiz.practiceBank('c')))).toBe('403 bank_not_for_practice')
    expect(await code(Promise.resolve().then(() => quiz.practiceBank('x')))).toBe('404 unknown_bank')
  })
})

describe('listBanks', () => {
  it("names the member's own attempt: null, then started, then with its score", async () => {
    const { memberId } = await signInDevice(env.app)
    const other = await signInDevice(env.app)
    const ref = async (id: string) => (await quiz.listBanks(id)).find((b) => b.id === 'c')!.attempt
    expect(await ref(memberId)).toBeNull()
    const a = await quiz.start(memberId, 'c')
    expect(await ref(memberId)).toEqual({
      id: a.id,
      startedAt: a.startedAt,
      deadline: a.deadline,
      submittedAt: null,
      total: null,
      max: null
    })
    expect(await ref(other.memberId)).toBeNull()
    const done = await quiz.submit(memberId, a.id, [{ questionId: q1.id, answer: ['A'], at: a.startedAt }])
    expect(await ref(memberId)).toMatchObject({ submittedAt: done.submittedAt, total: 2, max: 5 })
    expect((await quiz.listBanks(memberId)).find((b) => b.id === 'p')!.attempt).toBeNull()
  })
})

describe('synced contest answers', () => {
  it('count with the body: the latest answer to a question wins, and a cleared one clears', async () => {
    const { memberId } = await signInDevice(env.app)
    const a = await quiz.start(memberId, 'c')
    const t = a.startedAt
    env.clock.advance(60_000)
    await sync(memberId, a.id, [
      { q: q1.id, answer: ['B'], at: t + 1 },
      { q: q1.id, answer: ['A'], at: t + 2 }, // q1 right (2)
      { q: q2.id, answer: ['A', 'B'], at: t + 1 },
      { q: q2.id, answer: [], at: t + 3 }, // q2 cleared
      { q: q3.id, answer: ['A'], at: t + 5 }, // q3 right, but the body's later wrong answer wins
      { q: q4.id, answer: ['1921'], at: t + 1 } // q4 right; the body's earlier wrong answer loses
    ])
    const done = await quiz.submit(memberId, a.id, [
      { questionId: q2.id, answer: ['A', 'B'], at: t + 2 },
      { questionId: q3.id, answer: ['B'], at: t + 6 },
      { questionId: q4.id, answer: ['1922'], at: t }
    ])
    const byId = Object.fromEntries(done.result!.questions.map((q) => [q.questionId, q]))
    expect(byId[q1.id]).toMatchObject({ correct: true, given: ['A'] })
    expect(byId[q2.id]).toMatchObject({ answered: false, given: [] })
    expect(byId[q3.id]).toMatchObject({ correct: false, given: ['B'] })
    expect(byId[q4.id]).toMatchObject({ correct: true, given: ['1921'] })
    expect(done.result!.total).toBe(3)
  })

  it('do not count when given after the deadline or received after deadline + grace, nor for another attempt', async () => {
    const { memberId } = await signInDevice(env.app)
    const a = await quiz.start(memberId, 'c')
    const other = await signInDevice(env.app)
    const b = await quiz.start(other.memberId, 'c')
    env.clock.advance(a.timeLimitMs + 1000)
    await sync(memberId, a.id, [
      { q: q1.id, answer: ['A'], at: a.deadline + 1 }, // given late
      { q: q4.id, answer: ['1921'], at: a.deadline } // in time
    ])
    await sync(other.memberId, b.id, [{ q: q3.id, answer: ['A'], at: b.startedAt }]) // not this member's
    env.clock.advance(SUBMIT_GRACE_MS) // now past deadline + grace
    await sync(memberId, a.id, [{ q: q2.id, answer: ['A', 'B'], at: a.startedAt + 1 }]) // claims an early time
    const done = await quiz.submit(memberId, a.id, [])
    expect(done.result!.total).toBe(1)
    expect(done.result!.questions.filter((q) => q.answered).map((q) => q.questionId)).toEqual([q4.id])
  })
})

describe('an attempt nobody submitted', () => {
  it('is scored from its synced answers once deadline + grace has passed, when read; only once', async () => {
    const { memberId } = await signInDevice(env.app)
    const a = await quiz.start(memberId, 'c')
    await sync(memberId, a.id, [{ q: q1.id, answer: ['A'], at: a.startedAt }])
    env.clock.advance(a.timeLimitMs + SUBMIT_GRACE_MS)
    expect((await quiz.get(memberId, a.id)).submittedAt).toBeNull() // the grace is not over yet
    env.clock.advance(1)
    const scored = await quiz.get(memberId, a.id)
    expect(scored.submittedAt).toBe(a.deadline + SUBMIT_GRACE_MS)
    expect(scored.result!.total).toBe(2)
    const before = dumpDatabase(env.dataDir)
    env.clock.advance(60_000)
    expect(await quiz.get(memberId, a.id)).toEqual(scored)
    expect(await quiz.start(memberId, 'c')).toEqual(scored)
    expect(await quiz.submit(memberId, a.id, [{ questionId: q2.id, answer: ['A', 'B'], at: a.startedAt }])).toEqual(
      scored
    )
    expect(dumpDatabase(env.dataDir)).toBe(before)
  })

  it('is scored by the bank list, by a second start and by a late submit too', async () => {
    for (const read of [
      async (memberId: string) => void (await quiz.listBanks(memberId)),
      async (memberId: string) => void (await quiz.start(memberId, 'c')),
      async (memberId: string, id: string) => void (await quiz.submit(memberId, id, []))
    ]) {
      const { memberId } = await signInDevice(env.app)
      const a = await quiz.start(memberId, 'c')
      await sync(memberId, a.id, [{ q: q3.id, answer: ['A'], at: a.startedAt }])
      env.clock.advance(a.timeLimitMs + SUBMIT_GRACE_MS + 1)
      await read(memberId, a.id)
      const row = (await env.app.services.store.quiz.get(a.id))!
      expect(row.submittedAt).toBe(a.deadline + SUBMIT_GRACE_MS)
      expect(JSON.parse(row.resultJson!)).toMatchObject({ total: 1, max: 5 })
    }
  })
})
