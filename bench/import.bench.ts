/**
 * Importer throughput: 200 issues' worth of text (the seed 200 times, each with its own id), read from disk and
 * parsed. Baseline: reading the same files and splitting them into lines, in the same run, so the ratio says what
 * parsing costs over merely touching the text. Goal: the import stays under 1 s.
 * Run alone: npx tsx bench/import.bench.ts
 */
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseIssue } from '../src/domain/issue/index'
import { readIssueText } from '../server/services/issue-files'
import { verdict, type BenchRow } from '../tools/lib/bench-row'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SEED = join(ROOT, 'content', 'issues', 'chongqing-dangshi-gongzuo-2020-02.txt')
const ISSUES = 200
const REPEATS = 7
const LIMIT_MS = 1000

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

/** Milliseconds for one pass over 200 issues doing `work` on each file's text; returns a checksum to keep work alive. */
function pass(work: (text: string, i: number) => number): { ms: number; sink: number } {
  let sink = 0
  const start = performance.now()
  for (let i = 0; i < ISSUES; i++) sink += work(readIssueText(SEED), i)
  return { ms: performance.now() - start, sink }
}

const importOne = (text: string, i: number): number => {
  const issue = parseIssue(text, { id: `bench-${String(i).padStart(3, '0')}` })
  return issue.sections.length
}
const splitOne = (text: string): number => text.split(/\r\n|\r|\n/).length

/** The rows for the bench runner: median of several passes after a warm-up pass. */
export async function run(): Promise<BenchRow[]> {
  pass(importOne)
  pass(splitOne)
  const imports: number[] = []
  const splits: number[] = []
  for (let r = 0; r < REPEATS; r++) {
    imports.push(pass(importOne).ms)
    splits.push(pass(splitOne).ms)
  }
  const value = median(imports)
  return [
    {
      measure: `import ${ISSUES} issues (read + parse) vs read + split lines`,
      value: Math.round(value * 10) / 10,
      baseline: Math.round(median(splits) * 10) / 10,
      unit: 'ms',
      goal: { of: 'value', max: LIMIT_MS, strict: true }
    }
  ]
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then(
    (rows) => {
      for (const r of rows) {
        const ratio = r.baseline > 0 ? (r.value / r.baseline).toFixed(1) : '—'
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
