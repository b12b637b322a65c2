import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { parseIssue, type Issue } from '../../src/domain/issue'

// The shipped question bank (issue #11): content/quiz/bank.csv, checked against the issue text it quotes.
const ROOT = join(__dirname, '..', '..')
const HEADER = [
  '题型',
  '题干',
  '选项A',
  '选项B',
  '选项C',
  '选项D',
  '选项E',
  '选项F',
  '选项G',
  '选项H',
  '答案',
  '解析',
  '分值',
  '难度',
  '出处',
  '主题'
]
const LETTERS = 'ABCDEFGH'
const TYPES = ['单选', '多选', '判断', '填空']

const raw = readFileSync(join(ROOT, 'content/quiz/bank.csv'), 'utf8')
const table: string[][] = parse(raw, { relax_column_count: true })
const header = table[0]
/** Each question with its spreadsheet row number (the header is row 1). */
const rows = table
  .slice(1)
  .map((cells, i) => ({ row: i + 2, cells, get: (name: string) => cells[HEADER.indexOf(name)] ?? '' }))

const issues = new Map<string, Issue>()
function issue(id: string): Issue | null {
  if (!issues.has(id)) {
    let text: string
    try {
      text = readFileSync(join(ROOT, 'content/issues', `${id}.txt`), 'utf8')
    } catch {
      return null
    }
    issues.set(id, parseIssue(text, { id }))
  }
  return issues.get(id) ?? null
}

const squash = (s: string): string => s.replace(/\s+/g, '')
const ARTICLE_SOURCE = /^([a-z0-9-]+)「(.+)」$/u
const FACT_SOURCE = /^《[^《》]+》，[^，]+，\d{4}年(\d{1,2}月)?$/u

function options(cells: (name: string) => string): string[] {
  return [...LETTERS].map((l) => cells(`选项${l}`))
}

/** Runs check on every question and fails once, listing every bad row. */
function everyRow(check: (r: (typeof rows)[number]) => string | null): void {
  const bad = rows
    .map((r) => {
      const m = check(r)
      return m === null ? null : `row ${r.row}: ${m}`
    })
    .filter((m) => m !== null)
  expect(bad).toEqual([])
}

describe('content/quiz/bank.csv', () => {
  it('is UTF-8 without BOM, has the exact header and exactly 100 questions of 16 fields', () => {
    expect(raw.charCodeAt(0)).not.toBe(0xfeff)
    expect(header).toEqual(HEADER)
    expect(rows).toHaveLength(100)
    everyRow((r) => (r.cells.length === HEADER.length ? null : `${r.cells.length} fields`))
  })

  it('uses only valid question types, scores 1 point each and has a difficulty, topic and explanation', () => {
    everyRow((r) => {
      if (!TYPES.includes(r.get('题型'))) return `题型 ${r.get('题型')}`
      if (r.get('分值') !== '1') return `分值 ${r.get('分值')}`
      if (!['易', '中', '难'].includes(r.get('难度'))) return `难度 ${r.get('难度')}`
      if (r.get('主题').trim() === '' || r.get('解析').trim() === '' || r.get('题干').trim() === '')
        return 'empty 题干, 解析 or 主题'
      return null
    })
  })

  it('has a mix of question types', () => {
    const count = (t: string): number => rows.filter((r) => r.get('题型') === t).length
    expect(count('单选')).toBeGreaterThanOrEqual(40)
    expect(count('多选')).toBeGreaterThanOrEqual(15)
    expect(count('判断')).toBeGreaterThanOrEqual(15)
    expect(count('填空')).toBeGreaterThanOrEqual(5)
  })

  it('has contiguous options: 2–8 for choices, 正确/错误 for 判断, none for 填空', () => {
    everyRow((r) => {
      const opts = options(r.get)
      const n = opts.findIndex((o) => o.trim() === '')
      const used = n === -1 ? 8 : n
      if (opts.slice(used).some((o) => o.trim() !== '')) return 'gap in the options'
      const type = r.get('题型')
      if (type === '判断')
        return opts[0] === '正确' && opts[1] === '错误' && used === 2 ? null : '判断 options must be 正确, 错误'
      if (type === '填空') return used === 0 ? null : '填空 has options'
      if (used < 2) return `${used} options`
      if (new Set(opts.slice(0, used)).size !== used) return 'duplicate options'
      return null
    })
  })

  it('has answers that match the question type and refer to non-empty options', () => {
    everyRow((r) => {
      const type = r.get('题型')
      const answer = r.get('答案')
      if (type === '判断') return answer === '正确' || answer === '错误' ? null : `判断 answer ${answer}`
      if (type === '填空') return answer.split('|').every((a) => a.trim() !== '') ? null : `填空 answer ${answer}`
      if (!/^[A-H]+$/.test(answer)) return `answer ${answer}`
      const letters = [...answer]
      if (letters.join('') !== [...new Set(letters)].sort().join(''))
        return `answer letters not unique and in order: ${answer}`
      if (type === '单选' && letters.length !== 1) return `单选 with ${letters.length} answers`
      if (type === '多选' && letters.length < 2) return '多选 with fewer than 2 answers'
      const opts = options(r.get)
      const empty = letters.filter((l) => opts[LETTERS.indexOf(l)].trim() === '')
      if (empty.length > 0) return `answer ${empty.join('')} points at an empty option`
      if (type === '多选' && letters.length === opts.filter((o) => o.trim() !== '').length)
        return '多选 marks every option right'
      return null
    })
  })

  it('has no duplicate stems', () => {
    const seen = new Map<string, number>()
    everyRow((r) => {
      const key = squash(r.get('题干'))
      const first = seen.get(key)
      if (first !== undefined) return `same stem as row ${first}`
      seen.set(key, r.row)
      return null
    })
  })

  it('quotes every article source verbatim from exactly one article of the issue', () => {
    everyRow((r) => {
      const m = ARTICLE_SOURCE.exec(r.get('出处'))
      if (!m) return null
      const [, id, quote] = m
      const parsed = issue(id)
      if (!parsed) return `no issue ${id} in content/issues`
      const q = squash(quote)
      if (q.length < 10 || q.length > 60) return `quote is ${q.length} characters, not 10–60`
      const hits = parsed.sections
        .flatMap((s) => s.articles)
        .filter((a) => a.paragraphs.some((p) => squash(p).includes(q)))
      if (hits.length !== 1) return `quote found in ${hits.length} articles: 「${quote}」`
      return null
    })
  })

  it('gives every other source as 《title》，publisher，date', () => {
    everyRow((r) => {
      const source = r.get('出处')
      if (ARTICLE_SOURCE.test(source)) return null
      return FACT_SOURCE.test(source)
        ? null
        : `source is neither an article quote nor 《title》，publisher，date: ${source}`
    })
  })

  it('draws at least 75 questions from the issue', () => {
    expect(rows.filter((r) => ARTICLE_SOURCE.test(r.get('出处'))).length).toBeGreaterThanOrEqual(75)
  })
})
