// Answering a query: the segments rule articles in (all bigrams of every word may be there), the issue's text
// confirms each candidate and gives the paragraph and the snippet, and the hits are ranked: every word in the
// title first, then newer issues first, then the order of the issue.
import type { SearchHit } from '../api/search'
import type { Article, Issue } from '../issue/types'
import { normalizeMapped, normalizeText } from './normalize'
import type { IssueSegment } from './segment'
import { bigramHashes, mayContain } from './signature'

/** An issue with its searched (normalized) text, computed once and kept while it is searched. */
export interface PreparedIssue {
  issue: Issue
  articles: Array<{ article: Article; section: string; title: string; paragraphs: string[] }>
}

export function prepareIssue(issue: Issue): PreparedIssue {
  const articles: PreparedIssue['articles'] = []
  for (const section of issue.sections)
    for (const article of section.articles)
      articles.push({
        article,
        section: section.title,
        title: article.title === null ? '' : normalizeText(article.title),
        paragraphs: article.paragraphs.map(normalizeText)
      })
  return { issue, articles }
}

/** An article the index cannot rule out. */
export interface Candidate {
  segment: IssueSegment
  /** Index of the article in the issue's order. */
  index: number
  inTitle: boolean
}

/** Newer issues first, then by id (a stable order for issues of one day). */
const byIssue = (a: IssueSegment, b: IssueSegment) =>
  b.publishedOn.localeCompare(a.publishedOn) || a.issueId.localeCompare(b.issueId)

/** The articles that may hold every term, best first (all terms in the title, newer issue, issue order). */
export function findCandidates(segments: readonly IssueSegment[], terms: readonly string[]): Candidate[] {
  const hashes = terms.map(bigramHashes)
  const out: Candidate[] = []
  for (const segment of [...segments].sort(byIssue)) {
    segment.articles.forEach((a, index) => {
      // A one-character word has no bigram: every article may hold it, the text decides.
      if (!hashes.every((h) => mayContain(a.bits, h))) return
      out.push({ segment, index, inTitle: terms.every((t) => a.title.includes(t)) })
    })
  }
  // Stable sort: within a tier the order above (newer issue, then issue order) is kept.
  return out.sort((a, b) => Number(b.inTitle) - Number(a.inTitle))
}

/** How many characters of context a snippet shows before the first match, and its length at most. */
const BEFORE = 16
const SNIPPET = 72

/** Ranges [start, end) of the original text where the terms occur. */
export function matchRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  const m = normalizeMapped(text)
  const ranges: Array<[number, number]> = []
  for (const t of terms) {
    for (let at = m.text.indexOf(t); at >= 0; at = m.text.indexOf(t, at + t.length))
      ranges.push([m.start[at], m.end[at + t.length - 1]])
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  // Merge overlapping ranges so the highlight is drawn once.
  const merged: Array<[number, number]> = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([r[0], r[1]])
  }
  return merged
}

/** A piece of a paragraph around its first match, with the matches in it. */
export function makeSnippet(
  text: string,
  terms: readonly string[]
): { snippet: string; highlights: Array<[number, number]> } {
  const ranges = matchRanges(text, terms)
  const first = ranges.length > 0 ? ranges[0][0] : 0
  let start = Math.max(0, first - BEFORE)
  const end = Math.min(text.length, start + SNIPPET)
  if (end - start < SNIPPET) start = Math.max(0, end - SNIPPET)
  const prefix = start > 0 ? '…' : ''
  const snippet = prefix + text.slice(start, end) + (end < text.length ? '…' : '')
  const shift = prefix.length - start
  const highlights = ranges
    .filter(([s, e]) => e > start && s < end)
    .map(([s, e]): [number, number] => [Math.max(s, start) + shift, Math.min(e, end) + shift])
  return { snippet, highlights }
}

/**
 * Whether the candidate's text holds every term (in its title or some paragraph): the paragraph holding the most
 * terms (-1 for none, a title-only match), or null when it does not match.
 */
export function confirmParagraph(c: Candidate, prepared: PreparedIssue, terms: readonly string[]): number | null {
  const entry = prepared.articles[c.index]
  if (!entry || entry.article.id !== c.segment.articles[c.index].id) return null
  // Each term in the title or in some paragraph; the snippet's paragraph is the one holding the most terms.
  let best = -1
  let bestCount = 0
  entry.paragraphs.forEach((p, i) => {
    let n = 0
    for (const t of terms) if (p.includes(t)) n++
    if (n > bestCount) {
      best = i
      bestCount = n
    }
  })
  const found = (t: string) => entry.title.includes(t) || entry.paragraphs.some((p) => p.includes(t))
  return terms.every(found) ? best : null
}

/** The hit for a confirmed candidate: its paragraph, snippet and highlights. */
export function hitOf(c: Candidate, prepared: PreparedIssue, terms: readonly string[], best: number): SearchHit {
  const entry = prepared.articles[c.index]
  const { article } = entry
  const s = c.segment
  const body = best >= 0 ? makeSnippet(article.paragraphs[best], terms) : makeSnippet(article.paragraphs[0] ?? '', [])
  return {
    issueId: s.issueId,
    issueTitle: s.title,
    number: s.number,
    totalNumber: s.totalNumber,
    supplement: s.supplement,
    publishedOn: s.publishedOn,
    articleId: article.id,
    articleTitle: article.title,
    section: entry.section,
    paragraph: best >= 0 ? best : null,
    snippet: body.snippet,
    highlights: best >= 0 ? body.highlights : [],
    titleHighlights: article.title === null ? [] : matchRanges(article.title, terms),
    inTitle: c.inTitle
  }
}

/** Hits for the candidates, in their order, at most `limit`, and how many matched in all. */
export function confirmAll(
  candidates: readonly Candidate[],
  prepared: (issueId: string) => PreparedIssue | null,
  terms: readonly string[],
  limit: number
): { hits: SearchHit[]; total: number } {
  const hits: SearchHit[] = []
  let total = 0
  for (const c of candidates) {
    const p = prepared(c.segment.issueId)
    const best = p ? confirmParagraph(c, p, terms) : null
    if (best === null || !p) continue
    total++
    if (hits.length < limit) hits.push(hitOf(c, p, terms, best))
  }
  return { hits, total }
}

/** Searches issues held in memory with their segments (the tests, the benchmark; the service loads lazily). */
export function searchPrepared(
  segments: readonly IssueSegment[],
  prepared: ReadonlyMap<string, PreparedIssue>,
  terms: readonly string[],
  limit = 50
): { hits: SearchHit[]; total: number } {
  return confirmAll(findCandidates(segments, terms), (id) => prepared.get(id) ?? null, terms, limit)
}
