// Text as search sees it: NFKC (full-width letters and digits become half-width), lower case, and every
// punctuation mark, symbol and space dropped, so 「红岩村」, "红岩 村" and 红岩村 are one text, and a paragraph the
// importer joined across a page break (with or without a space at the join) matches a query spanning the join.

/** Whether a UTF-16 code unit (after NFKC and lower-casing) is punctuation, a symbol or a space: not searched. */
function ignored(c: number): boolean {
  if (c < 0x80) return !((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a))
  if (c <= 0xbf || c === 0xd7 || c === 0xf7) return true
  // General punctuation, super/subscripts, currency, letterlike, arrows, math, technical, box, shapes, dingbats.
  if (c >= 0x2000 && c <= 0x2bff) return true
  // CJK symbols and punctuation (、。〈〉《》「」『』【】〔〕〖〗〜), except 々 and 〇 which are written as characters.
  if (c >= 0x3000 && c <= 0x303f) return c !== 0x3005 && c !== 0x3007
  if (c === 0x30fb) return true // ・
  if (c >= 0xfe10 && c <= 0xfe6f) return true // vertical and small forms
  if (c >= 0xff00 && c <= 0xff65) return true // full-width forms NFKC left (where String#normalize is missing)
  return c >= 0xfff0
}

// NFKC where the platform has it; the full-width ASCII block and the ideographic space by hand everywhere, so an
// engine without String#normalize still equates ＡＢＣ１２３ and ABC123.
const hasNormalize = typeof ''.normalize === 'function'
function fold(ch: string): string {
  const c = ch.charCodeAt(0)
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : ch
  // General and CJK punctuation: NFKC maps these to spaces and punctuation only (… to ..., ‼ to !!), all ignored.
  if ((c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f && c !== 0x3005 && c !== 0x3007)) return ' '
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0).toLowerCase()
  return (hasNormalize ? ch.normalize('NFKC') : ch).toLowerCase()
}

/** Characters that NFKC and lower-casing leave as they are: CJK unified ideographs and the ASCII letters/digits. */
const stable = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)

/** The searched form of a text. */
export function normalizeText(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (stable(c)) {
      out += text[i]
      continue
    }
    // A surrogate pair is one character.
    const wide = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length
    const ch = wide ? text.slice(i, i + 2) : text[i]
    if (wide) i++
    const folded = fold(ch)
    for (let j = 0; j < folded.length; j++) if (!ignored(folded.charCodeAt(j))) out += folded[j]
  }
  return out
}

/** A text's searched form with, for each of its code units, the range of the original it came from. */
export interface MappedText {
  text: string
  /** start[i]..end[i]: where normalized unit i came from in the original. */
  start: number[]
  end: number[]
}

export function normalizeMapped(text: string): MappedText {
  let out = ''
  const start: number[] = []
  const end: number[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const from = i
    if (stable(c)) {
      out += text[i]
      start.push(from)
      end.push(from + 1)
      continue
    }
    const wide = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length
    const ch = wide ? text.slice(i, i + 2) : text[i]
    if (wide) i++
    const folded = fold(ch)
    for (let j = 0; j < folded.length; j++) {
      if (ignored(folded.charCodeAt(j))) continue
      out += folded[j]
      start.push(from)
      end.push(i + 1)
    }
  }
  return { text: out, start, end }
}

/** The longest query accepted, in characters as typed. */
export const SEARCH_QUERY_MAX = 64
/** At most this many words (separated by spaces); each must occur in the article. */
export const SEARCH_TERMS_MAX = 6

export type QueryProblem = 'empty' | 'too_long'

/**
 * A query as typed, split at spaces into words, each normalized (so punctuation inside a word is ignored), or why
 * it cannot be searched. Words that contain another word are dropped (they add nothing).
 */
export function parseSearchQuery(query: string): { terms: string[] } | { problem: QueryProblem } {
  if (query.length > SEARCH_QUERY_MAX) return { problem: 'too_long' }
  const words = query
    .split(/[\s\u3000]+/)
    .map(normalizeText)
    .filter((w) => w.length > 0)
  if (words.length === 0) return { problem: 'empty' }
  const unique = [...new Set(words)].sort((a, b) => b.length - a.length)
  const terms = unique.filter((w, i) => !unique.slice(0, i).some((longer) => longer.includes(w)))
  if (terms.length > SEARCH_TERMS_MAX) return { problem: 'too_long' }
  return { terms }
}

/** The sentence for a query that cannot be searched. */
export function queryProblemText(problem: QueryProblem): string {
  return problem === 'empty'
    ? '请输入要搜索的文字（标点和空格不算）'
    : `搜索内容太长：最多 ${SEARCH_QUERY_MAX} 个字、${SEARCH_TERMS_MAX} 个词`
}
