import { describe, expect, it } from 'vitest'
import type { QuizAttempt, SubmittedAnswer } from '../../domain/api/quiz'
import { makePaper, shownOptions, type Bank } from '../../domain/quiz/index'
import { fill, multiple, single, trueFalse } from '../../domain/quiz/testing'
import { NetworkError } from '../../platform/http.types'
import { createMemoryKeyValueStore } from '../../platform/kv.memory'
import type { KeyValueStore } from '../../platform/kv'
import { ApiError } from '../api/client'
import { createSyncEngine } from '../sync/engine'
import type { QuizApi } from './api'
import { ContestClosedError, createQuizService } from './service'

const questions = [
  single('中国共产党第一次全国代表大会在哪里召开？', ['上海', '北京', '广州', '重庆'], 'A'),
  multiple('“读党史、守初心、担使命”活动包括哪些环节？', ['读', '听', '讲', '唱'], ['A', 'B', 'C']),
  trueFalse('活动于 2020 年 4 月开始。', true),
  fill('活动覆盖 ____ 余个党组织。', ['3900'])
]
const bank: Bank = { id: 'b1', title: '测试题库', use: 'both', questions }

/** A server that keeps one attempt per bank and scores nothing itself (the route tests cover scoring). */
function fakeApi(t0: number) {
  let offline = false
  const submitted: SubmittedAnswer[][] = []
  let attempt: QuizAttempt | null = null
  const paper = makePaper(questions, 'seed-1')
  const down = () => {
    if (offline) throw new ApiError(0, 'network', '网络不可用', 'offline')
  }
  const api: QuizApi = {
    banks: async () => {
      down()
      return {
        banks: [
          {
            id: 'b1',
            title: bank.title,
            use: 'both',
            questionCount: 4,
            timeLimitMs: 3_600_000,
            attempt: attempt
              ? {
                  id: attempt.id,
                  startedAt: attempt.startedAt,
                  deadline: attempt.deadline,
                  submittedAt: attempt.submittedAt,
                  total: null,
                  max: null
                }
              : null
          }
        ]
      }
    },
    bank: async () => {
      down()
      return bank
    },
    start: async () => {
      down()
      attempt ??= {
        id: 'att-1',
        bankId: 'b1',
        title: bank.title,
        seed: 'seed-1',
        paper,
        questions: paper.questionIds.map((id) => {
          const q = questions.find((x) => x.id === id)!
          return { id, type: q.type, stem: q.stem, options: shownOptions(q, paper), score: q.score }
        }),
        startedAt: t0,
        timeLimitMs: 3_600_000,
        deadline: t0 + 3_600_000,
        submittedAt: null,
        result: null
      }
      return attempt
    },
    attempt: async () => {
      down()
      return attempt!
    },
    submit: async (_id, answers) => {
      down()
      submitted.push(answers)
      attempt = { ...attempt!, submittedAt: t0 + 1, result: { total: 1, max: 4, questions: [], topics: [] } }
      return attempt
    }
  }
  return { api, submitted, setOffline: (o: boolean) => (offline = o) }
}

function device(kv: KeyValueStore, api: QuizApi, clock: { now: number }) {
  let n = 0
  const sync = createSyncEngine({
    kv,
    transport: {
      push: async () => {
        throw new NetworkError('offline')
      },
      pull: async () => {
        throw new NetworkError('offline')
      }
    },
    now: () => clock.now,
    random: () => 0.5,
    newId: () => `client-${++n}`,
    setTimer: () => 0,
    clearTimer: () => undefined
  })
  return { sync, quiz: createQuizService({ api, kv, sync, now: () => clock.now, random: () => 0.5 }) }
}

