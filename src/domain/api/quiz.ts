import type { Static } from '@sinclair/typebox'
import { BankSchema, BankUseSchema, ResponseSchema, SourceSchema } from '../quiz/schema'
import { PaperSchema } from '../quiz/shuffle'
import { Type } from './type'

/** The member's scored attempt at a bank, as the bank list names it. */
export const AttemptRefSchema = Type.Object({
  id: Type.String(),
  startedAt: Type.Number(),
  deadline: Type.Number(),
  submittedAt: Type.Union([Type.Number(), Type.Null()]),
  /** The score, once submitted. */
  total: Type.Union([Type.Number(), Type.Null()]),
  max: Type.Union([Type.Number(), Type.Null()])
})
export type AttemptRef = Static<typeof AttemptRefSchema>

/** A question bank as GET /api/quiz/banks lists it for the signed-in member (the questions are not in it). */
export const QuizBankInfoSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  use: BankUseSchema,
  questionCount: Type.Integer({ minimum: 0 }),
  /** The scored attempt's time limit (ms). */
  timeLimitMs: Type.Integer({ minimum: 1 }),
  /** This member's scored attempt, once started (null before). */
  attempt: Type.Union([AttemptRefSchema, Type.Null()]),
  /**
   * The days (China's calendar, both included) when the scored quiz may start, from the campaign whose 答 phase
   * names the bank; null or absent: no campaign limits it. Practice is never limited.
   */
  window: Type.Optional(Type.Union([Type.Object({ start: Type.String(), end: Type.String() }), Type.Null()]))
})
export type QuizBankInfo = Static<typeof QuizBankInfoSchema>

export const QuizBanksReplySchema = Type.Object({ banks: Type.Array(QuizBankInfoSchema) })
export type QuizBanksReply = Static<typeof QuizBanksReplySchema>

/** POST /api/quiz/attempts */
export const StartAttemptBodySchema = Type.Object(
  { bankId: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false }
)
export type StartAttemptBody = Static<typeof StartAttemptBodySchema>

const QuestionTypeSchema = Type.Union([
  Type.Literal('single'),
  Type.Literal('multiple'),
  Type.Literal('truefalse'),
  Type.Literal('fill')
])

/** A question as the paper shows it: the options in the shown order, never its answer or 解析. */
export const PaperQuestionSchema = Type.Object({
  id: Type.String(),
  type: QuestionTypeSchema,
  stem: Type.String(),
  /** Shown order (paper.options maps a shown index to the original one); empty for 填空. */
  options: Type.Array(Type.String()),
  score: Type.Number(),
  topic: Type.Optional(Type.String())
})
export type PaperQuestion = Static<typeof PaperQuestionSchema>

/** How one question went, with its review (right answer, 解析, 出处). Letters are the question's original ones. */
export const QuestionResultSchema = Type.Object({
  questionId: Type.String(),
  correct: Type.Boolean(),
  /** False when no counted answer was given. */
  answered: Type.Boolean(),
  score: Type.Number(),
  /** The counted answer (original letters, or the typed text for 填空); empty when unanswered. */
  given: ResponseSchema,
  /** Original letters (判断: A = 正确, B = 错误), or every accepted answer for 填空. */
  answer: Type.Array(Type.String()),
  explanation: Type.String(),
  source: SourceSchema
})
export type QuestionResult = Static<typeof QuestionResultSchema>

export const TopicResultSchema = Type.Object({
  topic: Type.String(),
  correct: Type.Integer({ minimum: 0 }),
  total: Type.Integer({ minimum: 0 })
})
export type TopicResult = Static<typeof TopicResultSchema>

/** The scored result of a submitted attempt, computed on the server only. */
export const QuizResultSchema = Type.Object({
  total: Type.Number(),
  max: Type.Number(),
  /** In paper order. */
  questions: Type.Array(QuestionResultSchema),
  topics: Type.Array(TopicResultSchema)
})
export type QuizResult = Static<typeof QuizResultSchema>

/** One member's scored attempt at a bank. Times in epoch ms, from the server's clock. */
export const QuizAttemptSchema = Type.Object({
  id: Type.String(),
  bankId: Type.String(),
  title: Type.String(),
  seed: Type.String(),
  paper: PaperSchema,
  /** In paper order. */
  questions: Type.Array(PaperQuestionSchema),
  startedAt: Type.Number(),
  timeLimitMs: Type.Number(),
  deadline: Type.Number(),
  submittedAt: Type.Union([Type.Number(), Type.Null()]),
  result: Type.Union([QuizResultSchema, Type.Null()])
})
export type QuizAttempt = Static<typeof QuizAttemptSchema>

/** One answer as handed in: original option letters (as the domain attempt stores them) and when it was given. */
export const SubmittedAnswerSchema = Type.Object(
  {
    questionId: Type.String({ maxLength: 100 }),
    answer: ResponseSchema,
    at: Type.Number()
  },
  { additionalProperties: false }
)

/** POST /api/quiz/attempts/:id/submit: answers only; a score or anything else is refused. */
export const SubmitAttemptBodySchema = Type.Object(
  { answers: Type.Array(SubmittedAnswerSchema, { maxItems: 1000 }) },
  { additionalProperties: false }
)
export type SubmitAttemptBody = Static<typeof SubmitAttemptBodySchema>
export type SubmittedAnswer = Static<typeof SubmittedAnswerSchema>

/** GET /api/quiz/banks/:id: a practice (or practice-and-contest) bank with answers and 解析, for offline practice. */
export const QuizBankReplySchema = BankSchema
