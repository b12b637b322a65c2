// 搜索 on the device (src/domain/search), over 200 generated issues made of the shipped issue's characters:
// (a) a query answered by the bigram signature index (candidates, then confirmed against the text, with snippets),
//     against a linear `includes` scan of the same normalized text held in memory — same queries, same run;
// (b) the index's size against the size of the text it covers (titles and paragraphs, UTF-8);
// (c) building the index of one issue (median), against parsing that issue's JSON.
// minisearch (its own index, our bigrams as its tokenizer) was measured here too, on 10 issues: 290 ms to build one
// issue, 5.2× the size of the text, a query no faster than ours; at 200 issues it ran out of a 4 GB heap. Dropped.
// Run alone with `npx tsx bench/search.bench.ts`.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { serializeIssue } from '../src/domain/issue/summary'
import { mulberry32 } from '../src/domain/random'
import {
  buildSegment,
  findCandidates,
  hitOf,
  confirmParagraph,
  normalizeText,
  prepareIssue,
  serializeSegment,
  SEARCH_PAGE,
  type IssueSegment,
  type PreparedIssue
} from '../src/domain/search'
import { generateIssues } from '../src/domain/testing/issues'
import { runIfMain, type BenchRow } from '../tools/lib/bench-row'

const ISSUES = Number(process.env.SEARCH_BENCH_ISSUES ?? 200)
const QUERIES = 60

const SAMPLE = fileURLToPath(new URL('../content/issues/chongqing-dangshi-gongzuo-2020-02.txt', import.meta.url))

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const bytes = (s: string) => Buffer.byteLength(s, 'utf8')

/** CPU time of this process in ms (the machine may be shared: wall time would also count others' work). */
const cpuMs = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

/**
 * The two sides run in alternation, round after round (at least 9 rounds and 2 s of CPU), so a change in the machine's
 * load hits both alike; the median round of each, in ms per query, and what each found.
 */
function compare(
  queries: string[][],
  a: (terms: string[]) => number,
  b: (terms: string[]) => number
): { a: number; b: number; foundA: number; foundB: number } {
  const timesA: number[] = []
  const timesB: number[] = []
  let foundA = 0
  let foundB = 0
  const start = cpuMs()
  for (let round = 0; round < 9 || cpuMs() - start < 2000; round++) {
    let t = cpuMs()
    foundA = queries.reduce((n, q) => n + a(q), 0)
    timesA.push((cpuMs() - t) / queries.length)
    t = cpuMs()
    foundB = queries.reduce((n, q) => n + b(q), 0)
    timesB.push((cpuMs() - t) / queries.length)
  }
  return { a: median(timesA), b: median(timesB), foundA, foundB }
}

export async function run(): Promise<BenchRow[]> {
  const issues = generateIssues(ISSUES, 2026, readFileSync(SAMPLE, 'utf8'))
  const prepared = new Map<string, PreparedIssue>(issues.map((i) => [i.id, prepareIssue(i)]))
  const buildMs: number[] = []
  const parseMs: number[] = []
  const segments: IssueSegment[] = []
  let indexBytes = 0
  let textBytes = 0
  let jsonBytes = 0
  for (const issue of issues) {
    const json = serializeIssue(issue)
    let t = performance.now()
    JSON.parse(json)
    parseMs.push(performance.now() - t)
    t = performance.now()
    const text = serializeSegment(buildSegment(issue, 'hash'))
    buildMs.push(performance.now() - t)
    segments.push(buildSegment(issue, 'hash'))
    indexBytes += bytes(text)
    jsonBytes += bytes(json)
    for (const s of issue.sections)
      for (const a of s.articles) textBytes += bytes(a.title ?? '') + a.paragraphs.reduce((n, p) => n + bytes(p), 0)
  }

  // Phrases: 4- and 6-character runs of random paragraphs (each found at least once) and a phrase found nowhere;
  // words: 2-character runs, many of them as common as 「党史」 in a real issue (the index helps those least).
  const random = mulberry32(7)
  const runOf = (len: number) => {
    const issue = issues[Math.floor(random() * issues.length)]
    const articles = issue.sections.flatMap((s) => s.articles)
    const a = articles[Math.floor(random() * articles.length)]
    const p = normalizeText(a.paragraphs[Math.floor(random() * a.paragraphs.length)])
    const at = Math.floor(random() * (p.length - len))
    return [p.slice(at, at + len)]
  }
  const phrases = Array.from({ length: QUERIES }, (_, i) =>
    i % 10 === 9 ? ['量子计算机'] : runOf(i % 3 === 0 ? 6 : 4)
  )
  const words = Array.from({ length: QUERIES / 3 }, () => runOf(2))

  // The index: candidates, each confirmed against its text, the first page of hits with snippets (what the app
  // shows), and every match counted, so that both sides find the same articles.
  const indexed = (terms: string[]) => {
    let n = 0
    for (const c of findCandidates(segments, terms)) {
      const p = prepared.get(c.segment.issueId)!
      const best = confirmParagraph(c, p, terms)
      if (best === null) continue
      if (n < SEARCH_PAGE) hitOf(c, p, terms, best)
      n++
    }
    return n
  }
  const linear = (terms: string[]) => {
    let n = 0
    for (const p of prepared.values())
      for (const a of p.articles)
        if (terms.every((t) => a.title.includes(t) || a.paragraphs.some((x) => x.includes(t)))) n++
    return n
  }
  const phrase = compare(phrases, indexed, linear)
  const word = compare(words, indexed, linear)
  if (phrase.foundA !== phrase.foundB || word.foundA !== word.foundB)
    throw new Error('the index and the scan found different articles')

  const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d
  return [
    {
      measure: `search a phrase over ${ISSUES} issues (mean of ${phrases.length})`,
      value: round(phrase.a),
      baseline: round(phrase.b),
      unit: 'ms',
      note: 'CPU ms; baseline: linear includes over the same normalized text in memory',
      goal: { of: 'ratio', max: 0.1 }
    },
    {
      measure: `search a 2-character word over ${ISSUES} issues (mean of ${words.length})`,
      value: round(word.a),
      baseline: round(word.b),
      unit: 'ms',
      note: `${Math.round(word.foundB / words.length)} articles found per word on average; same baseline`
    },
    {
      measure: `search index size, ${ISSUES} issues`,
      value: indexBytes,
      baseline: textBytes,
      unit: 'bytes',
      note: `baseline: the titles and paragraphs (UTF-8); the issues' JSON is ${jsonBytes} bytes`,
      goal: { of: 'ratio', max: 0.5 }
    },
    {
      measure: 'search index build, one issue (median)',
      value: round(median(buildMs)),
      baseline: round(median(parseMs)),
      unit: 'ms',
      note: "baseline: JSON.parse of the issue's JSON"
    }
  ]
}

runIfMain('search.bench.ts', run)
