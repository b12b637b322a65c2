import { describe, expect, it } from 'vitest'
import { parseFillAnswers, parseLetters, parseTrueFalse } from './answers'

describe('parseLetters: option letters as people write them', () => {
  it.each([
    ['B', ['B']],
    ['b', ['B']],
    [' C ', ['C']],
    ['Ｂ', ['B']],
    ['AB', ['A', 'B']],
    ['BA', ['A', 'B']],
    ['A,B', ['A', 'B']],
    ['A B', ['A', 'B']],
    ['A、B', ['A', 'B']],
    ['A，B', ['A', 'B']],
    ['a；c', ['A', 'C']],
    ['A, B, D', ['A', 'B', 'D']],
    ['AAB', ['A', 'B']],
    ['ＡＢＣ', ['A', 'B', 'C']]
  ])('%j → %j', (raw, letters) => {
    expect(parseLetters(raw)).toEqual({ ok: true, value: letters })
  })

  it.each([
    ['', '答案为空'],
    ['  ', '答案为空'],
    ['I', '答案 "I" 不是选项字母（A–H）'],
    ['A1', '答案 "A1" 不是选项字母（A–H）'],
    ['上海', '答案 "上海" 不是选项字母（A–H）']
  ])('refuses %j', (raw, message) => {
    expect(parseLetters(raw)).toEqual({ ok: false, message })
  })
})

describe('parseTrueFalse: 判断 answers', () => {
  it.each(['对', '正确', '√', '✓', '✔', 'T', 't', 'TRUE', 'true', '是', ' 对 ', 'Ｔ'])('%j is right', (raw) => {
    expect(parseTrueFalse(raw)).toEqual({ ok: true, value: true })
  })
  it.each(['错', '错误', '×', '✗', '✘', 'F', 'f', 'FALSE', '否'])('%j is wrong', (raw) => {
    expect(parseTrueFalse(raw)).toEqual({ ok: true, value: false })
  })
  it('a letter when the options are 正确/错误, in either order', () => {
    expect(parseTrueFalse('A')).toEqual({ ok: true, value: true })
    expect(parseTrueFalse('b')).toEqual({ ok: true, value: false })
    expect(parseTrueFalse('A', { A: '错误', B: '正确' })).toEqual({ ok: true, value: false })
    expect(parseTrueFalse('B', { A: '错误', B: '正确' })).toEqual({ ok: true, value: true })
  })
  it('refuses anything else', () => {
    expect(parseTrueFalse('也许')).toEqual({
      ok: false,
      message: '判断题的答案 "也许" 既不是“对”也不是“错”（可写 对/错、正确/错误、√/×、T/F、是/否）'
    })
    expect(parseTrueFalse('C').ok).toBe(false)
    expect(parseTrueFalse('')).toEqual({ ok: false, message: '答案为空' })
  })
})

describe('parseFillAnswers: 填空 answers', () => {
  it.each([
    ['上海', ['上海']],
    ['上海|上海市', ['上海', '上海市']],
    ['上海；上海市', ['上海', '上海市']],
    [' 上海 ｜ 上海市 ;沪', ['上海', '上海市', '沪']],
    ['上海||上海', ['上海']]
  ])('%j → %j', (raw, answers) => {
    expect(parseFillAnswers(raw)).toEqual({ ok: true, value: answers })
  })
  it('refuses an empty answer', () => {
    expect(parseFillAnswers(' | ')).toEqual({ ok: false, message: '答案为空' })
  })
})
