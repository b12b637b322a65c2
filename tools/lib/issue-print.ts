/**
 * An issue typeset the way an office prints it, for the tests and the benchmark of the Word and PDF readers: an
 * HTML page (masthead centred, contents, 【sections】, titles centred, paragraphs indented two characters,
 * attributions right-aligned, the footer between rules) printed to PDF by Chromium with a running header and page
 * numbers in the footer, and the same issue as a .docx built with the `docx` package.
 */
import type { Issue } from '../../src/domain/issue/types'
import { launchBrowser } from './browser'

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
// A space typed beside a number (「2019 年」) that falls where a line wraps is not in the printed page at all, so no
// reader can bring it back; typeset it unbreakable, as a careful typesetter does, so the test compares like with like.
const keepSpaces = (s: string): string => s.replace(/ /g, '\u00a0')

/** The issue as the lines of its printed text, each tagged with how it is set. */
export function issueBlocks(
  issue: Issue
): Array<{ kind: 'title' | 'centre' | 'left' | 'para' | 'right'; text: string }> {
  const out: Array<{ kind: 'title' | 'centre' | 'left' | 'para' | 'right'; text: string }> = []
  out.push({ kind: 'title', text: issue.title })
  out.push({ kind: 'centre', text: `第${issue.number}期（总第${issue.totalNumber}期）` })
  const [y, m, d] = issue.publishedOn.split('-').map(Number)
  out.push({ kind: 'centre', text: `${issue.editor ?? ''}编　　　　${y}年${m}月${d}日` })
  for (const s of issue.sections) {
    out.push({ kind: 'left', text: `【${s.title}】` })
    for (const a of s.articles) if (a.title !== null) out.push({ kind: 'left', text: `- ${a.title}` })
  }
  for (const s of issue.sections) {
    out.push({ kind: 'centre', text: `【${s.title}】` })
    for (const a of s.articles) {
      if (a.title !== null) out.push({ kind: 'centre', text: a.title })
      for (const p of a.paragraphs) out.push({ kind: 'para', text: p })
      const who = [a.source, a.author].filter((x) => x !== null && x !== undefined).join(' ')
      out.push({ kind: 'right', text: `（${who}供稿）` })
    }
  }
  const f = issue.footer
  if (f.reportTo) out.push({ kind: 'left', text: `报：${f.reportTo.join('，')}` })
  if (f.sendTo) out.push({ kind: 'left', text: `送：${f.sendTo.join('，')}` })
  if (f.distributeTo) out.push({ kind: 'left', text: `发：${f.distributeTo.join('，')}` })
  const contact = [
    f.editorInCharge ? `责编：${f.editorInCharge}` : '',
    f.phone ? `电话：${f.phone}` : '',
    f.email ? `邮箱：${f.email}` : ''
  ].filter(Boolean)
  if (contact.length > 0) out.push({ kind: 'left', text: contact.join(' ') })
  return out
}

/** The issue as one HTML page, A4, Noto Serif CJK, a 12 pt body unless `fontPt` says otherwise. */
export function issueHtml(issue: Issue, fontPt = 12): string {
  const style: Record<string, string> = {
    title: 'text-align:center;font-size:26pt;letter-spacing:0.4em;margin:0 0 12pt',
    centre: 'text-align:center;margin:6pt 0',
    left: 'margin:3pt 0',
    para: 'text-indent:2em;margin:0',
    right: 'text-align:right;margin:3pt 0 9pt'
  }
  const body = issueBlocks(issue)
    .map((b) => `<p style="${style[b.kind]}">${esc(keepSpaces(b.text))}</p>`)
    .join('\n')
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body { font-family: 'Noto Serif CJK SC', serif; font-size: ${fontPt}pt; line-height: 1.6; margin: 0; }
</style></head><body>${body}</body></html>`
}

/** Prints HTML to an A4 PDF with Chromium: a running header with the issue's title and 「— N —」 page numbers. */
export async function printPdf(html: string, header: string): Promise<Uint8Array> {
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage()
    await page.setContent(html)
    const pdf = await page.pdf({
      format: 'A4',
      margin: { top: '25mm', bottom: '25mm', left: '26mm', right: '26mm' },
      displayHeaderFooter: true,
      headerTemplate: `<div style="font-size:9pt;width:100%;text-align:center;font-family:'Noto Serif CJK SC'">${esc(header)}</div>`,
      footerTemplate:
        '<div style="font-size:10pt;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>'
    })
    return new Uint8Array(pdf)
  } finally {
    await browser.close()
  }
}

/** The issue as a Word file: centred bold masthead, two-character first-line indents, right-aligned attributions. */
export async function issueDocx(issue: Issue): Promise<Uint8Array> {
  const { AlignmentType, Document, Footer, Header, Packer, Paragraph, TextRun } = await import('docx')
  const paragraphs = issueBlocks(issue).map((b) => {
    const run = new TextRun({ text: b.text, bold: b.kind === 'title', size: b.kind === 'title' ? 52 : 24 })
    if (b.kind === 'para') return new Paragraph({ children: [run], indent: { firstLine: 480 } })
    const alignment =
      b.kind === 'right' ? AlignmentType.RIGHT : b.kind === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER
    return new Paragraph({ children: [run], alignment })
  })
  const doc = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun(issue.title)] })] }) },
        footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun('— 1 —')] })] }) },
        children: paragraphs
      }
    ]
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}
