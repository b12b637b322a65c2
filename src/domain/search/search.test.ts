import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseIssue } from '../issue'
import { serializeIssue } from '../issue/summary'
import type { Issue } from '../issue/types'
import { generateIssues } from '../testing/issues'
import {
  buildSegment,
  normalizeText,
  parseSearchQuery,
  parseSegment,
  prepareIssue,
  searchPrepared,
  SEARCH_INDEX_VERSION,
  SEARCH_QUERY_MAX,
  serializeSegment,
  type PreparedIssue
} from './index'

const ID = 'chongqing-dangshi-gongzuo-2020-02'
const shippedText = readFileSync(fileURLToPath(new URL(`../../../content/issues/${ID}.txt`, import.meta.url)), 'utf8')
const shipped = parseIssue(shippedText, { id: ID })

function library(issues: Issue[]) {
  const segments = issues.map((i) => parseSegment(serializeSegment(buildSegment(i, `h-${i.id}`)))!)
  const prepared = new Map<string, PreparedIssue>(issues.map((i) => [i.id, prepareIssue(i)]))
  return (query: string, limit = Infinity) => {
    const q = parseSearchQuery(query)
    if ('problem' in q) throw new Error(q.problem)
    return searchPrepared(segments, prepared, q.terms, limit)
  }
}

const articlesOf = (issue: Issue) => issue.sections.flatMap((s) => s.articles)

describe('search on the shipped issue', () => {
  const search = library([shipped])

  it('finds every title, as a title hit', () => {
    for (const a of articlesOf(shipped).filter((x) => x.title !== null)) {
      const { hits } = search(a.title!)
      const hit = hits.find((h) => h.articleId === a.id)
      expect(hit, a.title!).toBeDefined()
      expect(hit!.inTitle).toBe(true)
      expect(hits[0].inTitle).toBe(true)
    }
  })

  it('finds every 4-character run of every paragraph, at that paragraph (or an earlier one holding it)', () => {
    let runs = 0
    for (const a of articlesOf(shipped)) {
      a.paragraphs.forEach((p, i) => {
        const text = normalizeText(p)
        for (let at = 0; at + 4 <= text.length; at++) {
          const run = text.slice(at, at + 4)
          const hit = search(run).hits.find((h) => h.articleId === a.id)
          expect(hit, run).toBeDefined()
          if (!(hit!.paragraph !== null && hit!.paragraph <= i)) expect(normalizeText(a.title ?? '')).toContain(run)
          runs++
        }
      })
    }
    expect(runs).toBeGreaterThan(8000)
  })

  it('finds a phrase across each page-split join, at the joined paragraph', () => {
    const joins = [
      '进一步增强奉献精神，坚持扎根基层',
      '共享党史资源和研究成果；组织力量',
      '提高干部队伍专业素养和专业能力。'
    ]
    for (const phrase of joins) {
      const { hits } = search(phrase)
      expect(hits.length, phrase).toBeGreaterThan(0)
      const article = articlesOf(shipped).find((a) => a.id === hits[0].articleId)!
      expect(article.paragraphs[hits[0].paragraph!]).toContain(phrase)
    }
  })

  it('ignores punctuation, spaces and full/half-width differences', () => {
    const base = search('千秋红岩').hits.map((h) => h.articleId)
    expect(base.length).toBeGreaterThan(0)
    for (const q of ['“千秋红岩”', '千秋 红岩', '千秋,红岩!', '「千秋红岩」', '千、秋。红；岩'])
      expect(search(q).hits.map((h) => h.articleId)).toEqual(base)
    // The text has 「2019 年度」 (half-width digits, a space): full-width digits and no space find it too.
    const year = search('2019 年度述职').hits.map((h) => h.articleId)
    expect(year.length).toBeGreaterThan(0)
    expect(search('２０１９年度述职').hits.map((h) => h.articleId)).toEqual(year)
    expect(normalizeText('ＡＢＣ１２３　ａｂｃ')).toBe('abc123abc')
  })

  it('highlights the matched characters in the snippet and title, however the query was punctuated', () => {
    const { hits } = search('“千秋 红岩”')
    for (const h of hits) {
      for (const [s, e] of h.highlights) expect(normalizeText(h.snippet.slice(s, e))).toBe('千秋红岩')
      expect(h.highlights.length + h.titleHighlights.length).toBeGreaterThan(0)
    }
    const title = search('双城经济圈').hits.find((h) => h.inTitle)!
    expect(title.titleHighlights.map(([s, e]) => title.articleTitle!.slice(s, e))).toContain('双城经济圈')
  })

  it('requires every word of a query, and finds nothing for text that is not there', () => {
    expect(search('红岩 疫情').hits.length).toBeLessThan(search('红岩').hits.length)
    expect(search('量子计算机').hits).toEqual([])
  })
})

