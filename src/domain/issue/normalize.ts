import { IssueParseError } from './errors'

/** One non-blank line of the input, trimmed, with its 1-based line number in the original text. */
export interface Line {
  no: number
  text: string
  /** The raw line began with whitespace (a paragraph indent, usually two U+3000). */
  indented: boolean
  /** The line as written when the importer rewrote it into its canonical form (■工作动态■ → 【工作动态】). */
  original?: string
}

/** What the importer works on: the meaningful lines and how many lines the input had. */
export interface NormalizedText {
  lines: Line[]
  lineCount: number
}

// Page numbers a PDF leaves between paragraphs: 「— 3 —」「－3－」「- 3 -」「3」「第 3 页」.
const PAGE_NUMBER =
  /^(?:[-—－–―~～·•]{1,3}\s*[0-9０-９]{1,3}\s*[-—－–―~～·•]{1,3}|[0-9０-９]{1,3}|第\s*[0-9０-９]{1,3}\s*页(?:\s*[，,/／]?\s*共\s*[0-9０-９]{1,3}\s*页)?)$/u
// Rules and ornaments (the red line under a masthead, footer separators) carry no text.
const DECORATION = /^[\s\-—－–―=＝_~～·•*★☆※━─═▬■□◆◇●○]{3,}$/u
// Invisible characters PDF extractors sprinkle into text; they would break title matching.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad\f\v]/gu
// Control characters never found in text; their presence means the file is binary (or UTF-16).
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/u

/** What a line the importer drops carries: a page number, an ornament rule, or nothing. */
export function droppedLineKind(text: string): 'blank' | 'page line' | 'ornament' | null {
  const t = text.replace(INVISIBLE, '').trim()
  if (t === '') return 'blank'
  if (PAGE_NUMBER.test(t)) return 'page line'
  if (DECORATION.test(t)) return 'ornament'
  return null
}

/**
 * Splits the input into trimmed, non-blank lines: drops a byte-order mark, accepts \n, \r\n and \r, removes
 * indentation (U+3000 included), page-number lines and ornament rules. Rejects binary or mis-decoded input.
 */
export function normalizeText(input: string): NormalizedText {
  if (typeof input !== 'string') throw new IssueParseError(1, '输入不是文本')
  const raw = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  rejectUndecodable(raw)
  const rawLines = raw.split(/\r\n|\r|\n/)
  const lines: Line[] = []
  for (let i = 0; i < rawLines.length; i++) {
    const cleaned = rawLines[i].replace(INVISIBLE, '')
    const text = cleaned.trim()
    if (text === '' || PAGE_NUMBER.test(text) || DECORATION.test(text)) continue
    lines.push({ no: i + 1, text, indented: /^[\s\u3000]/u.test(cleaned) })
  }
  return { lines, lineCount: rawLines.length }
}

/**
 * Rejects binary files and text that was not UTF-8 (a GBK file decodes to U+FFFD). Control characters anywhere
 * mean binary, so a PNG is not mistaken for a GBK text because its first bad byte happens to decode to U+FFFD.
 */
function rejectUndecodable(raw: string): void {
  const control = CONTROL.exec(raw)
  const bad = raw.indexOf('\ufffd')
  if (!control && bad < 0) return
  const at = Math.min(control ? control.index : Infinity, bad < 0 ? Infinity : bad)
  const line = lineAt(raw, at)
  if (control)
    throw new IssueParseError(line, '文件含有二进制数据，不是文本文件（如果是 Word 或 PDF，请先另存为 UTF-8 纯文本）')
  throw new IssueParseError(line, '文件不是 UTF-8 编码（可能是 GBK），请用 UTF-8 编码另存后再导入')
}

/** The 1-based line of a character offset, counting \r\n, \r and \n as one break each. */
function lineAt(raw: string, offset: number): number {
  const before = raw.slice(0, offset)
  return before.split(/\r\n|\r|\n/).length
}
