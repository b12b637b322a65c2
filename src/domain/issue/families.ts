/**
 * Section heads as offices set them, rewritten into the one form the rest of the importer reads (【工作动态】):
 * ■工作动态■, □工作动态□, ◆工作动态, ◆ 工作动态 ◆, 一、工作动态. The line keeps its number and its original text,
 * so warnings and `--explain` show what the organizer wrote.
 */
import type { Line } from './normalize'
import { charLength, endsSentence } from './text'

// A section name is short and no sentence; a longer line after ◆ is a contents entry or a list item.
const MAX_NAME = 10
const FRAMED = /^([■□◆◇▇█●])\s*([^■□◆◇▇█●]+?)\s*\1$/u
const LEADING = /^[◆◇]\s*([^◆◇]+?)$/u
const NUMBERED = /^([一二三四五六七八九十]{1,2})\s*、\s*(\S[^、]*)$/u
const PUNCT = /[，。；：、,.;:！？!?（）()“”"《》]/u

const nameOk = (name: string): boolean =>
  charLength(name) >= 2 && charLength(name) <= MAX_NAME && !endsSentence(name) && !PUNCT.test(name)

/** The section name of a ■…■ / ◆… head, or null. */
function decoratedHead(text: string): string | null {
  if (text.length > 30) return null
  const m = FRAMED.exec(text) ?? LEADING.exec(text)
  const name = m ? m[m.length - 1].trim() : null
  return name !== null && nameOk(name) ? name : null
}

/** The section name of a 一、… head, or null. */
function numberedHead(text: string): { numeral: string; name: string } | null {
  if (text.length > 30) return null
  const m = NUMBERED.exec(text)
  return m && nameOk(m[2].trim()) ? { numeral: m[1], name: m[2].trim() } : null
}

/**
 * Rewrites decorated and numbered section heads as 【name】. Numbered heads (一、工作动态) are only taken as
 * sections when the issue has no 【】 heads and numbers at least two, 一 and 二: one 「一、……」 line alone is more
 * likely a subheading inside an article.
 */
export function canonicalizeSections(lines: Line[]): Line[] {
  const bracketed = lines.some((l) => /^[【〖]/u.test(l.text))
  const numerals = new Set(lines.map((l) => numberedHead(l.text)?.numeral).filter((n) => n !== undefined))
  const numbered = !bracketed && numerals.has('一') && numerals.has('二')
  return lines.map((l) => {
    const decorated = decoratedHead(l.text)
    const name = decorated ?? (numbered ? (numberedHead(l.text)?.name ?? null) : null)
    return name === null ? l : { ...l, text: `【${name}】`, original: l.text }
  })
}