describe('search on generated issues', () => {
  const issues = generateIssues(12, 7, shippedText)
  const search = library(issues)

  it('finds every title and every 4-character run of the bodies', () => {
    for (const issue of issues) {
      for (const a of articlesOf(issue)) {
        if (a.title)
          expect(search(a.title).hits.some((h) => h.articleId === a.id && h.issueId === issue.id && h.inTitle)).toBe(
            true
          )
        for (const p of a.paragraphs) {
          const text = normalizeText(p)
          for (let at = 0; at + 4 <= text.length; at += 7) {
            const run = text.slice(at, at + 4)
            expect(
              search(run).hits.some((h) => h.articleId === a.id && h.issueId === issue.id),
              run
            ).toBe(true)
          }
        }
      }
    }
  })

  it('ranks title hits above body hits, and newer issues first among equals', () => {
    const [older, newer] = generateIssues(2, 99, shippedText)
    const phrase = '红岩村的故事'
    older.sections[0].articles[0].title = `${phrase}（上）`
    newer.sections[0].articles[1].paragraphs[1] = `今天讲${phrase}。`
    older.sections[1].articles[0].paragraphs[0] = `又讲${phrase}。`
    const { hits } = library([older, newer])(phrase)
    expect(hits.map((h) => [h.issueId, h.articleId, h.inTitle])).toEqual([
      [older.id, older.sections[0].articles[0].id, true],
      [newer.id, newer.sections[0].articles[1].id, false],
      [older.id, older.sections[1].articles[0].id, false]
    ])
    expect(hits[1].paragraph).toBe(1)
  })
})

describe('the index format', () => {
  it('round-trips, and a segment of another version or a damaged one reads as missing (rebuild)', () => {
    const seg = buildSegment(shipped, 'abc')
    const text = serializeSegment(seg)
    expect(parseSegment(text)).toEqual(seg)
    const older = JSON.parse(text) as { version: number }
    older.version = SEARCH_INDEX_VERSION - 1
    expect(parseSegment(JSON.stringify(older))).toBeNull()
    expect(parseSegment(text.slice(0, -20))).toBeNull()
    expect(parseSegment(null)).toBeNull()
  })

  it('is at most half the size of the issue it indexes', () => {
    for (const issue of [shipped, ...generateIssues(5, 3, shippedText)]) {
      const ratio = serializeSegment(buildSegment(issue, 'h')).length / Buffer.byteLength(serializeIssue(issue))
      expect(ratio).toBeLessThan(0.5)
    }
  })
})

describe('queries', () => {
  it('refuses an empty query (punctuation only counts as empty) and one too long', () => {
    expect(parseSearchQuery('')).toEqual({ problem: 'empty' })
    expect(parseSearchQuery(' ，。！ ')).toEqual({ problem: 'empty' })
    expect(parseSearchQuery('党'.repeat(SEARCH_QUERY_MAX + 1))).toEqual({ problem: 'too_long' })
    expect(parseSearchQuery('红岩 红岩村  精神')).toEqual({ terms: ['红岩村', '精神'] })
  })
})
