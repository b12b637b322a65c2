import { findDate, NUMERAL_CHARS, parseNumeral } from './dates'
import { IssueParseError } from './errors'
import type { Line } from './normalize'
import type { ImportWarning, Issue } from './types'
import {
  charLength,
  collapseSpaces,
  endsSentence,
  excerpt,
  isContentsIntro,
  isHan,
  sectionHeader,
  stripEntryMarker
} from './text'

/** Everything above the contents: 刊名, 期号, 编者, 日期 and the optional markings and 签发人. */
export interface Masthead extends Pick<
  Issue,
  'title' | 'number' | 'totalNumber' | 'publishedOn' | 'editor' | 'supplement'
> {
  markings: string[]
  signer: string | null
  /** Index into the lines of the first line after the masthead. */
  end: number
  /** Lines inside the masthead that were skipped because nothing could be read from them. */
  warnings: ImportWarning[]
}

// An unreadable line is skipped (with a warning) only while the masthead still lacks its number or date, and only
// this many times: past that, the file has no masthead the importer can read.
const MAX_SKIPPED = 3

// Words stamped above a title. 秘密 is often spaced out (秘　密), so lines are compared without whitespace.
const MARKING_WORDS = [
  '内部资料',
  '注意保存',
  '妥善保存',
  '仅供参考',
  '内部消息',
  '严禁外传',
  '不得外传',
  '内部刊物',
  '内部参阅',
  '内部发行',
  '秘密',
  '机密',
  '绝密'
]

/** Splits a line made only of marking words into them; null when anything else is on the line. */
export function parseMarkings(text: string): string[] | null {
  let rest = text.replace(/[\s/／·、|｜★☆（）()【】[\]]/gu, '')
  if (rest === '') return null
  const found: string[] = []
  while (rest !== '') {
    const word = MARKING_WORDS.find((w) => rest.startsWith(w))
    if (!word) return null
    found.push(word)
    rest = rest.slice(word.length)
  }
  return found
}

/** The parts of the masthead one line may carry; `rest` is what no rule recognised. */
interface MastheadParts {
  number?: number
  totalNumber?: number
  supplement?: boolean
  date?: { iso: string | null; text: string }
  signer?: string
  editor?: string
  rest: string
}

const N = `[${NUMERAL_CHARS}]`
const TOTAL = new RegExp(`[（(]?\\s*总\\s*第\\s*(${N}+)\\s*期\\s*[)）]?`, 'u')
const ISSUE = new RegExp(`(?:${N}{4}\\s*年\\s*)?(?:增\\s*刊\\s*)?第\\s*(${N}+)\\s*期`, 'u')
const SUPPLEMENT = new RegExp(`(?:${N}{4}\\s*年\\s*)?增\\s*刊\\s*(?:[（(]\\s*(${N}+)\\s*[)）]|(${N}+))?`, 'u')
const SIGNER = /签\s*发\s*人?\s*[：:]\s*([^\s：:]+)/u
const EDITOR_LABEL = /^(?:主办单位|主办|编印单位|编印|编辑单位|主编单位)\s*[：:]\s*(.+)$/u
const EDITOR_SUFFIX = /^(.+?)\s*(?:编印|主办|编)$/u

/** Recognises issue line, date, 签发人 and editor inside one masthead line, in any combination. */
export function scanMastheadLine(text: string): MastheadParts {
  const parts: MastheadParts = { rest: text }
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(parts.rest)
    if (m) parts.rest = parts.rest.slice(0, m.index) + '\u3000' + parts.rest.slice(m.index + m[0].length)
    return m
  }
  let m = take(TOTAL)
  if (m) parts.totalNumber = parseNumeral(m[1]) ?? undefined
  // The date goes before the issue so that 「2020年6月9日」 is never read as a year prefix.
  const date = findDate(parts.rest)
  if (date) {
    parts.date = { iso: date.iso, text: date.text }
    parts.rest = parts.rest.slice(0, date.index) + '\u3000' + parts.rest.slice(date.index + date.text.length)
  }
  m = take(ISSUE)
  if (m) {
    parts.number = parseNumeral(m[1]) ?? undefined
    if (/增\s*刊/u.test(m[0])) parts.supplement = true
  }
  m = take(SUPPLEMENT)
  if (m) {
    parts.supplement = true
    const n = m[1] ?? m[2]
    if (n !== undefined && parts.number === undefined) parts.number = parseNumeral(n) ?? undefined
  }
  m = take(SIGNER)
  if (m) parts.signer = m[1]
  // Leftovers such as the brackets of 「第1期（增刊）」 are not text.
  let rest = parts.rest.replace(/[\s（）()【】[\]、，,]+/gu, ' ').trim()
  const label = EDITOR_LABEL.exec(rest)
  const suffix = EDITOR_SUFFIX.exec(rest)
  if (label) {
    parts.editor = collapseSpaces(label[1])
    rest = ''
  } else if (suffix && isHan(suffix[1][0])) {
    parts.editor = collapseSpaces(suffix[1])
    rest = ''
  } else if (parts.date && rest !== '' && isHan(rest[0]) && charLength(rest) <= 40) {
    // 「中共重庆市委党史研究室　　　　2020年6月9日」: the unit beside the date is the editor, even without 编.
    parts.editor = collapseSpaces(rest)
    rest = ''
  }
  parts.rest = rest
  return parts
}

