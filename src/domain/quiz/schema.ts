import type { Static } from '@sinclair/typebox'
import { Type } from '../api/type'

/** Option letters in order; a question has at most 8 options (A–H). */
export const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const

const Letter = Type.Union(LETTERS.map((l) => Type.Literal(l)))
const Text = Type.String({ minLength: 1 })

/** A verbatim quote from a published article that supports the answer. */
export const ArticleSourceSchema = Type.Object(
  {
    kind: Type.Literal('article'),
    issueId: Text,
    articleId: Text,
    /** Index of the paragraph in the article's `paragraphs`. */
    paragraph: Type.Integer({ minimum: 0 }),
    quote: Text
  },
  { additionalProperties: false }
)
export type ArticleSource = Static<typeof ArticleSourceSchema>

/** A fact with the published source it comes from. */
export const FactSourceSchema = Type.Object(
  {
    kind: Type.Literal('fact'),
    title: Text,
    publisher: Text,
    /** YYYY, YYYY-MM or YYYY-MM-DD. */
    date: Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' })
  },
  { additionalProperties: false }
)
export type FactSource = Static<typeof FactSourceSchema>

export const SourceSchema = Type.Union([ArticleSourceSchema, FactSourceSchema])
export type Source = Static<typeof SourceSchema>

export const DifficultySchema = Type.Union([Type.Literal('易'), Type.Literal('中'), Type.Literal('难')], {
  default: '中'
})
export type Difficulty = Static<typeof DifficultySchema>

const common = {
  /** Stable: derived from the stem (see questionId), so re-importing a bank keeps ids. */
  id: Type.String({ pattern: '^q[0-9a-f]{8}$' }),
  stem: Text,
  /** 解析, shown after answering. */
  explanation: Type.String(),
  /** 分值 */
  score: Type.Number({ exclusiveMinimum: 0, default: 1 }),
  /** 难度 */
  difficulty: DifficultySchema,
  /** 主题 */
  topic: Type.Optional(Text),
  source: SourceSchema
}
const Options = Type.Array(Text, { minItems: 2, maxItems: 8 })

/** 单选: exactly one right option. */
export const SingleQuestionSchema = Type.Object(
  {
    ...common,
    type: Type.Literal('single'),
    options: Options,
    answer: Letter
  },
  { additionalProperties: false }
)

/** 多选: two or more right options, scored all-or-nothing. */
export const MultipleQuestionSchema = Type.Object(
  {
    ...common,
    type: Type.Literal('multiple'),
    options: Options,
    /** Sorted letters, no duplicates. */
    answer: Type.Array(Letter, { minItems: 2, maxItems: 8, uniqueItems: true })
  },
  { additionalProperties: false }
)

/** 判断: the options are always 正确 (A) / 错误 (B). */
export const TrueFalseQuestionSchema = Type.Object(
  {
    ...common,
    type: Type.Literal('truefalse'),
    options: Type.Tuple([Type.Literal('正确'), Type.Literal('错误')]),
    answer: Type.Boolean()
  },
  { additionalProperties: false }
)

/** 填空: any of the accepted answers is right (see foldAnswer for how they are compared). */
export const FillQuestionSchema = Type.Object(
  {
    ...common,
    type: Type.Literal('fill'),
    answers: Type.Array(Text, { minItems: 1 })
  },
  { additionalProperties: false }
)

export const QuestionSchema = Type.Union([
  SingleQuestionSchema,
  MultipleQuestionSchema,
  TrueFalseQuestionSchema,
  FillQuestionSchema
])
export type Question = Static<typeof QuestionSchema>
export type QuestionType = Question['type']
export type ChoiceQuestion = Extract<Question, { options: unknown }>

export const BankUseSchema = Type.Union([Type.Literal('practice'), Type.Literal('contest'), Type.Literal('both')])

/** A question bank: practice (练习), contest (竞赛) or both. */
export const BankSchema = Type.Object(
  {
    id: Text,
    title: Text,
    use: BankUseSchema,
    questions: Type.Array(QuestionSchema)
  },
  { additionalProperties: false }
)
export type Bank = Static<typeof BankSchema>

/**
 * What a member answers: option letters (in the question's original lettering) for 单选/多选/判断 — 判断 uses
 * A = 正确, B = 错误 — and the typed text for 填空. The same shape the sync `answer` mutation carries.
 */
export const ResponseSchema = Type.Array(Type.String({ maxLength: 200 }), { maxItems: 8 })
export type Response = Static<typeof ResponseSchema>

/** The type names organizers write in the 题型 column. */
export const TYPE_NAMES: Record<string, QuestionType> = {
  单选: 'single',
  多选: 'multiple',
  判断: 'truefalse',
  填空: 'fill'
}
