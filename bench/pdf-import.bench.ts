/**
 * PDF import: the shipped issue printed by Chromium to a 10-page PDF (the body size raised until it fills ten pages),
 * then imported as `npm run import` does (pdf.js text runs → lines → paragraphs → importer → published record).
 * Baseline: pdf.js's own text extraction of the same file (unpdf's extractText, every page merged), in the same run,
 * so the ratio says what the layout analysis and the import cost over merely getting the text out.
 * Run alone: npx tsx bench/pdf-import.bench.ts
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseIssue } from '../src/domain/issue/index'
import { publishDocumentBytes } from '../server/services/issue-files'
import { verdict, type BenchRow } from '../tools/lib/bench-row'
import { issueHtml, printPdf } from '../tools/lib/issue-print'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SEED = join(ROOT, 'content', 'issues', 'chongqing-dangshi-gongzuo-2020-02.txt')
const PAGES = 10
const REPEATS = 7

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

/** A PDF of the seed with at least PAGES pages, and its page count. */
async function tenPagePdf(): Promise<{ bytes: Uint8Array; pages: number }> {
  const { getDocumentProxy } = await import('unpdf')
  const issue = parseIssue(readFileSync(SEED, 'utf8'), { id: 'bench' })
  for (let pt = 12; pt <= 30; pt++) {
    const bytes = await printPdf(issueHtml(issue, pt), issue.title)
    const doc = await getDocumentProxy(new Uint8Array(bytes))
    const pages = doc.numPages
    await doc.destroy()
    if (pages >= PAGES) return { bytes, pages }
  }
  throw new Error(`the seed does not fill ${PAGES} pages`)
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await work()
  return performance.now() - start
}

/** The row for the bench runner: median of several runs after a warm-up. */
export async function run(): Promise<BenchRow[]> {
  const { extractText } = await import('unpdf')
  const { bytes, pages } = await tenPagePdf()
  const importPdf = async (): Promise<void> => {
    const { result } = await publishDocumentBytes(bytes, 'bench.pdf')
    if (!result.ok) throw new Error(`the bench PDF does not import: ${result.problem.message}`)
  }
  const extract = async (): Promise<void> => {
    await extractText(new Uint8Array(bytes), { mergePages: true })
  }
  await importPdf()
  await extract()
  const imports: number[] = []
  const extracts: number[] = []
  for (let r = 0; r < REPEATS; r++) {
    imports.push(await time(importPdf))
    extracts.push(await time(extract))
  }
  return [
    {
      measure: `import a ${pages}-page PDF (pdf.js runs → paragraphs → issue) vs pdf.js extractText`,
      value: Math.round(median(imports) * 10) / 10,
      baseline: Math.round(median(extracts) * 10) / 10,
      unit: 'ms',
      goal: { of: 'ratio', max: 3 }
    }
  ]
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then(
    (rows) => {
      for (const r of rows) {
        const ratio = r.baseline > 0 ? (r.value / r.baseline).toFixed(2) : '—'
        console.log(
          `${r.measure}: ${r.value} ${r.unit} (baseline ${r.baseline} ${r.unit}, ratio ${ratio}; ${verdict(r) || 'no goal'})`
        )
        if (verdict(r) === 'FAIL') process.exitCode = 1
      }
    },
    (e: unknown) => {
      console.error(e)
      process.exitCode = 1
    }
  )
}
