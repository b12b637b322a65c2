import type { Static } from '@sinclair/typebox'
import { ISSUE_ID_MAX, ISSUE_ID_PATTERN } from '../publish/issue-id'
import { IssueSchema } from './issue'
import { Type } from './type'

/** Largest issue file the preview takes (bytes, before base64): a printed briefing's PDF is well under this. */
export const PREVIEW_MAX_BYTES = 10 * 1024 * 1024

/** POST /api/publish/preview: an issue file (.txt, .docx or .pdf) as base64, with its name (which gives the id). */
export const PreviewBodySchema = Type.Object({
  fileName: Type.String({ minLength: 1, maxLength: 200 }),
  data: Type.String({ minLength: 1, maxLength: Math.ceil(PREVIEW_MAX_BYTES / 3) * 4 }),
  /** The issue's id when the file's name cannot be one (「第2期.docx」); default: the name without extension. */
  id: Type.Optional(Type.String({ pattern: ISSUE_ID_PATTERN, maxLength: ISSUE_ID_MAX }))
})
export type PreviewBody = Static<typeof PreviewBodySchema>

/** A warning with where it is in a Word or PDF file (「第 3 页」「第 12 段」) and the text of its line. */
export const PreviewWarningSchema = Type.Object({
  line: Type.Integer({ minimum: 1 }),
  message: Type.String(),
  where: Type.Optional(Type.String()),
  /** The line of the text the importer read (for Word and PDF files, the text read out of them). */
  text: Type.Optional(Type.String())
})
export type PreviewWarning = Static<typeof PreviewWarningSchema>

/** How long a preview can be published (ms): after that the file must be uploaded again. */
export const DRAFT_TTL_MS = 30 * 60 * 1000

/** Hex sha256 of the uploaded file. */
const Sha256Hex = Type.String({ pattern: '^[0-9a-f]{64}$' })
/** A draft's token: 32 random bytes, base64url. */
const DraftToken = Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' })

/**
 * The kept preview: only its token publishes it (POST /api/publish/confirm), only for the member who uploaded it,
 * only the file of this sha256, and only until `expiresAt`. A new preview by the same member replaces it.
 */
export const DraftSchema = Type.Object({
  token: DraftToken,
  sha256: Sha256Hex,
  expiresAt: Type.Integer()
})

/** The issue already published under the same id, which publishing would replace. */
export const ExistingIssueSchema = Type.Object({
  title: Type.String(),
  number: Type.Integer(),
  publishedOn: Type.String(),
  /** Publishing would serve the very same issue (nothing would change). */
  same: Type.Boolean()
})

/** The parsed issue as members would see it, and every warning; nothing is published until confirmed. */
export const PreviewReplySchema = Type.Object({
  issue: IssueSchema,
  warnings: Type.Array(PreviewWarningSchema),
  draft: DraftSchema,
  /** An issue with this id is published already: confirming needs `replace: true`. */
  existing: Type.Union([ExistingIssueSchema, Type.Null()])
})
export type PreviewReply = Static<typeof PreviewReplySchema>

/** POST /api/publish/confirm: publish exactly the previewed file. */
export const ConfirmBodySchema = Type.Object({
  token: DraftToken,
  sha256: Sha256Hex,
  /** Required when an issue with the same id is published already (409 issue_exists otherwise). */
  replace: Type.Boolean()
})
export type ConfirmBody = Static<typeof ConfirmBodySchema>

export const ConfirmReplySchema = Type.Object({
  id: Type.String(),
  /** Members see a new or changed issue (false: the same issue was published already). */
  changed: Type.Boolean(),
  /** An issue with this id was replaced. */
  replaced: Type.Boolean()
})
export type ConfirmReply = Static<typeof ConfirmReplySchema>

/** POST /api/publish/cancel: the preview is discarded; nothing was published. */
export const CancelBodySchema = Type.Object({ token: DraftToken })
export type CancelBody = Static<typeof CancelBodySchema>
