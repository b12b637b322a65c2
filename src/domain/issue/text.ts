/** Character-level helpers shared by the importer's modules. */

const HAN = /\p{Script=Han}/u

/** True when `ch` is a CJK ideograph. */
export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch)
}

// Characters that may close a sentence. A paragraph ending in one of them is complete; one ending in anything
// else was cut where a PDF page ended. ：ends a paragraph that introduces a list on the next line.
const FINAL = new Set(['。', '！', '？', '!', '?', '；', ';', '…', '：', ':', '.', '．'])
// Closers that may follow the final punctuation: 「……支持！”」 or 「……（完。）」.
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '〉', '】', ']', '"', "'"])

/**
 * True when the text ends a sentence. A closing quote only counts when a final mark stands before it:
 * 「……给予大力支持！”」 is complete, 「由“读”“听”“讲”“答”」 is not (the page ended inside the sentence).
 */
export function endsSentence(text: string): boolean {
  let i = text.length - 1
  while (i >= 0 && CLOSERS.has(text[i])) i--
  return i >= 0 && FINAL.has(text[i])
}

/** True when the text is only closing quotes and brackets: 「”」 left on a line of its own by a page end. */
export function isClosersOnly(text: string): boolean {
  return text.length > 0 && [...text].every((ch) => CLOSERS.has(ch))
}

/** Length in code points, so that an astral ideograph counts once. */
export function charLength(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}

// Quote marks and brackets that authors type in either width; a matching key must not care which.
const QUOTE_LIKE = /[“”„‟"'‘’「」『』]/g

/**
 * A comparison key for titles: no whitespace, full-width forms folded to ASCII, every kind of quote mark the same.
 * The body often shows a title with a space where the PDF wrapped it onto two lines; the key ignores that.
 */
export function titleKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').replace(QUOTE_LIKE, '"')
}

/** Collapse runs of whitespace to one ASCII space (titles and attributions from PDFs carry odd runs). */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}

/** Join two halves of a paragraph split by a page end: directly for Chinese, with a space between Latin words. */
export function joinHalves(a: string, b: string): string {
  const last = a[a.length - 1]
  const first = b[0]
  return /[A-Za-z0-9]/.test(last ?? '') && /[A-Za-z0-9]/.test(first ?? '') ? `${a} ${b}` : a + b
}

/** Joins a paragraph's page-split pieces in one pass (repeated joinHalves would copy the growing text each time). */
export function joinPieces(pieces: string[]): string {
  const out: string[] = [pieces[0] ?? '']
  for (let k = 1; k < pieces.length; k++) {
    const prev = pieces[k - 1]
    const latin = /[A-Za-z0-9]/.test(prev[prev.length - 1] ?? '') && /[A-Za-z0-9]/.test(pieces[k][0] ?? '')
    out.push(latin ? ` ${pieces[k]}` : pieces[k])
  }
  return out.join('')
}

/** Folds full-width digits to ASCII so that one regular expression reads both. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
}

/** A section header 【工作动态】 (or 〖工作动态〗); returns the section title or null. */
export function sectionHeader(text: string): string | null {
  // Headers are short; the length check also keeps the lazy pattern below linear.
  if (text.length > 40) return null
  const m = /^[【〖]\s*([^【】〖〗]+?)\s*[】〗]$/u.exec(text)
  return m ? collapseSpaces(m[1]) : null
}

/** The line that introduces a table of contents: 本期要目 / 内容提要 / ≡本期要目≡ / 目录 … */
export function isContentsIntro(text: string): boolean {
  const bare = text.replace(/[\s≡=＝—\-─━·•◆◇■□★☆【】〖〗[\]［］]/gu, '')
  return /^(本期要目|本期目录|内容提要|本期提要|本期导读|导读|本期内容|要目|目录|目次)$/u.test(bare)
}

/** Strips a contents-entry marker ("- ", "1、", "（1）", "•"); returns null when the line carries none. */
export function stripEntryMarker(text: string): string | null {
  const m =
    /^(?:[-–•·●◆◇■□▪*◎○▲△►▶➢※☆★]\s*|[0-9０-９]{1,2}\s*[、.．]\s*|[（(]\s*[0-9０-９]{1,2}\s*[)）]\s*)(.+)$/u.exec(text)
  return m ? m[1].trim() : null
}

/** Drops dot leaders and a page number a contents entry may end with: 「标题……3」「标题   3」. */
export function stripPageRef(text: string): string {
  // Done by hand: a regular expression with \s* before an end anchor is quadratic on long runs of spaces.
  let i = text.length
  while (i > 0 && /[0-9０-９]/.test(text[i - 1])) i--
  const digits = text.length - i
  if (digits === 0 || digits > 3) return text
  let leaders = 0
  let spaces = 0
  while (i > 0 && /[\s.．…·。]/u.test(text[i - 1])) {
    if (/\s/u.test(text[i - 1])) spaces++
    else leaders++
    i--
  }
  return i > 0 && (leaders >= 2 || spaces >= 2) ? text.slice(0, i) : text
}

/** The start of a line, short enough to quote in a message. */
export function excerpt(text: string, max = 20): string {
  const chars = [...text]
  return chars.length > max ? chars.slice(0, max).join('') + '…' : text
}
