import type { AnswerFact } from '../sync/facts'
import type { Response } from './schema'

/**
 * The scored 百题竞答's answers travel as sync `answer` facts (SPEC F4): every choice is a new fact whose id starts
 * with the attempt's id, so the device, other devices and the server read the same answers from the same facts.
 */

/** The id of one contest answer fact: the attempt, the question, then what makes this choice unique. */
export function contestAnswerId(attemptId: string, questionId: string, unique: string): string {
  return `${attemptId}:${questionId}:${unique}`
}

/** An answer as it was last given, with when. An empty answer means the member cleared it. */
export interface GivenAnswer {
  answer: Response
  at: number
}

/**
 * The latest answer to each question of an attempt among `facts` (an `answerId → fact` map): the latest `at`
 * wins, ties go to the larger fact id, so every device and the server pick the same one. Cleared answers and
 * questions not in `questionIds` (when given) are left out.
 */
export function latestAnswers(
  facts: Readonly<Record<string, AnswerFact>>,
  attemptId: string,
  questionIds?: readonly string[]
): Record<string, GivenAnswer> {
  const prefix = `${attemptId}:`
  const onPaper = questionIds ? new Set(questionIds) : null
  const best = new Map<string, { id: string; fact: AnswerFact }>()
  for (const id of Object.keys(facts)) {
    if (!id.startsWith(prefix)) continue
    const fact = facts[id]
    if (onPaper && !onPaper.has(fact.questionId)) continue
    if (id.slice(prefix.length, prefix.length + fact.questionId.length + 1) !== `${fact.questionId}:`) continue
    const prev = best.get(fact.questionId)
    if (!prev || fact.at > prev.fact.at || (fact.at === prev.fact.at && id > prev.id))
      best.set(fact.questionId, { id, fact })
  }
  const out: Record<string, GivenAnswer> = {}
  for (const [questionId, { fact }] of best) {
    if (fact.answer.some((a) => a.trim() !== '')) out[questionId] = { answer: fact.answer.slice(), at: fact.at }
  }
  return out
}
