import { LETTERS } from './schema'
import { foldWidth } from './text'

/** The result of reading an answer as organizers or members write it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

const SEPARATORS = /[\s,，、;；/|｜]+/g

/**
 * Reads option letters: `B`, `b`, `AB`, `A,B`, `A B`, `A、B`, `A，B`, full-width letters too. Returns the letters
 * sorted and without duplicates; fails on anything that is not a letter A–H.
 */
export function parseLetters(raw: string): Parsed<string[]> {
  const compact = foldWidth(raw).toUpperCase().replace(SEPARATORS, '')
  if (compact === '') return { ok: false, message: '答案为空' }
  const letters = new Set<string>()
  for (const ch of compact) {
    if (!(LETTERS as readonly string[]).includes(ch))
      return { ok: false, message: `答案 "${raw.trim()}" 不是选项字母（A–H）` }
    letters.add(ch)
  }
  return { ok: true, value: [...letters].sort() }
}

const TRUE_WORDS = ['对', '正确', '√', '✓', '✔', 'T', 'TRUE', '是']
const FALSE_WORDS = ['错', '错误', '×', '✗', '✘', 'F', 'FALSE', '否']

/**
 * Reads a 判断 answer: 对/错, 正确/错误, √/×, ✓/✗, T/F, 是/否. `letters` maps option letters to the option texts
 * when the row has them (正确/错误 in either order), so `A` or `B` work too.
 */
export function parseTrueFalse(
  raw: string,
  letters: Record<string, string> = { A: '正确', B: '错误' }
): Parsed<boolean> {
  const word = foldWidth(raw).trim().toUpperCase()
  if (word === '') return { ok: false, message: '答案为空' }
  const meant = letters[word] ?? word
  if (TRUE_WORDS.includes(meant)) return { ok: true, value: true }
  if (FALSE_WORDS.includes(meant)) return { ok: true, value: false }
  return {
    ok: false,
    message: `判断题的答案 "${raw.trim()}" 既不是“对”也不是“错”（可写 对/错、正确/错误、√/×、T/F、是/否）`
  }
}

/** Reads the accepted 填空 answers, separated by `|` or `；` (half- and full-width). */
export function parseFillAnswers(raw: string): Parsed<string[]> {
  const answers = raw
    .split(/[|｜；;]/)
    .map((a) => a.trim())
    .filter((a) => a !== '')
  if (answers.length === 0) return { ok: false, message: '答案为空' }
  return { ok: true, value: [...new Set(answers)] }
}
