// @vitest-environment node
// Fuzz of the Word path: .docx files built here with the `docx` package from the shipped issue's printed lines,
// mutated the ways Word files differ (lines dropped, doubled and moved; paragraphs split where a page ended, with
// and without their indent; stray tokens typed in; empty paragraphs, tabs and line breaks; bold, centred and
// right-aligned lines at random), plus damaged files (truncated, bytes flipped). Through publishDocumentBytes, as
// `npm run publish` and the in-app preview read them: never a crash; a refused readable file names a line inside
// the text and the Word paragraph it is in; a damaged file is refused with the sentence that says so.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseIssue } from '../../src/domain/issue/index'
import { mulberry32 } from '../../src/domain/random'
import { issueBlocks, issueDocx, issueHtml, printPdf } from '../../tools/lib/issue-print'
import { publishDocumentBytes } from './issue-files'

const SEED = fileURLToPath(new URL('../../content/issues/chongqing-dangshi-gongzuo-2020-02.txt', import.meta.url))
const seed = parseIssue(readFileSync(SEED, 'utf8'), { id: 'seed' })
const RUNS = 120
const TOKENS = [
  '【',
  '】',
  '（',
  '供稿）',
  '第 3 期',
  '二〇二〇年',
  '报：',
  '责编：',
  '本期要目',
  '1、',
  '◆',
  '— 3 —',
  'and',
  '\u200b',
  '𠀀',
  '内部资料',
  '（供稿：办公室）',
  '来源：',
  '■'
]

type Block = { kind: 'title' | 'centre' | 'left' | 'para' | 'right'; text: string; br?: boolean }

function mutate(rng: () => number): Block[] {
  const int = (n: number): number => Math.floor(rng() * n)
  const blocks: Block[] = issueBlocks(seed).map((b) => ({ ...b }))
  // A quarter of the files lose what an issue cannot do without: the masthead's lines, every article, or the end.
  const hard = rng()
  if (hard < 0.08) blocks.splice(0, 1 + int(3))
  else if (hard < 0.16) blocks.splice(blocks.findIndex((b) => b.kind === 'para') - 1)
  else if (hard < 0.25) blocks.splice(3 + int(20))
  const edits = 1 + int(6)
  for (let e = 0; e < edits; e++) {
    const at = int(blocks.length)
    const r = rng()
    if (r < 0.2) blocks.splice(at, 1 + int(8))
    else if (r < 0.3) blocks.splice(at, 0, ...blocks.slice(int(blocks.length), int(blocks.length)))
    else if (r < 0.45 && blocks[at]?.kind === 'para') {
      // A paragraph split where a page ended: the rest continues without an indent (or, at random, with one).
      const t = blocks[at].text
      const cut = 1 + int(Math.max(1, t.length - 1))
      blocks.splice(
        at,
        1,
        { kind: 'para', text: t.slice(0, cut) },
        { kind: rng() < 0.7 ? 'left' : 'para', text: t.slice(cut) }
      )
    } else if (r < 0.65 && blocks[at]) {
      const t = blocks[at].text
      const i = int(t.length + 1)
      blocks[at] = { ...blocks[at], text: t.slice(0, i) + TOKENS[int(TOKENS.length)] + t.slice(i) }
    } else if (r < 0.75) blocks.splice(at, 0, { kind: 'left', text: rng() < 0.5 ? '' : '\t' })
    else if (r < 0.85 && blocks[at]) blocks[at] = { ...blocks[at], br: true }
    else if (blocks[at]) {
      const kinds = ['title', 'centre', 'left', 'para', 'right'] as const
      blocks[at] = { ...blocks[at], kind: kinds[int(kinds.length)] }
    }
  }
  return blocks
}

