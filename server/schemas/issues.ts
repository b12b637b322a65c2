import { Type } from '@sinclair/typebox'
import { ISSUE_ID_MAX, ISSUE_ID_PATTERN } from '../services/issue-record'

/** Mirrors IssueSummary in src/domain/issue/types.ts (documentation; bodies are served pre-serialized). */
export const IssueSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  number: Type.Integer(),
  totalNumber: Type.Union([Type.Integer(), Type.Null()]),
  publishedOn: Type.String({ format: 'date' }),
  editor: Type.Union([Type.String(), Type.Null()]),
  supplement: Type.Boolean(),
  sectionTitles: Type.Array(Type.String()),
  articleCount: Type.Integer(),
  size: Type.Integer(),
  hash: Type.String(),
})

export const IssueParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: ISSUE_ID_MAX, pattern: ISSUE_ID_PATTERN }),
})

/** Conditional-request header; ETags are quoted sha256 hex. */
export const ConditionalHeaders = Type.Object({
  'if-none-match': Type.Optional(Type.String({ maxLength: 2000 })),
})
