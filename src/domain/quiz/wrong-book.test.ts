import { describe, expect, it } from 'vitest'
import { wrongBookIds, wrongBookReducer, type AnsweredEvent, type WrongBook } from './wrong-book'

const play = (events: Array<[string, boolean]>, book: WrongBook = {}) =>
  events.reduce((b, [questionId, correct], i) => wrongBookReducer(b, { questionId, correct, at: 1000 + i }), book)

describe('错题本', () => {
  it('a wrong answer enters the book', () => {
    expect(play([['q1', false]])).toEqual({ q1: { addedAt: 1000, wrongCount: 1, rightInARow: 0 } })
  })

  it('a right answer to a question not in the book changes nothing (same object)', () => {
    const book = play([['q1', false]])
    expect(wrongBookReducer(book, { questionId: 'q2', correct: true, at: 5 })).toBe(book)
    expect(
      play([
        ['q2', true],
        ['q2', true]
      ])
    ).toEqual({})
  })

  it('leaves after two right answers in a row', () => {
    expect(
      play([
        ['q1', false],
        ['q1', true]
      ])
    ).toEqual({ q1: { addedAt: 1000, wrongCount: 1, rightInARow: 1 } })
    expect(
      play([
        ['q1', false],
        ['q1', true],
        ['q1', true]
      ])
    ).toEqual({})
  })

  it('a wrong answer in between starts the count again', () => {
    const book = play([
      ['q1', false],
      ['q1', true],
      ['q1', false],
      ['q1', true]
    ])
    expect(book).toEqual({ q1: { addedAt: 1000, wrongCount: 2, rightInARow: 1 } })
    expect(play([['q1', true]], book)).toEqual({})
  })

  it('other questions are not affected, and a question can come back', () => {
    const book = play([
      ['q1', false],
      ['q2', false],
      ['q1', true],
      ['q1', true],
      ['q1', false]
    ])
    expect(Object.keys(book).sort()).toEqual(['q1', 'q2'])
    expect(book.q1).toEqual({ addedAt: 1004, wrongCount: 1, rightInARow: 0 })
    expect(wrongBookIds(book)).toEqual(['q2', 'q1'])
  })

  it('does not mutate the book it is given', () => {
    const book = play([['q1', false]])
    const frozen = JSON.stringify(book)
    const events: AnsweredEvent[] = [
      { questionId: 'q1', correct: true, at: 2 },
      { questionId: 'q1', correct: false, at: 3 }
    ]
    for (const e of events) wrongBookReducer(book, e)
    expect(JSON.stringify(book)).toBe(frozen)
  })
})