describe('quiz service', () => {
  it('practice: a wrong answer enters the 错题本 and leaves after two right answers in a row', async () => {
    const clock = { now: 1_000 }
    const { api } = fakeApi(clock.now)
    const { quiz } = device(createMemoryKeyValueStore(), api, clock)
    const b = await quiz.practiceBank('b1')
    const round = quiz.startPractice(b, { kind: 'topic', topic: 'none' })
    expect(round.paper.questionIds).toEqual([])
    quiz.startPractice(b, { kind: 'random', count: 10 })
    const q = questions[0]
    const shownRight = String.fromCharCode(65 + quiz.store.getState().practice!.paper.options[q.id].indexOf(0))
    const shownWrong = shownRight === 'A' ? 'B' : 'A'
    expect(quiz.answerPractice(q, [shownWrong])).toBe(false)
    expect(Object.keys(quiz.store.getState().wrong.b1)).toEqual([q.id])
    for (let i = 0; i < 2; i++) {
      quiz.startPractice(b, { kind: 'wrong' })
      const r = quiz.store.getState().practice!
      const letter = String.fromCharCode(65 + r.paper.options[q.id].indexOf(0))
      expect(quiz.answerPractice(q, [letter])).toBe(true)
    }
    expect(quiz.store.getState().wrong.b1).toEqual({})
  })

  it('practice banks are kept for offline practice; a contest-only refusal is passed on', async () => {
    const clock = { now: 1_000 }
    const server = fakeApi(clock.now)
    const kv = createMemoryKeyValueStore()
    const { quiz } = device(kv, server.api, clock)
    await quiz.practiceBank('b1')
    server.setOffline(true)
    const again = device(kv, server.api, clock).quiz
    expect((await again.practiceBank('b1')).questions).toHaveLength(4)
    await expect(device(createMemoryKeyValueStore(), server.api, clock).quiz.practiceBank('b1')).rejects.toThrow(
      ApiError
    )
  })

  it('practice goes on when the device cannot keep the bank (storage full): the page finds the bank fetched', async () => {
    const clock = { now: 1_000 }
    const server = fakeApi(clock.now)
    const memory = createMemoryKeyValueStore()
    const full: KeyValueStore = {
      ...memory,
      keys: () => memory.keys(),
      getItem: (k) => memory.getItem(k),
      removeItem: (k) => memory.removeItem(k),
      setItem: (k, v) => {
        if (k.startsWith('quiz.bank.')) throw new Error('QuotaExceededError')
        memory.setItem(k, v)
      }
    }
    const { quiz } = device(full, server.api, clock)
    const b = await quiz.practiceBank('b1')
    quiz.startPractice(b, { kind: 'random', count: 10 })
    // What the practice page reads when it opens.
    expect(quiz.keptBank('b1')?.questions).toHaveLength(4)
    // Nothing was kept, so a restarted app offline has no bank (and says so), as before.
    server.setOffline(true)
    expect(device(full, server.api, clock).quiz.keptBank('b1')).toBeNull()
  })

  it('contest: answers are sync facts that survive a killed app, with the question the member was at', async () => {
    const clock = { now: 10_000 }
    const server = fakeApi(clock.now)
    const kv = createMemoryKeyValueStore()
    const first = device(kv, server.api, clock)
    await first.quiz.loadBanks()
    const c = (await first.quiz.openContest('b1', true))!
    const ids = c.attempt.paper.questionIds
    first.quiz.answerContest('b1', ids[0], ['A'])
    clock.now += 1000
    first.quiz.answerContest('b1', ids[0], ['B'])
    first.quiz.moveContest('b1', 2)
    expect(Object.keys(first.quiz.store.getState().answers.b1)).toEqual([ids[0]])

    // Killed: a new engine and service over the same storage, offline.
    server.setOffline(true)
    const second = device(kv, server.api, clock)
    const resumed = second.quiz.store.getState()
    expect(resumed.contests.b1.current).toBe(2)
    const q0 = c.attempt.questions.find((q) => q.id === ids[0])!
    const expected = q0.type === 'fill' ? ['B'] : undefined
    const given = resumed.answers.b1[ids[0]].answer
    if (expected) expect(given).toEqual(expected)
    else expect(given).toHaveLength(1)
    expect(Object.keys(second.sync.facts().answers)).toHaveLength(2)
  })

  it('contest: handed in offline waits, sends every answer once online, and takes no answer after', async () => {
    const clock = { now: 10_000 }
    const server = fakeApi(clock.now)
    const { quiz } = device(createMemoryKeyValueStore(), server.api, clock)
    await quiz.loadBanks()
    const c = (await quiz.openContest('b1', true))!
    for (const q of c.attempt.questions) quiz.answerContest('b1', q.id, q.type === 'fill' ? ['3900'] : ['A'])
    server.setOffline(true)
    expect(await quiz.handIn('b1')).toBe('pending')
    expect(() => quiz.answerContest('b1', c.attempt.questions[0].id, ['B'])).toThrow(ContestClosedError)
    server.setOffline(false)
    await quiz.sendPending()
    expect(server.submitted).toHaveLength(1)
    expect(server.submitted[0].map((a) => a.questionId).sort()).toEqual([...c.attempt.paper.questionIds].sort())
    expect(quiz.store.getState().contests.b1.attempt.result?.total).toBe(1)
    await quiz.sendPending()
    expect(server.submitted).toHaveLength(1)
  })

  it('contest: no answer is taken after the deadline, and a cleared answer is not sent', async () => {
    const clock = { now: 10_000 }
    const server = fakeApi(clock.now)
    const { quiz } = device(createMemoryKeyValueStore(), server.api, clock)
    await quiz.loadBanks()
    const c = (await quiz.openContest('b1', true))!
    const [a, b] = c.attempt.paper.questionIds
    quiz.answerContest('b1', a, ['A'])
    quiz.answerContest('b1', b, ['A'])
    clock.now += 1
    quiz.answerContest('b1', b, [])
    clock.now = c.attempt.deadline
    expect(() => quiz.answerContest('b1', a, ['B'])).toThrow(ContestClosedError)
    expect(await quiz.handIn('b1')).toBe('scored')
    expect(server.submitted[0].map((x) => x.questionId)).toEqual([a])
  })

  it('sign-out forgets the attempt, the 错题本 and the round, not the banks', async () => {
    const clock = { now: 10_000 }
    const server = fakeApi(clock.now)
    const kv = createMemoryKeyValueStore()
    const { quiz } = device(kv, server.api, clock)
    await quiz.loadBanks()
    await quiz.openContest('b1', true)
    const b = await quiz.practiceBank('b1')
    quiz.startPractice(b, { kind: 'random', count: 2 })
    quiz.clearMember()
    expect(kv.keys().filter((k) => k.startsWith('quiz.'))).toEqual(['quiz.bank.b1'])
    expect(quiz.store.getState().contests).toEqual({})
  })
})
