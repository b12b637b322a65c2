// The Word and PDF readers on files made here from the shipped issue: a .docx built with the `docx` package and a
// PDF printed by Chromium (running header, 「— N —」 page numbers in the footer). Each must import to the issue the
// clean text gives: same masthead, sections, titles, attributions, paragraphs (page-split ones joined) and footer.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseIssue, type Issue } from '../../src/domain/issue/index'
import { issueDocx, issueHtml, printPdf } from '../../tools/lib/issue-print'
import { docxText, documentKind, pdfText } from './document-text'
import { publishDocumentBytes } from './issue-files'

const SEED = fileURLToPath(new URL('../../content/issues/chongqing-dangshi-gongzuo-2020-02.txt', import.meta.url))
const seed = parseIssue(readFileSync(SEED, 'utf8'), { id: 'seed' })

/** What a member sees of an issue (warnings and ids aside). */
function shape(issue: Issue) {
  return {
    title: issue.title,
    number: issue.number,
    totalNumber: issue.totalNumber,
    publishedOn: issue.publishedOn,
    editor: issue.editor,
    sections: issue.sections.map((s) => ({
      title: s.title,
      articles: s.articles.map((a) => ({ title: a.title, source: a.source, paragraphs: a.paragraphs }))
    })),
    footer: issue.footer
  }
}
const STRAY_AND = '中文段落中夹有外文单词“and”，请核对是否录入有误'
const paragraphCount = (issue: Issue): number =>
  issue.sections.reduce((n, s) => n + s.articles.reduce((m, a) => m + a.paragraphs.length, 0), 0)

describe('documentKind', () => {
  it('reads the kind from the extension, any case', () => {
    expect(['a.txt', 'b.DOCX', 'c.Pdf', 'd.doc', 'e'].map(documentKind)).toEqual(['txt', 'docx', 'pdf', null, null])
  })
})

describe('a Word file made with the docx package', () => {
  let bytes: Uint8Array
  beforeAll(async () => {
    bytes = await issueDocx(seed)
  })

  it('imports to the same issue as the clean text; the header and footer of the page are left out', async () => {
    const { result, text } = await publishDocumentBytes(bytes, 'seed.docx')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(shape(result.published.issue)).toEqual(shape(seed))
    expect(paragraphCount(result.published.issue)).toBe(paragraphCount(seed))
    expect(text).not.toContain('— 1 —')
    // The seed's own slip; its half-width attributions were typeset full-width here.
    expect(result.published.issue.warnings.map((w) => w.message)).toEqual([STRAY_AND])
  })

  it('writes indented paragraphs with two U+3000, one paragraph a line, and says which paragraph a line is', async () => {
    const r = await docxText(bytes)
    if (!r.ok) throw new Error(r.message)
    const lines = r.text.split('\n')
    expect(lines[0]).toBe('重庆党史工作')
    expect(lines.filter((l) => l.startsWith('\u3000\u3000')).length).toBe(paragraphCount(seed))
    expect(r.origin[0]).toBe('第 1 段')
    expect(r.origin[2]).toBe('第 2 段')
  })

  it('refuses a file that is no Word file, and a Word file with no masthead, naming the paragraph', async () => {
    const broken = await publishDocumentBytes(new Uint8Array([1, 2, 3, 4]), 'x.docx')
    expect(broken.result).toMatchObject({
      ok: false,
      problem: { line: null, message: expect.stringMatching(/^无法读取 Word 文件/) }
    })
    const headless = await issueDocx({ ...seed, title: '本期要目' })
    const r = await publishDocumentBytes(headless, 'x.docx')
    expect(r.result.ok).toBe(false)
    if (!r.result.ok) expect(r.result.problem.where).toMatch(/^第 \d+ 段$/)
  })
})

describe('a PDF printed by Chromium', () => {
  let bytes: Uint8Array
  beforeAll(async () => {
    bytes = await printPdf(issueHtml(seed), seed.title)
  }, 60_000)

  it('imports to the same issue as the clean text: paragraphs joined across lines and page ends', async () => {
    const { result } = await publishDocumentBytes(bytes, 'seed.pdf')
    if (!result.ok) throw new Error(JSON.stringify(result.problem))
    expect(shape(result.published.issue)).toEqual(shape(seed))
    expect(paragraphCount(result.published.issue)).toBe(paragraphCount(seed))
    expect(result.published.issue.warnings.map((w) => w.message)).toEqual([STRAY_AND])
  })

  it('drops the running header and page numbers, maps Kangxi radicals to characters, and names each line’s page', async () => {
    const r = await pdfText(bytes)
    if (!r.ok) throw new Error(r.message)
    expect(r.text).not.toMatch(/[\u2e80-\u2fdf]/u)
    expect(r.text).not.toMatch(/— \d+ —/u)
    expect(r.text.split('\n').filter((l) => l === seed.title)).toHaveLength(1)
    const pages = new Set(r.origin)
    expect(pages.size).toBeGreaterThan(3)
    expect(r.origin[0]).toBe('第 1 页')
    expect(r.origin[r.origin.length - 1]).toBe(`第 ${pages.size} 页`)
  })

  it('a PDF without a masthead is refused with its page', async () => {
    const html = issueHtml(seed).replace(/<p style="text-align:center;font-size:26pt[^<]*<\/p>/, '')
    const { result } = await publishDocumentBytes(await printPdf(html, ''), 'x.pdf')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problem).toMatchObject({ line: expect.any(Number), where: '第 1 页' })
  }, 60_000)

  it('a file that is no PDF is refused without a crash', async () => {
    const { result } = await publishDocumentBytes(new TextEncoder().encode('not a pdf'), 'x.pdf')
    expect(result).toMatchObject({ ok: false, problem: { message: expect.stringMatching(/^无法读取 PDF 文件/) } })
  })
})

describe('npm run -s import with Word and PDF files (scripts/import.ts as a process)', () => {
  const ROOT = fileURLToPath(new URL('../../', import.meta.url))
  const tmp = mkdtempSync(join(tmpdir(), 'import-doc-'))
  const importFile = (...args: string[]) =>
    spawnSync('npx', ['tsx', 'scripts/import.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })

  it('imports a .docx as JSON; --explain prints each line with its class and paragraph', async () => {
    const file = join(tmp, 'word.docx')
    writeFileSync(file, await issueDocx(seed))
    const r = importFile(file)
    expect(r.status).toBe(0)
    expect(shape(JSON.parse(r.stdout))).toEqual(shape(seed))
    expect(r.stderr).toMatch(
      /^.*word\.docx:\d+: warning: 中文段落中夹有外文单词“and”，请核对是否录入有误（第 \d+ 段）$/m
    )
    const explained = importFile('--explain', file)
    expect(explained.status).toBe(0)
    const lines = explained.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^\s+1 {2}masthead +重庆党史工作 {2}〔第 1 段〕$/)
    const kinds = new Set(lines.map((l) => l.trim().split(/\s+/)[1]))
    expect([...kinds].sort()).toEqual(['attribution', 'footer', 'masthead', 'paragraph', 'section', 'title', 'toc'])
    rmSync(tmp, { recursive: true, force: true })
  }, 120_000)

  it('refuses another extension, naming the kinds it reads', () => {
    const r = importFile('issue.doc')
    expect([r.status, r.stdout, r.stderr]).toEqual([1, '', 'issue.doc: 只能导入 .txt、.docx（Word）或 .pdf 文件\n'])
  }, 60_000)
})
