import { Value } from '@sinclair/typebox/value'
import { describe, expect, it } from 'vitest'
import { answer, AttemptSchema, finish, isExpired, jump, remainingMs, startAttempt, unanswered } from './attempt'
import { LETTERS, type Question } from './schema'
import { scorePaper } from './score'
import { makePaper, shownOptions, toShown } from './shuffle'
import { fill, single, trueFalse } from './testing'

const questions: Question[] = [
  ...Array.from({ length: 8 }, (_, i) => single(`单选${i}`, ['甲', '乙', '丙', '丁'], 'B')),
  trueFalse('判断', false),
  fill('填空', ['上海'])
]
const byId = new Map(questions.map((q) => [q.id, q]))
const T0 = 1_700_000_000_000
const start = () =>
  startAttempt({ bankId: 'bank-1', questions, seed: 'm1:contest', startedAt: T0, timeLimitMs: 600_000 })
const rightShown = (a: ReturnType<typeof start>, q: Question) =>
  q.type === 'fill'
    ? ['上海']
    : q.type === 'truefalse'
      ? [q.answer ? 'A' : 'B']
      : toShown(q, a.paper, [q.answer as string])

describe('attempt state', () => {
  it('starts at the first question with nothing answered, and validates against its schema', () => {
    const a = start()
    expect(a.current).toBe(0)
    expect(unanswered(a)).toEqual(questions.map((_, i) => i))
    expect(Value.Check(AttemptSchema, a)).toBe(true)
  })

  it('records answers given in the shown letters as original letters, clears an empty one', () => {
    let a = start()
    const q = byId.get(a.paper.questionIds[0])!
    const shown = rightShown(a, q)
    a = answer(a, q, shown, T0 + 1000)
    expect(a.answers[q.id]).toEqual(q.type === 'single' ? ['B'] : shown)
    expect(unanswered(a)).not.toContain(0)
    a = answer(a, q, [], T0 + 2000)
    expect(a.answers[q.id]).toBeUndefined()
  })

  it('jump moves within the paper, clamped', () => {
    const a = start()
    expect(jump(a, 3).current).toBe(3)
    expect(jump(a, 99).current).toBe(questions.length - 1)
    expect(jump(a, -1).current).toBe(0)
    expect(jump(a, 0)).toBe(a)
  })

  it('time: expired at startedAt + limit; answers after that are ignored; finish stops at the deadline', () => {
    const a = start()
    expect(isExpired(a, T0 + 599_999)).toBe(false)
    expect(isExpired(a, T0 + 600_000)).toBe(true)
    expect(remainingMs(a, T0 + 60_000)).toBe(540_000)
    expect(remainingMs(a, T0 + 900_000)).toBe(0)
    const q = byId.get(a.paper.questionIds[0])!
    expect(answer(a, q, ['A'], T0 + 600_000)).toBe(a)
    expect(finish(a, T0 + 900_000).finishedAt).toBe(T0 + 600_000)
    const done = finish(a, T0 + 5000)
    expect(done.finishedAt).toBe(T0 + 5000)
    expect(answer(done, q, ['A'], T0 + 6000)).toBe(done)
    const untimed = startAttempt({ bankId: 'b', questions, seed: 's', startedAt: T0 })
    expect(isExpired(untimed, T0 + 1e12)).toBe(false)
    expect(remainingMs(untimed, T0)).toBe(Infinity)
  })

  it('ignores a question that is not on the paper', () => {
    const a = startAttempt({ bankId: 'b', questions, seed: 's', startedAt: T0, count: 3 })
    const off = questions.find((q) => !a.paper.questionIds.includes(q.id))!
    expect(answer(a, off, ['A'], T0)).toBe(a)
  })

  it('resumes: saved as JSON halfway, reloaded, the same paper from the same seed, and scored right', () => {
    let a = start()
    const half = a.paper.questionIds.slice(0, 5)
    for (const id of half) a = answer(a, byId.get(id)!, rightShown(a, byId.get(id)!), T0 + 1000)
    a = jump(a, 5)
    const resumed = JSON.parse(JSON.stringify(a))
    expect(Value.Check(AttemptSchema, resumed)).toBe(true)
    expect(resumed).toEqual(a)
    // The device that resumes rebuilds the paper from the seed: identical order and option order.
    expect(makePaper(questions, resumed.seed)).toEqual(resumed.paper)
    for (const id of resumed.paper.questionIds) {
      expect(shownOptions(byId.get(id)!, resumed.paper)).toEqual(shownOptions(byId.get(id)!, a.paper))
    }
    let b = resumed as typeof a
    expect(b.current).toBe(5)
    expect(unanswered(b)).toEqual([5, 6, 7, 8, 9])
    for (const id of b.paper.questionIds.slice(5)) b = answer(b, byId.get(id)!, rightShown(b, byId.get(id)!), T0 + 2000)
    const paperQuestions = b.paper.questionIds.map((id) => byId.get(id)!)
    expect(scorePaper(paperQuestions, b.answers)).toMatchObject({ score: 10, total: 10, wrong: [], unanswered: [] })
    expect(LETTERS).toContain(b.answers[questions[0].id][0])
  })
})
