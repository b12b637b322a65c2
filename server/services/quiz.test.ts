// QuizService on its own: bank loading (a broken bank is skipped), the one-attempt rule, and what a submission counts.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Bank } from '../../src/domain/quiz/index'
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
  quiz = new QuizService(env.app.services.store.quiz, env.clock.now, () => `seed-${++seeds}`)
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
      const service = new QuizService(env.app.services.store.quiz, env.clock.now)
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
      expect(service.listBanks()).toEqual([])
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
      expect(other.app.services.quiz.listBanks().map((b) => b.id)).toEqual(['dangshi-100'])
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
