// Fuzz of the PDF path: the seed's lines laid out as positioned runs on pages (random sizes, indents, line ends,
// headers, page numbers, Kangxi radicals, empty and whitespace runs, runs shuffled within a page), then through
// pdfPagesToText and the publishing step. Never a crash; every refusal names a line inside the text and its page.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SEED_PATH } from '../issue/fixtures/variants'
import { mulberry32 } from '../random'
import { publishExtractedText } from './index'
import { pdfPagesToText, type PdfPage, type PdfRun } from './pdf-layout'

const seed = readFileSync(fileURLToPath(new URL(`../../../${SEED_PATH}`, import.meta.url)), 'utf8')
const seedLines = seed.split('\n').filter((l) => l.trim() !== '')
const RUNS = 400
const sha = (d: string | Uint8Array): string => String(typeof d === 'string' ? d.length : d.byteLength)
const KANGXI: Record<string, string> = { 工: '⼯', 日: '⽇', 月: '⽉', 心: '⼼', 风: '⻛' }

function layout(rng: () => number): PdfPage[] {
  const int = (n: number): number => Math.floor(rng() * n)
  const lines = seedLines.slice(int(20), seedLines.length - int(20))
  if (rng() < 0.2) lines.splice(int(lines.length), 1 + int(40))
  const pages: PdfPage[] = []
  let runs: PdfRun[] = []
  let y = 780
  const size = rng() < 0.5 ? 12 : 10 + int(6)
  const perLine = Math.floor(456 / size)
  const newPage = (): void => {
    if (rng() < 0.8) runs.push({ str: '重庆党史工作', x: 270, y: 810, width: 54, size: 9 })
    if (rng() < 0.8) runs.push({ str: `— ${pages.length + 1} —`, x: 280, y: 20, width: 30, size: 10 })
    // Shuffled: pdf.js gives runs in content-stream order, not reading order.
    if (rng() < 0.3) runs.sort(() => rng() - 0.5)
    pages.push({ runs })
    runs = []
    y = 780
  }
  for (const raw of lines) {
    let text = [...raw].map((ch) => (rng() < 0.05 ? (KANGXI[ch] ?? ch) : ch)).join('')
    const indent = rng() < 0.6 ? 2 * size : rng() < 0.2 ? int(200) : 0
    for (let k = 0; text.length > 0; k++) {
      const room = k === 0 ? perLine - indent / size : perLine
      const part = text.slice(0, Math.max(1, Math.floor(room)))
      text = text.slice(part.length)
      const x = 70 + (k === 0 ? indent : 0)
      runs.push({ str: part, x, y, width: [...part].length * size * (rng() < 0.9 ? 1 : rng()), size })
      if (rng() < 0.05) runs.push({ str: ' ', x: x + 2, y, width: 0, size: 0 })
      y -= size * 1.6
      if (y < 60) newPage()
    }
  }
  newPage()
  return pages
}

describe('pdfPagesToText fuzz', () => {
  it(`${RUNS} random layouts of the seed: no crash; refusals name a line and a page`, () => {
    const rng = mulberry32(0x9df2020)
    let ok = 0
    let refused = 0
    for (let run = 0; run < RUNS; run++) {
      const pages = layout(rng)
      const { text, pages: at } = pdfPagesToText(pages)
      const lineCount = text.split('\n').length
      expect(at.length).toBeLessThanOrEqual(lineCount)
      expect(text).not.toMatch(/[\u2f00-\u2fdf\u2e80-\u2eff]/u)
      const origin = at.map((p) => `第 ${p} 页`)
      const result = publishExtractedText(text, origin, new Uint8Array(1), `fuzz-${run}.pdf`, sha)
      if (result.ok) {
        ok++
        continue
      }
      refused++
      const { line, where, message } = result.problem
      expect(message.startsWith('导入程序内部错误'), message).toBe(false)
      if (text.trim() === '') continue
      expect(line, message).toBeGreaterThanOrEqual(1)
      expect(line ?? 0).toBeLessThanOrEqual(lineCount)
      expect(where).toMatch(/^第 \d+ 页$/)
    }
    expect(ok).toBeGreaterThan(RUNS / 10)
    expect(refused).toBeGreaterThan(0)
  }, 60_000)
})