async function docxOf(blocks: Block[]): Promise<Uint8Array> {
  const { AlignmentType, Document, Packer, Paragraph, TextRun } = await import('docx')
  const children = blocks.map((b) => {
    const runs = [new TextRun({ text: b.text, bold: b.kind === 'title' })]
    // A soft line break (Shift+Enter) inside the paragraph, as pasted text often has.
    if (b.br) runs.push(new TextRun({ text: b.text.slice(0, 4), break: 1 }))
    if (b.kind === 'para') return new Paragraph({ children: runs, indent: { firstLine: 480 } })
    const alignment =
      b.kind === 'right' ? AlignmentType.RIGHT : b.kind === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER
    return new Paragraph({ children: runs, alignment })
  })
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })))
}

describe('Word files fuzz', () => {
  it(`${RUNS} mutated .docx files of the seed: no crash; refusals name a line and its Word paragraph`, async () => {
    const rng = mulberry32(0xd0c5)
    let ok = 0
    const reasons = new Set<string>()
    for (let run = 0; run < RUNS; run++) {
      const bytes = await docxOf(mutate(rng))
      const { result, text } = await publishDocumentBytes(bytes, `fuzz-${run}.docx`)
      if (result.ok) {
        ok++
        continue
      }
      const { line, where, message } = result.problem
      expect(message.startsWith('导入程序内部错误'), message).toBe(false)
      reasons.add(message.replace(/[\d“”「」].*$/, ''))
      if (text === null) {
        // Only a file with no text at all is refused before the importer: it says so, at the first paragraph.
        expect(message).toBe('Word 文件中没有文字')
        continue
      }
      expect(line, message).toBeGreaterThanOrEqual(1)
      expect(line ?? 0).toBeLessThanOrEqual(text.split('\n').length)
      expect(where, message).toMatch(/^第 \d+ 段$/)
    }
    expect(ok).toBeGreaterThan(RUNS / 2)
    // Mutations reach more than one early exit of the importer.
    expect(reasons.size).toBeGreaterThanOrEqual(3)
  }, 120_000)

  it('damaged files (truncated, bytes flipped, another format) are refused with a sentence, never a crash', async () => {
    const rng = mulberry32(0xbad)
    const good = await issueDocx(seed)
    for (let run = 0; run < 30; run++) {
      const bytes = new Uint8Array(good)
      const damaged =
        run % 3 === 0
          ? bytes.slice(0, Math.floor(rng() * bytes.length))
          : run % 3 === 1
            ? bytes.map((b) => (rng() < 0.01 ? Math.floor(rng() * 256) : b))
            : new TextEncoder().encode('%PDF-1.4 not a word file')
      const { result } = await publishDocumentBytes(damaged, `damaged-${run}.docx`)
      if (result.ok) continue
      expect(result.problem.message.startsWith('导入程序内部错误')).toBe(false)
      if (result.problem.line === null)
        expect(result.problem.message).toMatch(/^无法读取 Word 文件|^Word 文件中没有文字/)
      else expect(result.problem.where).toMatch(/^第 \d+ 段$/)
    }
  }, 60_000)

  it('damaged PDFs (cut short, bytes flipped) are refused with a sentence, naming the broken page when there is one', async () => {
    const rng = mulberry32(0x9df)
    const good = await printPdf(issueHtml(seed), seed.title)
    let pageNamed = 0
    for (let run = 0; run < 24; run++) {
      const damaged =
        run % 2 === 0
          ? good.slice(0, Math.floor(good.length * (0.2 + 0.8 * rng())))
          : good.map((b) => (rng() < 0.002 ? Math.floor(rng() * 256) : b))
      const { result } = await publishDocumentBytes(damaged, `damaged-${run}.pdf`)
      if (result.ok) continue
      const { line, where, message } = result.problem
      expect(message.startsWith('导入程序内部错误'), message).toBe(false)
      if (line === null) expect(message).toMatch(/^无法读取 PDF 文件|^PDF 中没有可提取的文字/)
      // A file cut short has no page structure left to name; a broken page inside one that opens is named.
      if (line !== null || /Invalid PDF structure/.test(message) === false)
        expect(where, message).toMatch(/^第 \d+ 页$/)
      if (where !== undefined) pageNamed++
    }
    expect(pageNamed).toBeGreaterThan(0)
  }, 120_000)
})
