/**
 * From the positioned text runs pdf.js reads off each page to the text the importer reads: runs grouped into lines,
 * running headers, footers and page numbers dropped, lines joined into paragraphs by geometry (a line that runs to
 * the right margin continues into the next one when that one starts at the left margin, across page ends too; a
 * first-line indent starts a paragraph), one paragraph per output line with a blank line between, an indented
 * paragraph prefixed with two U+3000 as in a text saved from Word. Pure: the Node side runs pdf.js and passes runs.
 */
import { normalizeCjk, unspace } from './cjk'

/** One text run as pdf.js reports it, in PDF user space (y grows upwards). */
export interface PdfRun {
  str: string
  x: number
  y: number
  width: number
  /** The font size (the run's height). */
  size: number
}

/** One page's runs. */
export interface PdfPage {
  runs: PdfRun[]
}

/** The text and, for each of its 1-based lines (index line - 1), the page it came from. */
export interface PdfText {
  text: string
  pages: number[]
}

interface PLine {
  page: number
  x: number
  end: number
  y: number
  size: number
  text: string
}

// Page numbers and their frames: — 3 —, - 3 -, －3－, 3, 第 3 页, 第 3 页 共 10 页, 3/10.
const PAGE_NUMBER =
  /^(?:[-—－–―~～·•]{1,3}\s*\d{1,3}\s*[-—－–―~～·•]{1,3}|\d{1,3}(?:\s*[/／]\s*\d{1,3})?|第\s*\d{1,3}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,3}\s*页)?)$/u
const LATIN_END = /[A-Za-z0-9]$/
// A line that opens with a list or heading mark starts something new even after a line that filled the measure.
const OPENS = /^(?:[-–•·●◆◇■□▪*◎○▲△►▶➢※☆★【〖]|\d{1,2}\s*[、.．]|[一二三四五六七八九十]{1,2}、)/u
/**
 * A run's characters as the source had them: CJK radicals mapped, and U+2015 (―) read as the dash — that CJK fonts
 * draw with the same glyph (their ToUnicode maps the glyph back to ―, so 「1—3 月」 would come out as 「1―3 月」).
 */
const pdfChars = (s: string): string => normalizeCjk(s).replace(/\u2015/gu, '\u2014')
const LATIN_START = /^[A-Za-z0-9]/

/** Groups a page's runs into lines, top to bottom, each line's runs left to right. */
function pageLines(page: PdfPage, no: number): PLine[] {
  const runs = page.runs.filter((r) => r.str.trim() !== '' && r.size > 0).sort((a, b) => b.y - a.y || a.x - b.x)
  const lines: Array<{ y: number; size: number; runs: PdfRun[] }> = []
  for (const r of runs) {
    const line = lines.find((l) => Math.abs(l.y - r.y) < Math.min(l.size, r.size) * 0.5)
    if (line) line.runs.push(r)
    else lines.push({ y: r.y, size: r.size, runs: [r] })
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((l) => {
      const sorted = l.runs.sort((a, b) => a.x - b.x)
      let text = ''
      let end = sorted[0].x
      for (const r of sorted) {
        // A gap of a quarter em between two runs is a space in the source (「2019 年」「余敬春 电话」); the gaps of a
        // letter-spaced title come out as spaces too and are removed with the others by unspace below.
        const gap = r.x - end
        const str = pdfChars(r.str)
        if (gap > l.size * 0.25 && text !== '' && !/\s$/u.test(text)) text += ' '
        text += str
        end = Math.max(end, r.x + r.width)
      }
      const size = Math.max(...sorted.map((r) => r.size))
      return { page: no, x: sorted[0].x, end, y: l.y, size, text: unspace(text.replace(/\s+/gu, ' ').trim()) }
    })
    .filter((l) => l.text !== '')
}

/** The value most lines share (rounded to `step`), for margins and the body font size. */
function mode(values: number[], step: number): number {
  const counts = new Map<number, number>()
  for (const v of values) counts.set(Math.round(v / step), (counts.get(Math.round(v / step)) ?? 0) + 1)
  let best = 0
  let bestCount = -1
  for (const [k, n] of counts) if (n > bestCount || (n === bestCount && k < best)) [best, bestCount] = [k, n]
  return best * step
}

/** Key of a line that may repeat at the same place on every page: its text with digits folded, and its height. */
const repeatKey = (l: PLine): string => `${l.text.replace(/\d+/gu, '#')}@${Math.round(l.y / 3)}`

/** Drops running headers and footers (the same line at the same height on several pages) and page numbers. */
function dropFurniture(pages: PLine[][]): PLine[][] {
  const seen = new Map<string, number>()
  for (const lines of pages) {
    const edge = new Set([...lines.slice(0, 2), ...lines.slice(-2)].map(repeatKey))
    for (const k of edge) seen.set(k, (seen.get(k) ?? 0) + 1)
  }
  const repeated = (l: PLine): boolean => pages.length >= 2 && (seen.get(repeatKey(l)) ?? 0) >= 2
  return pages.map((lines) =>
    lines.filter((l, i) => {
      const atEdge = i < 2 || i >= lines.length - 2
      return !(atEdge && (repeated(l) || PAGE_NUMBER.test(l.text)))
    })
  )
}

/** The text from a PDF's pages (see the module comment). */
export function pdfPagesToText(pages: PdfPage[]): PdfText {
  const kept = dropFurniture(pages.map((p, i) => pageLines(p, i + 1)))
  const all = kept.flat()
  if (all.length === 0) return { text: '', pages: [] }
  const size = mode(
    all.map((l) => l.size),
    0.5
  )
  const body = all.filter((l) => Math.abs(l.size - size) < size * 0.15)
  const left = mode(
    body.map((l) => l.x),
    1
  )
  const right = Math.max(...body.map((l) => l.end))
  const atLeft = (l: PLine): boolean => Math.abs(l.x - left) < size * 0.5
  // CJK lines stop up to two characters short of the margin where the next character may not start a line.
  const runsToMargin = (l: PLine): boolean => l.end >= right - size * 2.5
  const indent = (l: PLine): boolean => l.x - left >= size * 1.5 && l.x - left <= size * 3.2

  const out: string[] = []
  const outPages: number[] = []
  let current: { text: string; page: number } | null = null
  let prev: PLine | null = null
  const flush = (): void => {
    if (current === null) return
    if (out.length > 0) {
      out.push('')
      outPages.push(current.page)
    }
    out.push(current.text)
    outPages.push(current.page)
    current = null
  }
  for (const l of all) {
    const continues =
      current !== null &&
      prev !== null &&
      Math.abs(prev.size - l.size) < size * 0.15 &&
      (atLeft(prev) || indent(prev)) &&
      runsToMargin(prev) &&
      atLeft(l) &&
      !OPENS.test(l.text)
    if (continues && current !== null) {
      const c: { text: string; page: number } = current
      c.text += LATIN_END.test(c.text) && LATIN_START.test(l.text) ? ` ${l.text}` : l.text
    } else {
      flush()
      current = {
        text: (indent(l) && Math.abs(l.size - size) < size * 0.15 ? '\u3000\u3000' : '') + l.text,
        page: l.page
      }
    }
    prev = l
  }
  flush()
  return { text: out.join('\n') + '\n', pages: outPages }
}
