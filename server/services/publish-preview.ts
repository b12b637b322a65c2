// The server half of the organizers' preview: an uploaded issue file read and parsed exactly as `npm run publish`
// would, with its warnings, nothing stored. Whether the caller may preview is the caller's `isAdmin` (the admin
// role is wired by the route's owner); a refusal is a 422 whose message names the line and page.
import type { PreviewWarning } from '../../src/domain/api/publish'
import { PREVIEW_MAX_BYTES } from '../../src/domain/api/publish'
import type { Issue } from '../../src/domain/issue/types'
import { formatProblem } from '../../src/domain/publish'
import type { IssueRecord } from '../db/repos'
import { toRecord } from './content'
import { documentKind } from './document-text'
import { publishDocumentBytes } from './issue-files'

/** A parsed file: the issue as members would see it, its warnings, and what publishing it would store. */
export interface ParsedPreview {
  issue: Issue
  warnings: PreviewWarning[]
  record: IssueRecord
  /** The text the importer read (for Word and PDF files, the text read out of them). */
  text: string
}

/** What the route answers: the preview, or a status with its error code and sentence. */
export type PreviewOutcome =
  | { ok: true; preview: ParsedPreview }
  | {
      ok: false
      status: 400 | 403 | 413 | 422
      error: 'bad_request' | 'forbidden' | 'payload_too_large' | 'issue_refused'
      message: string
    }

/**
 * Parses an uploaded issue file without publishing it. Nothing is written anywhere, so a refused file changes
 * nothing.
 */
export async function previewIssueFile(bytes: Uint8Array, fileName: string, isAdmin: boolean): Promise<PreviewOutcome> {
  if (!isAdmin) return { ok: false, status: 403, error: 'forbidden', message: '只有组织管理员可以预览和发布简报' }
  if (bytes.length > PREVIEW_MAX_BYTES) {
    return { ok: false, status: 413, error: 'payload_too_large', message: '文件超过 10 MB，请压缩图片后再上传' }
  }
  if (documentKind(fileName) === null) {
    return { ok: false, status: 400, error: 'bad_request', message: '只能上传 .txt、.docx（Word）或 .pdf 文件' }
  }
  const { result, origin, text } = await publishDocumentBytes(bytes, fileName)
  if (!result.ok)
    return { ok: false, status: 422, error: 'issue_refused', message: formatProblem(fileName, result.problem) }
  const { issue } = result.published
  const lines = (text ?? '').split(/\r\n|\r|\n/)
  const warnings = issue.warnings.map((w) => {
    const where = origin?.[w.line - 1]
    const line = lines[w.line - 1]?.replace(/^\uFEFF/, '').trim()
    return { ...w, ...(where !== undefined ? { where } : {}), ...(line ? { text: line } : {}) }
  })
  return { ok: true, preview: { issue, warnings, record: toRecord(result.published), text: text ?? '' } }
}
