/**
 * The one path from an organizer's text file to a published issue: bytes → text → id → Issue → served JSON,
 * its hash and its index row, with every refusal as `FILE:LINE: message`. `npm run import`, `npm run publish`,
 * the server's start-up scan and the client all go through here, so they cannot disagree about an issue.
 * Pure: the caller reads the file and supplies SHA-256 (server/services/issue-files.ts does both with Node's own).
 */
import { isIssueParseError, parseIssue, serializeIssue, summarizeIssue } from '../issue/index'
import type { ImportWarning, Issue, IssueSummary } from '../issue/types'
import { isIssueId, issueIdFromFileName } from './issue-id'
import { decodeUtf8 } from './utf8'

export { ISSUE_ID_MAX, ISSUE_ID_PATTERN, isIssueId, issueIdFromFileName } from './issue-id'
export { decodeUtf8 } from './utf8'

/** SHA-256 as lowercase hex, of a text's UTF-8 bytes or of bytes; the caller's (Node's crypto on the server). */
export type Sha256 = (data: string | Uint8Array) => string

/** An issue ready to store and serve. */
export interface PublishedIssue {
  issue: Issue
  /** The exact body served for the issue (serializeIssue). */
  json: string
  /** sha256 hex of `json`: the ETag and the index's `hash`. */
  hash: string
  /** The index row; its size and hash are of `json`. */
  summary: IssueSummary
  /** sha256 hex of the source text, to notice an edited file whose issue did not change. */
  sourceHash: string
}

/** Why a file cannot be published: a 1-based line, or null when the whole file is meant (unreadable, bad name). */
export interface PublishProblem {
  line: number | null
  message: string
  /** Where in a Word or PDF file the line came from: 「第 3 页」「第 12 段」 (absent for text files). */
  where?: string
}

/** The outcome of publishing one file; never an exception. */
export type PublishResult = { ok: true; published: PublishedIssue } | { ok: false; problem: PublishProblem }

/**
 * Text of an issue file's bytes: UTF-8 with or without a byte-order mark (kept; the importer skips it). Invalid
 * bytes become U+FFFD and control bytes stay, so parsing refuses a GBK or binary file with the line it starts on.
 * A UTF-16 file (Windows Notepad's "Unicode") is refused here by its byte-order mark, with a message that says so.
 */
export function decodeIssueBytes(
  bytes: Uint8Array
): { ok: true; text: string } | { ok: false; problem: PublishProblem } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, problem: { line: 1, message: '文件是 UTF-16（Unicode）编码，请用 UTF-8 编码另存后再导入' } }
  }
  return { ok: true, text: decodeUtf8(bytes) }
}

/** The served JSON, its hash and index row for a parsed issue, and the hash of the text it came from. */
export function publishedIssue(issue: Issue, sourceText: string, sha256: Sha256): PublishedIssue {
  return withHashes(issue, sha256(sourceText), sha256)
}

function withHashes(issue: Issue, sourceHash: string, sha256: Sha256): PublishedIssue {
  const json = serializeIssue(issue)
  const hash = sha256(json)
  return { issue, json, hash, summary: summarizeIssue(issue, json, hash), sourceHash }
}

/** Publishes an issue's text; `file` gives the id (its name without extension) and nothing else. */
export function publishIssueText(text: string, file: string, sha256: Sha256): PublishResult {
  return publishDecoded(text, file, sha256, () => sha256(text))
}

/**
 * Publishes the text read out of a Word or PDF file. `origin[line - 1]` says where each text line came from
 * (「第 3 页」), and a refusal carries it; the source hash is of the file's bytes, so a re-exported file is noticed.
 */
export function publishExtractedText(
  text: string,
  origin: readonly string[],
  bytes: Uint8Array,
  file: string,
  sha256: Sha256
): PublishResult {
  const result = publishDecoded(text, file, sha256, () => sha256(bytes))
  if (result.ok || result.problem.line === null) return result
  const where = origin[result.problem.line - 1] ?? origin[origin.length - 1]
  return { ok: false, problem: { ...result.problem, ...(where !== undefined ? { where } : {}) } }
}

/** Publishes an issue file's bytes (see decodeIssueBytes and publishIssueText). */
export function publishIssueBytes(bytes: Uint8Array, file: string, sha256: Sha256): PublishResult {
  const decoded = decodeIssueBytes(bytes)
  // A published text is valid UTF-8 (U+FFFD is refused), so hashing the bytes equals hashing the text, once less.
  return decoded.ok ? publishDecoded(decoded.text, file, sha256, () => sha256(bytes)) : decoded
}

function publishDecoded(text: string, file: string, sha256: Sha256, sourceHash: () => string): PublishResult {
  const id = issueIdFromFileName(file)
  if (!isIssueId(id)) {
    return {
      ok: false,
      problem: { line: null, message: `文件名“${id}”不能用作期刊标识（只能用字母、数字和 - _ .，并以字母或数字开头）` }
    }
  }
  try {
    return { ok: true, published: withHashes(parseIssue(text, { id }), sourceHash(), sha256) }
  } catch (e) {
    // parseIssue throws only IssueParseError; anything else is a bug and must not pass for a refusal.
    if (isIssueParseError(e)) return { ok: false, problem: { line: e.line, message: e.message } }
    throw e
  }
}

/** `FILE:LINE: message`, the form editors and CI annotate (`FILE: message` when no line applies). */
export function formatProblem(file: string, problem: PublishProblem): string {
  const where = problem.where !== undefined ? `（${problem.where}）` : ''
  return problem.line === null
    ? `${file}: ${problem.message}${where}`
    : `${file}:${problem.line}: ${problem.message}${where}`
}

/**
 * `FILE:LINE: warning: message`; the issue is still published. For a Word or PDF file, `where` names the page or
 * paragraph the line (of the extracted text, as `--explain` prints it) came from.
 */
export function formatWarning(file: string, warning: ImportWarning, where?: string): string {
  return `${file}:${warning.line}: warning: ${warning.message}${where !== undefined ? `（${where}）` : ''}`
}
