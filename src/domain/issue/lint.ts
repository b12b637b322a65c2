import { parseAttribution } from './attribution'
import type { Contents } from './contents'
import type { Line } from './normalize'
import { isHan } from './text'
import type { ImportWarning } from './types'

// Neighbours that make a Latin word "inside Chinese prose". Quotes, brackets and 《》 are left out on purpose:
// 「“Internet+”」 or 「（PDF）」 is a term the writer meant, 「精神 and 关于」 is a slip.
const PROSE_PUNCT = new Set(['，', '。', '、', '；', '：', '！', '？'])
const isProse = (ch: string | undefined): boolean => isHan(ch) || (ch !== undefined && PROSE_PUNCT.has(ch))

/** Warns about a Latin word standing between Chinese characters, such as the stray 「and」 in the seed. */
export function lintLatinWords(line: Line): ImportWarning[] {
  const warnings: ImportWarning[] = []
  const text = line.text
  for (const m of text.matchAll(/[A-Za-z]+(?:['’-][A-Za-z]+)*/g)) {
    const word = m[0]
    // Acronyms (GDP, APP) are written that way on purpose; a stray word has lower-case letters.
    if (word.length < 2 || !/[a-z]/.test(word)) continue
    let l = (m.index ?? 0) - 1
    while (l >= 0 && /\s/u.test(text[l])) l--
    let r = (m.index ?? 0) + word.length
    while (r < text.length && /\s/u.test(text[r])) r++
    if (isProse(text[l]) && isProse(text[r])) {
      warnings.push({ line: line.no, message: `中文段落中夹有外文单词“${word}”，请核对是否录入有误` })
    }
  }
  return warnings
}

/** Warns when an opening bracket of one width is closed by the other: 「(单位供稿）」. */
export function lintBracketPairs(line: Line): ImportWarning[] {
  const stack: string[] = []
  for (const m of line.text.matchAll(/[()（）]/g)) {
    const ch = m[0]
    if (ch === '(' || ch === '（') {
      stack.push(ch)
      continue
    }
    const open = stack.pop()
    if (open !== undefined && (open === '(') !== (ch === ')')) {
      return [{ line: line.no, message: `括号全角半角混用：“${open}”与“${ch}”配对` }]
    }
  }
  return []
}

/**
 * Warns about attribution lines whose bracket width differs from the rest of the issue (the seed has two
 * half-width ones among full-width ones). On a tie the half-width lines are the odd ones: Chinese text uses （）.
 */
export function lintAttributionWidths(lines: Line[], start: number, end: number): ImportWarning[] {
  const full: Line[] = []
  const half: Line[] = []
  for (let i = start; i < end; i++) {
    const a = parseAttribution(lines[i].text)
    if (a?.width === 'full') full.push(lines[i])
    if (a?.width === 'half') half.push(lines[i])
  }
  if (full.length === 0 || half.length === 0) return []
  const odd = half.length <= full.length ? half : full
  const message =
    odd === half
      ? '署名用了半角括号“()”，本期其他署名用全角括号“（）”'
      : '署名用了全角括号“（）”，本期其他署名用半角括号“()”'
  return odd.map((l) => ({ line: l.no, message }))
}

/** Warns about contents entries that no body article claimed. */
export function lintUnusedEntries(contents: Contents): ImportWarning[] {
  return contents.sections.flatMap((s) =>
    s.entries
      .filter((e) => !e.used)
      .map((e) => ({ line: e.line, message: `目录条目“${e.text}”在正文中找不到对应文章` }))
  )
}
