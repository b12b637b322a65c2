import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LETTERS, type Question } from './schema'
import { scoreAnswer } from './score'
import { makePaper, mulberry32, seedOf, shownOptions, shuffled, toOriginal, toShown } from './shuffle'
import { fill, multiple, single, trueFalse } from './testing'

const options = (n: number) => Array.from({ length: n }, (_, i) => `选项${i + 1}`)
const bank: Question[] = [
  ...Array.from({ length: 20 }, (_, i) => single(`单选题${i}`, options(4), 'C')),
  ...Array.from({ length: 10 }, (_, i) => multiple(`多选题${i}`, options(6), ['A', 'D', 'F'])),
  trueFalse('判断题', true),
  fill('填空题', ['上海'])
]

describe('seeded randomness', () => {
  it('mulberry32 is deterministic and in [0, 1)', () => {
    const a = mulberry32(42)
    const b = mulberry32(42)
    const xs = Array.from({ length: 1000 }, () => a())
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs)
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true)
    expect(new Set(xs).size).toBe(1000)
  })

  it('seedOf hashes strings and keeps 32-bit numbers', () => {
    expect(seedOf('member-1:2026-11-30')).toBe(seedOf('member-1:2026-11-30'))
    expect(seedOf('a')).not.toBe(seedOf('b'))
    expect(seedOf(7)).toBe(7)
  })

  it('shuffled permutes a copy', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8]
    const out = shuffled(items, mulberry32(1))
    expect([...out].sort()).toEqual(items)
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
  })
})

describe('makePaper', () => {
  it('the same seed gives the same paper (a resume rebuilds it exactly), another seed another one', () => {
    const paper = makePaper(bank, 'seed-1')
    expect(makePaper(bank, 'seed-1')).toEqual(paper)
    expect(JSON.parse(JSON.stringify(paper))).toEqual(paper)
    expect(makePaper(bank, 'seed-2').questionIds).not.toEqual(paper.questionIds)
    expect([...paper.questionIds].sort()).toEqual(bank.map((q) => q.id).sort())
  })

  it('shuffles 单选/多选 options only; 判断 and 填空 keep theirs', () => {
    const paper = makePaper(bank, 9)
    expect(Object.keys(paper.options).sort()).toEqual(
      bank
        .filter((q) => q.type === 'single' || q.type === 'multiple')
        .map((q) => q.id)
        .sort()
    )
    const moved = bank.filter((q) => paper.options[q.id]?.some((v, i) => v !== i))
    expect(moved.length).toBeGreaterThan(20)
    expect(shownOptions(bank[30], paper)).toEqual(['正确', '错误'])
  })

  it('a question keeps its option order when the bank grows (options are seeded per question)', () => {
    const before = makePaper(bank, 's')
    const after = makePaper([...bank, single('新题', options(5), 'A')], 's')
    for (const q of bank) expect(after.options[q.id]).toEqual(before.options[q.id])
  })

  it('draws `count` questions and can keep the bank order', () => {
    expect(makePaper(bank, 's', { count: 5 }).questionIds).toHaveLength(5)
    expect(makePaper(bank, 's', { shuffleQuestions: false, shuffleOptions: false }).questionIds).toEqual(
      bank.map((q) => q.id)
    )
  })

  it('property: answering through the permutation scores as answering the original (right stays right, wrong wrong)', () => {
    const question = fc.integer({ min: 2, max: 8 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        multi: fc.boolean(),
        right: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: n }),
        other: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: n })
      })
    )
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer()), question, (seed, { n, multi, right, other }) => {
        const isMulti = multi && right.length >= 2
        const letters = (xs: number[]) => xs.map((i) => LETTERS[i]).sort()
        const q = isMulti
          ? multiple(`题${n}`, options(n), letters(right))
          : single(`题${n}`, options(n), LETTERS[right[0]])
        const paper = makePaper([q], seed)
        const shown = shownOptions(q, paper)
        const rightLetters = isMulti ? letters(right) : [LETTERS[right[0]]]
        // What the member taps: the shown letters of the options that are right.
        const tapped = toShown(q, paper, rightLetters)
        expect(tapped.map((l) => shown[LETTERS.indexOf(l as 'A')])).toEqual(
          rightLetters.map((l) => options(n)[LETTERS.indexOf(l as 'A')])
        )
        expect(scoreAnswer(q, toOriginal(q, paper, tapped))).toEqual({ correct: true, score: 1 })
        const otherLetters = letters(other)
        const expected = scoreAnswer(q, otherLetters)
        expect(scoreAnswer(q, toOriginal(q, paper, toShown(q, paper, otherLetters)))).toEqual(expected)
      }),
      { numRuns: 300 }
    )
  })
})
