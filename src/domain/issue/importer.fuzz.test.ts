// Fuzz: 12,000 mutations of the seed (lines deleted, duplicated, shuffled; random bytes; truncation; structural
// tokens dropped in). The importer must never crash: it returns a well-formed Issue or throws IssueParseError with
// an integer line ≥ 1 inside the input — never an internal error. A well-formed Issue has real calendar dates,
// plausible numbers, and paragraphs made only of the input's own lines (see paragraphFromInput). A seeded PRNG
// keeps every run identical.
import { mulberry32 } from '../random'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  numberedContents,
  SEED_PATH,
  withCrlfAndBom,
  withIdeographicIndent,
  withoutContents
} from './fixtures/variants'
import { anotherOffice, attributionsUnderTitles, sectionsOf } from './fixtures/families'
import { IssueParseError, parseIssue, parseIssueDetailed, type Issue } from './index'
import { normalizeText } from './normalize'

const seed = readFileSync(fileURLToPath(new URL(`../../../${SEED_PATH}`, import.meta.url)), 'utf8')
const RUNS = 12_000

/** The shared seeded PRNG with the helpers this test uses. */
function prng(seedValue: number): { next: () => number; int: (n: number) => number; pick: <T>(xs: readonly T[]) => T } {
  const next = mulberry32(seedValue)
  const int = (n: number): number => Math.floor(next() * n)
  return { next, int, pick: (xs) => xs[int(xs.length)] }
}

const TOKENS = [
  '【',
  '】',
  '【工作动态】',
  '（',
  '）',
  '(',
  ')',
  '供稿',
  '（市委党史研究室供稿）',
  '第',
  '期',
  '第 3 期',
  '(总第 9 期)',
  '年',
  '月',
  '日',
  '2020 年 13 月 9 日',
  '二〇二〇年六月九日',
  '报：',
  '送：',
  '发：',
  '抄送：',
  '（共印 N 份）',
  '责编：',
  '电话：',
  '本期要目',
  '- ',
  '1、',
  '\u3000\u3000',
  '\r',
  '\n',
  '\r\n',
  '— 3 —',
  '增刊',
  '印发',
  '2020年6月9日印发',
  '签发人：',
  '内部资料',
  '“',
  '”',
  '。',
  'and',
  '\ufeff',
  '\u200b',
  '\ud800',
  '𠀀',
  '\t',
  '编',
  '：',
  '…'
]

type Rng = ReturnType<typeof prng>

function mutate(text: string, rng: Rng): string {
  let lines = text.split('\n')
  const steps = 1 + rng.int(4)
  for (let s = 0; s < steps; s++) {
    switch (rng.int(9)) {
      case 0: {
        // delete a run of lines
        const at = rng.int(lines.length)
        lines.splice(at, 1 + rng.int(rng.next() < 0.8 ? 3 : 60))
        break
      }
      case 1: {
        // duplicate a run of lines somewhere else
        const at = rng.int(lines.length)
        const run = lines.slice(at, at + 1 + rng.int(8))
        lines.splice(rng.int(lines.length + 1), 0, ...run)
        break
      }
      case 2: {
        // shuffle a window of lines
        const at = rng.int(lines.length)
        const end = Math.min(lines.length, at + 2 + rng.int(30))
        for (let i = end - 1; i > at; i--) {
          const j = at + rng.int(i - at + 1)
          ;[lines[i], lines[j]] = [lines[j], lines[i]]
        }
        break
      }
      case 3: {
        // random bytes, decoded as the CLI would
        const bytes = new Uint8Array(1 + rng.int(24)).map(() => rng.int(256))
        const joined = lines.join('\n')
        const at = rng.int(joined.length + 1)
        lines = (joined.slice(0, at) + new TextDecoder().decode(bytes) + joined.slice(at)).split('\n')
        break
      }
      case 4: {
        // truncate
        lines = lines
          .join('\n')
          .slice(0, rng.int(text.length + 1))
          .split('\n')
        break
      }
      case 5:
      case 6: {
        // a structural token into a line
        const i = rng.int(lines.length)
        const line = lines[i] ?? ''
        const at = rng.int(line.length + 1)
        lines[i] = line.slice(0, at) + rng.pick(TOKENS) + line.slice(at + (rng.next() < 0.5 ? 0 : rng.int(4)))
        break
      }
      case 7: {
        // a line replaced by a token line
        lines[rng.int(lines.length)] = rng.pick(TOKENS) + (rng.next() < 0.5 ? rng.pick(TOKENS) : '')
        break
      }
      default: {
        // characters deleted inside a line (brackets, punctuation, the 编 of the editor line…)
        const i = rng.int(lines.length)
        const line = lines[i] ?? ''
        const at = rng.int(line.length + 1)
        lines[i] = line.slice(0, at) + line.slice(at + 1 + rng.int(3))
      }
    }
  }
  return lines.join('\n')
}