function notATitle(line: number, text: string): IssueParseError {
  return new IssueParseError(line, `找不到刊名：文件开头的“${excerpt(text)}”不像刊名（如“重庆党史工作”）`)
}

/** Big mastheads are sometimes typeset with a space between every character: 重 庆 党 史 工 作. */
function cleanTitle(text: string): string {
  return /^(\S\s+)+\S$/u.test(text) ? text.replace(/\s+/gu, '') : collapseSpaces(text)
}

function looksLikeTitle(text: string): boolean {
  return charLength(text) <= 40 && !endsSentence(text) && /\p{Script=Han}/u.test(text)
}

/** Parses the masthead at the top of the issue; throws IssueParseError when 刊名, 期号 or 日期 is missing. */
export function parseMasthead(lines: Line[], lineCount: number): Masthead {
  if (lines.length === 0) throw new IssueParseError(1, '文件是空的，没有任何文字')
  let title: string | null = null
  let number: number | null = null
  let totalNumber: number | null = null
  let supplement = false
  let date: { iso: string | null; text: string; line: number } | null = null
  let editor: string | null = null
  let signer: string | null = null
  const markings: string[] = []
  const warnings: ImportWarning[] = []
  let i = 0
  for (; i < lines.length; i++) {
    const { text, no } = lines[i]
    // Markings stand above the title, under it or between the issue line and the date: 内部资料, （注意保存）, 机　密.
    const marks = parseMarkings(text)
    if (marks) {
      markings.push(...marks)
      continue
    }
    if (sectionHeader(text) !== null || isContentsIntro(text) || stripEntryMarker(text) !== null) break
    // Masthead lines are short; scanning a long line (a paragraph, or a megabyte of digits) is wasted or slow.
    if (charLength(text) > 120) {
      if (title === null) throw notATitle(no, text)
      break
    }
    const parts = scanMastheadLine(text)
    const structural =
      parts.number !== undefined ||
      parts.totalNumber !== undefined ||
      parts.supplement ||
      parts.date !== undefined ||
      parts.signer !== undefined
    if (title === null && !structural) {
      if (!looksLikeTitle(text)) throw notATitle(no, text)
      title = cleanTitle(text)
      continue
    }
    if (title === null && parts.rest !== '' && looksLikeTitle(parts.rest)) {
      // 「重庆党史工作　第2期」: title and issue line share a line.
      title = cleanTitle(parts.rest)
      parts.rest = ''
    }
    // An editor-only line is accepted once: a later 「……汇编」 line is an article title, not the editor.
    if (parts.rest !== '' || (!structural && (parts.editor === undefined || editor !== null))) {
      const incomplete = title !== null && ((number === null && !supplement) || date === null)
      if (incomplete && !structural && warnings.length < MAX_SKIPPED && looksLikeTitle(text)) {
        warnings.push({ line: no, message: `刊头中无法识别的一行“${excerpt(text)}”，已跳过` })
        continue
      }
      break
    }
    if (parts.number !== undefined) number = parts.number
    if (parts.totalNumber !== undefined) totalNumber = parts.totalNumber
    if (parts.supplement) supplement = true
    if (parts.signer !== undefined) signer = parts.signer
    if (parts.editor !== undefined) editor = parts.editor
    if (parts.date && date === null) date = { ...parts.date, line: no }
  }
  const here = i < lines.length ? lines[i].no : Math.max(lineCount, 1)
  if (title === null) throw new IssueParseError(here, '找不到刊名：文件开头应是刊名（如“重庆党史工作”）')
  if (number === null && !supplement) {
    throw new IssueParseError(here, `刊名“${title}”下面找不到期号（如“第 2 期”“第2期（总第197期）”或“增刊”）`)
  }
  if (date === null)
    throw new IssueParseError(here, '刊头中找不到出版日期（如“2020 年 6 月 9 日”或“二〇二〇年六月九日”）')
  if (date.iso === null) throw new IssueParseError(date.line, `出版日期“${date.text}”不是有效的日期`)
  return {
    title,
    number: number ?? 1,
    totalNumber,
    publishedOn: date.iso,
    editor,
    supplement,
    markings,
    signer,
    end: i,
    warnings
  }
}
