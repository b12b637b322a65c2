import { readFileSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { IssueParseError, parseIssue, type ImportWarning, type Issue } from '../../src/domain/issue/index'

/** The result of importing one issue file: the issue, or the reason it was rejected. */
export type ImportResult = { ok: true, issue: Issue } | { ok: false, line: number | null, message: string }

/** The issue id for a file: its base name without extension (content/issues/x.txt → x). */
export function issueIdFromPath(file: string): string {
  return basename(file, extname(file))
}

/**
 * Reads a file as UTF-8 without altering it. Invalid bytes become U+FFFD, which the parser rejects with a line
 * number (a GBK file is the usual cause), so decoding here never fails on its own.
 */
export function readIssueText(file: string): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(readFileSync(file))
}

/** Reads and parses one issue file; never throws. */
export function importIssueFile(file: string): ImportResult {
  let text: string
  try {
    text = readIssueText(file)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e)
    return { ok: false, line: null, message: `无法读取文件（${code}）` }
  }
  try {
    return { ok: true, issue: parseIssue(text, { id: issueIdFromPath(file) }) }
  } catch (e) {
    if (e instanceof IssueParseError) return { ok: false, line: e.line, message: e.message }
    return { ok: false, line: null, message: String(e) }
  }
}

/** `FILE:LINE: message`, the format editors and CI annotate (FILE: message when no line applies). */
export function formatError(file: string, line: number | null, message: string): string {
  return line === null ? `${file}: ${message}` : `${file}:${line}: ${message}`
}

/** `FILE:LINE: warning: message`. */
export function formatWarning(file: string, w: ImportWarning): string {
  return `${file}:${w.line}: warning: ${w.message}`
}
