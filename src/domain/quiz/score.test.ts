import { Value } from '@sinclair/typebox/value'
import { describe, expect, it } from 'vitest'
import { QuestionSchema } from './schema'
import { scoreAnswer, scorePaper } from './score'
import { fill, multiple, single, trueFalse } from './testing'

const s = single('中共一大在哪里开幕？', ['北京', '上海', '广州'], 'B', 2)
const m = multiple('中共一大先后在哪些地方举行？', ['上海', '嘉兴南湖', '北京', '广州'], ['A', 'B'], 3)
const t = trueFalse('重庆于1949年11月30日解放。', true)
const f = fill('遵义会议于____年1月召开。', ['1935', '一九三五'])
const latin = fill('“学习强国”的英文缩写是____。', ['XXQG'])

describe('the builders make valid questions', () => {
  it.each([s, m, t, f])('%#', (q) => expect(Value.Check(QuestionSchema, q)).toBe(true))
})

describe('scoreAnswer', () => {
  it('单选: the one right letter scores, anything else 0', () => {
    expect(scoreAnswer(s, ['B'])).toEqual({ correct: true, score: 2 })
    expect(scoreAnswer(s, ['b'])).toEqual({ correct: true, score: 2 })
    expect(scoreAnswer(s, ['A'])).toEqual({ correct: false, score: 0 })
    expect(scoreAnswer(s, ['A', 'B'])).toEqual({ correct: false, score: 0 })
    expect(scoreAnswer(s, [])).toEqual({ correct: false, score: 0 })
    expect(scoreAnswer(s, undefined)).toEqual({ correct: false, score: 0 })
  })

  it('多选: all-or-nothing, order and repeats do not matter', () => {
    expect(scoreAnswer(m, ['A', 'B'])).toEqual({ correct: true, score: 3 })
    expect(scoreAnswer(m, ['B', 'A', 'B'])).toEqual({ correct: true, score: 3 })
    expect(scoreAnswer(m, ['A'])).toEqual({ correct: false, score: 0 })
    expect(scoreAnswer(m, ['A', 'B', 'C'])).toEqual({ correct: false, score: 0 })
  })

  it('判断: A = 正确, B = 错误', () => {
    expect(scoreAnswer(t, ['A']).correct).toBe(true)
    expect(scoreAnswer(t, ['B']).correct).toBe(false)
    expect(scoreAnswer(trueFalse('x', false), ['B']).correct).toBe(true)
  })

  it('填空: any accepted answer, trimmed, width-folded, Latin case-insensitive', () => {
    expect(scoreAnswer(f, ['1935']).correct).toBe(true)
    expect(scoreAnswer(f, [' １９３５ ']).correct).toBe(true)
    expect(scoreAnswer(f, ['一九三五']).correct).toBe(true)
    expect(scoreAnswer(f, ['1936']).correct).toBe(false)
    expect(scoreAnswer(f, ['']).correct).toBe(false)
    expect(scoreAnswer(latin, ['xxqg']).correct).toBe(true)
    expect(scoreAnswer(latin, ['ＸＸｑｇ']).correct).toBe(true)
  })
})

describe('scorePaper', () => {
  it('sums the scores and sorts questions into right, wrong and unanswered', () => {
    const r = scorePaper([s, m, t, f], { [s.id]: ['B'], [m.id]: ['A'], [f.id]: [] })
    expect(r).toEqual({ score: 2, total: 7, correct: [s.id], wrong: [m.id], unanswered: [t.id, f.id] })
  })
  it('ignores answers to questions not on the paper', () => {
    expect(scorePaper([s], { [t.id]: ['A'], [s.id]: ['B'] }).score).toBe(2)
  })
})
