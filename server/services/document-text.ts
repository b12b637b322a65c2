// The readers for the files organizers really have: a Word file (.docx, through mammoth) and a PDF (through pdf.js,
// as unpdf packages it for Node), each turned into the text the importer reads, with where each text line came
// from (a Word paragraph, a PDF page) so that a refusal or a warning can name it. Plain .txt is read as before.
import { normalizeCjk, unspace } from '../../src/domain/publish/cjk'
import { pdfPagesToText, type PdfPage } from '../../src/domain/publish/pdf-layout'

/** The kinds of file `npm run import` and `npm run publish` read, by extension. */
export type DocumentKind = 'txt' | 'docx' | 'pdf'

/** The kind of an issue file from its name; null for any other extension. */
export function documentKind(file: string): DocumentKind | null {
  const m = /\.(txt|docx|pdf)$/i.exec(file)
  return m ? (m[1].toLowerCase() as DocumentKind) : null
}

/** Text read out of a document; `origin[i]` says where text line i + 1 came from (「第 3 页」「第 12 段」). */
export type DocumentText = { ok: true; text: string; origin: string[] } | { ok: false; message: string; where?: string }

interface DocxElement {
  type: string
  value?: string
  children?: DocxElement[]
  alignment?: string | null
  indent?: { firstLine?: string | null; start?: string | null }
  isBold?: boolean
}

// The part of mammoth used here; its type declarations leave out `transforms`.
interface MammothApi {
  convertToHtml(
    input: { buffer: Buffer },
    options: { transformDocument: (e: DocxElement) => DocxElement }
  ): Promise<unknown>
  transforms: { paragraph(fn: (p: DocxElement) => DocxElement): (e: DocxElement) => DocxElement }
}

/** The plain text of a paragraph's runs (tabs as a space, line breaks as a new line). */
function elementText(e: DocxElement): string {
  if (e.type === 'text') return e.value ?? ''
  if (e.type === 'tab') return ' '
  if (e.type === 'break') return '\n'
  return (e.children ?? []).map(elementText).join('')
}

/**
 * A Word file's paragraphs as Word holds them, one per line with a blank line between; headers, footers, footnotes
 * and pictures left out (mammoth reads only the body). A paragraph with a first-line indent is written with two
 * U+3000 in front, as Word's own "save as text" does, so the importer can tell a paragraph start from a page split.
 */
export async function docxText(bytes: Uint8Array): Promise<DocumentText> {
  const loaded = (await import('mammoth')) as unknown as MammothApi & { default?: MammothApi }
  const mammoth = loaded.default ?? loaded
  const paragraphs: Array<{ text: string; indented: boolean }> = []
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        transformDocument: mammoth.transforms.paragraph((p: DocxElement) => {
          const firstLine = Number(p.indent?.firstLine ?? 0)
          const text = elementText(p)
          for (const [k, part] of text.split('\n').entries()) {
            paragraphs.push({ text: part, indented: k === 0 && firstLine > 0 })
          }
          return p
        })
      }
    )
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e)
    return {
      ok: false,
      message: `无法读取 Word 文件（${detail}）；请确认是 .docx 格式（.doc 请先在 Word 中另存为 .docx）`
    }
  }
  const lines: string[] = []
  const origin: string[] = []
  paragraphs.forEach((p, i) => {
    const text = unspace(normalizeCjk(p.text).trim())
    if (text === '') return
    if (lines.length > 0) {
      lines.push('')
      origin.push(`第 ${i + 1} 段`)
    }
    lines.push((p.indented ? '\u3000\u3000' : '') + text)
    origin.push(`第 ${i + 1} 段`)
  })
  if (lines.length === 0) return { ok: false, message: 'Word 文件中没有文字', where: '第 1 段' }
  return { ok: true, text: lines.join('\n') + '\n', origin }
}

/** The runs pdf.js reads off each page of a PDF, for pdfPagesToText (and for the benchmark's baseline). */
export async function pdfRuns(bytes: Uint8Array): Promise<PdfPage[]> {
  const { getDocumentProxy } = await import('unpdf')
  // pdf.js takes ownership of the buffer it is given: pass a copy so the caller's bytes stay usable.
  // verbosity 0: only errors; a damaged file is reported to the organizer, not as warnings in the server log.
  const doc = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 })
  try {
    const pages: PdfPage[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      let content: Awaited<ReturnType<Awaited<ReturnType<typeof doc.getPage>>['getTextContent']>>
      let page: Awaited<ReturnType<typeof doc.getPage>>
      try {
        page = await doc.getPage(n)
        content = await page.getTextContent()
      } catch (e) {
        // A damaged page is named, so the organizer knows where the file is broken.
        throw Object.assign(e instanceof Error ? e : new Error(String(e)), { page: n })
      }
      const runs = []
      for (const item of content.items) {
        if (!('str' in item)) continue
        const [a, b, , d, x, y] = item.transform as number[]
        runs.push({ str: item.str, x, y, width: item.width, size: item.height || Math.hypot(a, b) || d })
      }
      pages.push({ runs })
      page.cleanup()
    }
    return pages
  } finally {
    await doc.destroy()
  }
}

/** A PDF's text, paragraphs joined by its geometry (src/domain/publish/pdf-layout.ts). */
export async function pdfText(bytes: Uint8Array): Promise<DocumentText> {
  let pages: PdfPage[]
  try {
    pages = await pdfRuns(bytes)
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e)
    const page = (e as { page?: unknown }).page
    return {
      ok: false,
      message: `无法读取 PDF 文件（${detail}）`,
      ...(typeof page === 'number' ? { where: `第 ${page} 页` } : {})
    }
  }
  const { text, pages: lines } = pdfPagesToText(pages)
  if (text.trim() === '') {
    return {
      ok: false,
      message: 'PDF 中没有可提取的文字（可能是扫描件或图片）；请使用排版软件导出的 PDF 或 Word 文件',
      where: '第 1 页'
    }
  }
  return { ok: true, text, origin: lines.map((p) => `第 ${p} 页`) }
}
