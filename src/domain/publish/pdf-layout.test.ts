import { describe, expect, it } from 'vitest'
import { normalizeCjk, unspace } from './cjk'
import { pdfPagesToText, type PdfRun } from './pdf-layout'

// A page 600 high, body at x 70..526 in 12 pt, as Chromium lays out A4 with 26 mm margins.
const run = (str: string, x: number, y: number, size = 12): PdfRun => ({
  str,
  x,
  y,
  width: [...str].length * size,
  size
})
const full = (y: number, x = 70): PdfRun => run('字'.repeat(Math.floor((526 - x) / 12)), x, y)

describe('pdfPagesToText', () => {
  it('joins a paragraph across lines and a page end, drops the running header and page numbers', () => {
    const pages = [
      {
        runs: [
          run('重庆党史工作', 270, 580, 9),
          run('　　开头', 94, 500),
          full(500, 142),
          full(480),
          run('— 1 —', 280, 20, 10)
        ]
      },
      {
        runs: [
          run('重庆党史工作', 270, 580, 9),
          run('结尾。', 70, 500),
          run('下一段。', 94, 480),
          run('— 2 —', 280, 20, 10)
        ]
      }
    ]
    const { text, pages: at } = pdfPagesToText(pages)
    const lines = text.trimEnd().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0].startsWith('\u3000\u3000开头字')).toBe(true)
    expect(lines[0].endsWith('字结尾。')).toBe(true)
    expect(lines[2]).toBe('\u3000\u3000下一段。')
    expect(text).not.toContain('重庆党史工作')
    expect(text).not.toContain('—')
    expect(at).toEqual([1, 2, 2])
  })

  it('a short line ends its paragraph; a line opening with a mark never continues one', () => {
    const { text } = pdfPagesToText([
      { runs: [run('短行', 70, 500), run('次行', 70, 480), full(460), run('- 条目', 70, 440)] }
    ])
    expect(
      text
        .trimEnd()
        .split('\n')
        .filter((l) => l !== '')
    ).toEqual(['短行', '次行', expect.stringMatching(/^字+$/), '- 条目'])
  })

  it('rebuilds spaces from gaps next to digits and removes the letter spacing of a title', () => {
    const { text } = pdfPagesToText([
      {
        runs: [
          run('重 庆 党 史', 190, 700, 24),
          run('工', 370, 700, 24),
          run('作', 406, 700, 24),
          run('建党', 70, 500),
          run('100', 100, 500),
          run('周年', 142, 500)
        ]
      }
    ])
    expect(
      text
        .trimEnd()
        .split('\n')
        .filter((l) => l !== '')
    ).toEqual(['重庆党史工作', '建党 100 周年'])
  })
})

describe('normalizeCjk and unspace', () => {
  it('maps Kangxi radicals and the radical supplement, keeps Chinese punctuation', () => {
    expect(normalizeCjk('⼯作⽇⼼⽉ ⻛⺟（供稿）：')).toBe('工作日心月 风母（供稿）：')
  })
  it('removes letter spacing only where most gaps are spaces', () => {
    expect(unspace('重 庆 党 史工作')).toBe('重庆党史工作')
    expect(unspace('《先辈风范 光耀渝中》')).toBe('《先辈风范 光耀渝中》')
  })
})
