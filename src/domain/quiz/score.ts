import type { Question, Response } from './schema'
import { foldAnswer, foldWidth } from './text'

/** The outcome of one answer. */
export interface Scored {
  correct: boolean
  /** The question's score when right, else 0 (多选 is all-or-nothing). */
  score: number
}

/** Letters as a member's device sends them: upper-cased, width-folded, unique, sorted. */
function letterSet(response: Response): string[] {
  return [...new Set(response.map((r) => foldWidth(r).trim().toUpperCase()).filter((r) => r !== ''))].sort()
}

/** True when `response` is the right answer to `question` (letters in the question's original lettering). */
export function isCorrect(question: Question, response: Response): boolean {
  switch (question.type) {
    case 'single': {
      const got = letterSet(response)
      return got.length === 1 && got[0] === question.answer
    }
    case 'multiple': {
      const got = letterSet(response)
      return got.length === question.answer.length && got.every((l, i) => l === question.answer[i])
    }
    case 'truefalse': {
      const got = letterSet(response)
      return got.length === 1 && got[0] === (question.answer ? 'A' : 'B')
    }
    case 'fill': {
      if (response.length !== 1) return false
      const got = foldAnswer(response[0])
      return got !== '' && question.answers.some((a) => foldAnswer(a) === got)
    }
  }
}

/** Scores one answer; an unanswered question (undefined or empty) scores 0. */
export function scoreAnswer(question: Question, response: Response | undefined): Scored {
  const correct = response !== undefined && isCorrect(question, response)
  return { correct, score: correct ? question.score : 0 }
}

/** The result of a whole paper. */
export interface PaperResult {
  score: number
  /** The most the paper can score. */
  total: number
  correct: string[]
  wrong: string[]
  unanswered: string[]
}

/** Scores the questions of a paper (in order) against the answers given, keyed by question id. */
export function scorePaper(questions: readonly Question[], answers: Readonly<Record<string, Response>>): PaperResult {
  const result: PaperResult = { score: 0, total: 0, correct: [], wrong: [], unanswered: [] }
  for (const q of questions) {
    result.total += q.score
    const response = Object.prototype.hasOwnProperty.call(answers, q.id) ? answers[q.id] : undefined
    if (response === undefined || response.length === 0) {
      result.unanswered.push(q.id)
      continue
    }
    const s = scoreAnswer(q, response)
    result.score += s.score
    ;(s.correct ? result.correct : result.wrong).push(q.id)
  }
  return result
}
