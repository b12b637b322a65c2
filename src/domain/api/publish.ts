import type { Static } from '@sinclair/typebox'
import { IssueSchema } from './issue'
import { Type } from './type'

/** Largest issue file the preview takes (bytes, before base64): a printed briefing's PDF is well under this. */
export const PREVIEW_MAX_BYTES = 10 * 1024 * 1024

/** POST /api/publish/preview: an issue file (.txt, .docx or .pdf) as base64, with its name (which gives the id). */
export const PreviewBodySchema = Type.Object({
  fileName: Type.String({ minLength: 1, maxLength: 200 }),
  data: Type.String({ minLength: 1, maxLength: Math.ceil(PREVIEW_MAX_BYTES / 3) * 4 })
})
export type PreviewBody = Static<typeof PreviewBodySchema>

/** A warning with where it is in a Word or PDF file (「第 3 页」「第 12 段」). */
export const PreviewWarningSchema = Type.Object({
  line: Type.Integer({ minimum: 1 }),
  message: Type.String(),
  where: Type.Optional(Type.String())
})

/** The parsed issue as members would see it, and every warning; nothing is published. */
export const PreviewReplySchema = Type.Object({
  issue: IssueSchema,
  warnings: Type.Array(PreviewWarningSchema)
})
export type PreviewReply = Static<typeof PreviewReplySchema>
