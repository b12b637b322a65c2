import { asciiDigits } from './text'

// Zero is written 〇 (U+3007), ○ (U+25CB, a circle typed instead), 零, an ASCII or full-width 0, or a Latin O.
const DIGITS: Record<string, number> = {
  〇: 0,
  '○': 0,
  零: 0,
  '0': 0,
  O: 0,
  Ｏ: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9
}
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }

/** Characters a number may be written with, for building regular expressions. */
export const NUMERAL_CHARS = '0-9０-９〇○零OＯ一二两三四五六七八九十百千'

/**
 * Reads a number written in Arabic digits, in Chinese digit-by-digit form (二〇二〇, 二0二0) or with units
 * (十九, 二十, 三百二十); null when the text is not a number.
 */
export function parseNumeral(text: string): number | null {
  const s = asciiDigits(text.replace(/\s+/gu, ''))
  if (s === '') return null
  if (/^[0-9]+$/.test(s)) return Number(s)
  if ([...s].every((ch) => ch in DIGITS || /[0-9]/.test(ch))) {
    // Digit by digit, as years are written: 二〇二〇 → 2020.
    return Number([...s].map((ch) => (ch in DIGITS ? DIGITS[ch] : Number(ch))).join(''))
  }
  let total = 0
  let digit: number | null = null
  for (const ch of s) {
    if (ch in DIGITS) {
      if (digit !== null) return null
      digit = DIGITS[ch]
    } else if (ch in UNITS) {
      // 十 alone means 10 (十九 = 19); elsewhere the digit before a unit multiplies it.
      total += (digit ?? 1) * UNITS[ch]
      digit = null
    } else {
      return null
    }
  }
  return total + (digit ?? 0)
}

/** A date found inside a line of text. */
export interface FoundDate {
  /** YYYY-MM-DD, or null when the numbers do not make a calendar date (2020年2月30日). */
  iso: string | null
  /** The matched text, e.g. 「2020 年 6 月 9 日」. */
  text: string
  index: number
}

const N = `[${NUMERAL_CHARS}]`
const DATE = new RegExp(`(${N}{4})\\s*年\\s*(${N}{1,3})\\s*月\\s*(${N}{1,3})\\s*[日号]`, 'u')

/** Finds the first date written 2020 年 6 月 9 日 / 2020年6月9日 / 二〇二〇年六月九日 in the text. */
export function findDate(text: string): FoundDate | null {
  const m = DATE.exec(text)
  if (!m) return null
  const year = parseNumeral(m[1])
  const month = parseNumeral(m[2])
  const day = parseNumeral(m[3])
  return { iso: isoDate(year, month, day), text: m[0], index: m.index }
}

/** YYYY-MM-DD for a real calendar date, otherwise null. */
export function isoDate(year: number | null, month: number | null, day: number | null): string | null {
  if (year === null || month === null || day === null) return null
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  if (day > days) return null
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
