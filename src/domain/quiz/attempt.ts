import type { Static } from '@sinclair/typebox'
import { Type } from '../api/type'
import { ResponseSchema, type Question, type Response } from './schema'
import { makePaper, PaperSchema, toOriginal, type PaperOptions } from './shuffle'

/**
 * One attempt at a paper, as saved and resumed: the paper itself (so a resume never depends on the bank's
 * current order), the answers so far in the questions' original lettering, where the member is, and the clock.
 */
export const AttemptSchema = Type.Object(
  {
    bankId: Type.String(),
    seed: Type.String(),
    paper: PaperSchema,
    answers: Type.Record(Type.String(), ResponseSchema),
    /** Index into paper.questionIds. */
    current: Type.Integer({ minimum: 0 }),
    /** ms since the epoch */
    startedAt: Type.Number(),
    /** null: no time limit. */
    timeLimitMs: Type.Union([Type.Number({ exclusiveMinimum: 0 }), Type.Null()]),
    finishedAt: Type.Optional(Type.Number())
  },
  { additionalProperties: false }
)
export type Attempt = Static<typeof AttemptSchema>

export interface StartOptions extends PaperOptions {
  bankId: string
  questions: readonly Question[]
  seed: string
  startedAt: number
  timeLimitMs?: number | null
}

/** A new attempt on the paper `seed` gives. */
export function startAttempt(o: StartOptions): Attempt {
  return {
    bankId: o.bankId,
    seed: o.seed,
    paper: makePaper(o.questions, o.seed, o),
    answers: {},
    current: 0,
    startedAt: o.startedAt,
    timeLimitMs: o.timeLimitMs ?? null
  }
}

/** True once the time limit has passed (never without a limit). */
export function isExpired(a: Attempt, now: number): boolean {
  return a.timeLimitMs !== null && now >= a.startedAt + a.timeLimitMs
}

/** ms left (Infinity without a limit, never below 0). */
export function remainingMs(a: Attempt, now: number): number {
  return a.timeLimitMs === null ? Infinity : Math.max(0, a.startedAt + a.timeLimitMs - now)
}

/** True when answers are no longer taken: finished or out of time. */
export function isClosed(a: Attempt, now: number): boolean {
  return a.finishedAt !== undefined || isExpired(a, now)
}

/**
 * Records the answer to the question at `questionId`, given in the letters shown on the paper; an empty answer
 * clears it. Ignored (same object back) when the attempt is closed or the question is not on the paper.
 */
export function answer(a: Attempt, question: Question, shown: Response, now: number): Attempt {
  if (isClosed(a, now) || !a.paper.questionIds.includes(question.id)) return a
  const answers: Record<string, Response> = { ...a.answers }
  const original = toOriginal(question, a.paper, shown).filter((r) => r.trim() !== '')
  if (original.length === 0) delete answers[question.id]
  else answers[question.id] = original
  return { ...a, answers }
}

/** Moves to question `index` (clamped to the paper). */
export function jump(a: Attempt, index: number): Attempt {
  const last = Math.max(0, a.paper.questionIds.length - 1)
  const current = Math.min(last, Math.max(0, Math.trunc(index) || 0))
  return current === a.current ? a : { ...a, current }
}

/** The questions not answered yet, as indices on the paper (for 未答 jumps before handing in). */
export function unanswered(a: Attempt): number[] {
  const out: number[] = []
  a.paper.questionIds.forEach((id, i) => {
    if (!Object.prototype.hasOwnProperty.call(a.answers, id)) out.push(i)
  })
  return out
}

/** Hands the attempt in at `now` (or at the deadline, when that came first). */
export function finish(a: Attempt, now: number): Attempt {
  if (a.finishedAt !== undefined) return a
  const deadline = a.timeLimitMs === null ? now : Math.min(now, a.startedAt + a.timeLimitMs)
  return { ...a, finishedAt: deadline }
}