/** A YYYY-MM-DD that is a real calendar date: it survives a round trip through Date (2020-13-09 and 2020-02-30 do not). */
function realDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false
  const date = new Date(`${iso}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso
}

const plausible = (n: number | null, max: number): boolean => n === null || (Number.isInteger(n) && n >= 0 && n <= max)
const LATIN = /[A-Za-z0-9]/

/**
 * The input's lines after the importer's own normalization (trimmed, invisible characters and page numbers
 * dropped), indexed by text so each paragraph finds the lines it may start at.
 */
function inputLines(input: string): { texts: string[]; startsAt: Map<string, number[]> } {
  const texts = normalizeText(input).lines.map((l) => l.text)
  const startsAt = new Map<string, number[]>()
  texts.forEach((t, i) => {
    const key = t.slice(0, 1)
    const list = startsAt.get(key)
    if (list) list.push(i)
    else startsAt.set(key, [i])
  })
  return { texts, startsAt }
}

/**
 * Whether a paragraph is consecutive input lines put back together the way a page-split paragraph is: directly
 * between Chinese halves, with exactly one space between two Latin ones. Nothing is invented, dropped or reordered.
 */
function paragraphFromInput(p: string, { texts, startsAt }: ReturnType<typeof inputLines>): boolean {
  for (const start of startsAt.get(p.slice(0, 1)) ?? []) {
    let at = 0
    let k = start
    for (;;) {
      const t = texts[k]
      if (t === undefined || !p.startsWith(t, at)) break
      at += t.length
      if (at === p.length) return true
      const next = texts[k + 1]
      if (next === undefined) break
      if (LATIN.test(t[t.length - 1]) && LATIN.test(next[0])) {
        if (p[at] !== ' ') break
        at++
      }
      k++
    }
  }
  return false
}

/** Why the issue is malformed, or null. Plain checks: expect() per paragraph would dominate the run time. */
function problem(issue: Issue, input: string, lineCount: number): string | null {
  if (typeof issue.title !== 'string' || issue.title.length === 0) return 'empty title'
  if (!Number.isInteger(issue.number) || issue.number < 0 || issue.number > 9999) return `number ${issue.number}`
  if (!plausible(issue.totalNumber, 99_999)) return `totalNumber ${issue.totalNumber}`
  if (!plausible(issue.footer.copies, 10_000_000)) return `copies ${issue.footer.copies}`
  if (!realDate(issue.publishedOn)) return `publishedOn ${issue.publishedOn}`
  if (issue.footer.printedOn !== undefined && !realDate(issue.footer.printedOn))
    return `printedOn ${issue.footer.printedOn}`
  if (issue.sections.length === 0) return 'no sections'
  const lines = inputLines(input)
  const ids = new Set<string>()
  let count = 0
  for (const s of issue.sections) {
    if (s.articles.length === 0) return `empty section ${s.title}`
    for (const a of s.articles) {
      if (!/^[0-9a-f]{8}(-\d+)?$/.test(a.id)) return `id ${a.id}`
      ids.add(a.id)
      count++
      if (a.paragraphs.some((p) => typeof p !== 'string' || p.length === 0)) return 'empty paragraph'
      const foreign = a.paragraphs.find((p) => !paragraphFromInput(p, lines))
      if (foreign !== undefined) return `paragraph not made of input lines: ${JSON.stringify(foreign.slice(0, 80))}`
    }
  }
  if (ids.size !== count) return 'duplicate ids'
  const bad = issue.warnings.find((w) => !Number.isInteger(w.line) || w.line < 1 || w.line > lineCount)
  return bad ? `warning line ${bad.line}` : null
}

describe('the checks of a parsed issue', () => {
  it('refuse impossible dates, implausible numbers and paragraphs not made of input lines', () => {
    for (const iso of ['2020-13-09', '2020-02-30', '2019-02-29', '2020-00-10', '2020-6-9'])
      expect(realDate(iso), iso).toBe(false)
    for (const iso of ['2020-06-09', '2020-02-29', '2000-02-29']) expect(realDate(iso), iso).toBe(true)
    const lines = inputLines('\ufeff　　他说：“一定给予大\n\n— 3 —\n力支持！”\nusing Internet\nPlus 行动\n增\n强')
    for (const p of ['他说：“一定给予大力支持！”', 'using Internet Plus 行动', '增强', '力支持！”'])
      expect(paragraphFromInput(p, lines), p).toBe(true)
    for (const p of ['他说：“一定给予大 力支持！”', 'using InternetPlus 行动', '增 强', '强增', '他说', '力支持！”\n'])
      expect(paragraphFromInput(p, lines), p).toBe(false)
    expect(problem(parseIssue(seed, { id: 't' }), seed, seed.split('\n').length)).toBeNull()
  })
})

it(`survives ${RUNS.toLocaleString('en')} mutated inputs`, () => {
  const rng = prng(0x5eed2020)
  const bases = [
    seed,
    withoutContents(seed),
    numberedContents(seed),
    withCrlfAndBom(seed),
    withIdeographicIndent(seed, true),
    // The layout families of issue 15: decorated and numbered section heads, unbracketed attributions under the
    // titles, and another office's export with all of them at once.
    anotherOffice(seed),
    sectionsOf(seed, (n, i) => `${'一二三'[i]}、${n}`),
    attributionsUnderTitles(
      seed,
      parseIssueDetailed(seed, { id: 't' })
        .explained.filter((l) => l.kind === 'title')
        .map((l) => l.line),
      (u) => `来源：${u}`
    )
  ]
  const started = performance.now()
  let parsed = 0
  let rejected = 0
  const reasons = new Set<string>()
  const dates = new Set<string>()
  for (let run = 0; run < RUNS; run++) {
    const input = mutate(rng.pick(bases), rng)
    const lineCount = input.split(/\r\n|\r|\n/).length
    let issue: Issue
    try {
      issue = parseIssue(input, { id: `fuzz-${run}` })
    } catch (e) {
      if (!(e instanceof IssueParseError)) throw new Error(`run ${run}: threw ${String(e)}`)
      if (!Number.isInteger(e.line) || e.line < 1 || e.line > lineCount)
        throw new Error(`run ${run}: bad line ${e.line}`)
      if (e.message.startsWith('导入程序内部错误')) throw new Error(`run ${run}: ${e.message}`)
      rejected++
      // The reason without the quoted text: how many different refusals the mutations reached.
      reasons.add(e.message.replace(/“[^”]*”|「[^」]*」|\d+/g, '…').slice(0, 24))
      continue
    }
    const wrong = problem(issue, input, lineCount)
    if (wrong !== null) throw new Error(`run ${run}: ${wrong}`)
    // Deterministic: the same text gives the same issue (checked on a sample, it doubles the cost).
    if (run % 50 === 0) expect(parseIssue(input, { id: `fuzz-${run}` })).toEqual(issue)
    dates.add(issue.publishedOn)
    parsed++
  }
  const seconds = (performance.now() - started) / 1000
  console.log(
    `fuzz: ${RUNS} inputs, ${parsed} parsed, ${rejected} rejected with IssueParseError (${reasons.size} kinds), ${dates.size} dates, ${seconds.toFixed(1)} s`
  )
  // The mutations must reach many different refusals, not one early exit over and over.
  expect(reasons.size, [...reasons].join(' | ')).toBeGreaterThanOrEqual(6)
  // Both outcomes must be exercised, or the mutations are too weak or too strong to mean anything.
  expect(parsed).toBeGreaterThan(RUNS / 10)
  expect(rejected).toBeGreaterThan(RUNS / 20)
}, 60_000)
