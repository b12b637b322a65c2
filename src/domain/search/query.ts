// Answering a query: the segments rule articles in (all bigrams of every word may be there), the issue's text
// confirms each candidate and gives the paragraph and the snippet, and the hits are ranked: every word in the
// title first, then newer issues first, then the order of the issue.
import type { SearchHit } from '../api/search'
import type { Article, Issue } from '../issue/types'
import { normalizeMapped, normalizeText } from './normalize'
import type { IssueSegment } from './segment'
import { bigramHashes, candidateArticles } from './signature'

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

/** Hits per page: the device and the server answer this many, and the page asks for more when scrolled to. */
export const SEARCH_PAGE = 20

/** An article the index cannot rule out. */
export interface Candidate {
  segment: IssueSegment
  /** Index of the article in the issue's order. */
  index: number
  inTitle: boolean
}

/** Newer issues first, then by id (a stable order for issues of one day). */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
export const byIssue = (a: IssueSegment, b: IssueSegment): number =>
  cmp(b.publishedOn, a.publishedOn) || cmp(a.issueId, b.issueId)

const isSorted = (s: readonly IssueSegment[]) => s.every((x, i) => i === 0 || byIssue(s[i - 1], x) <= 0)

/** The articles that may hold every term, best first (all terms in the title, newer issue, issue order). */
export function findCandidates(segments: readonly IssueSegment[], terms: readonly string[]): Candidate[] {
  // Every term's bigrams must be there. A one-character word has none: it rules nothing out, the text decides.
  const hashes = terms.flatMap(bigramHashes)
  const titled: Candidate[] = []
  const rest: Candidate[] = []
  const sorted = isSorted(segments) ? segments : [...segments].sort(byIssue)
  const found: number[] = []
  for (const segment of sorted) {
    found.length = 0
    candidateArticles(segment.slices, hashes, found)
    for (const index of found) {
      const article = segment.articles[index]
      if (article === undefined) continue
      const inTitle = terms.every((t) => article.title.includes(t))
      ;(inTitle ? titled : rest).push({ segment, index, inTitle })
    }
  }
  // Within each tier the order above (newer issue, then issue order) is kept.
  return titled.concat(rest)
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
  // Each term in the title or in some paragraph; the snippet's paragraph is the first holding the most terms.
  let best = -1
  let bestCount = 0
  const { paragraphs } = entry
  for (let i = 0; i < paragraphs.length && bestCount < terms.length; i++) {
    let n = 0
    for (const t of terms) if (paragraphs[i].includes(t)) n++
    if (n > bestCount) {
      best = i
      bestCount = n
    }
  }
  if (bestCount === terms.length) return best
  const found = (t: string) => entry.title.includes(t) || paragraphs.some((p) => p.includes(t))
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

/** Hits for the candidates, in their order, until `limit` are found; `more` when candidates were left unchecked. */
export function confirmAll(
  candidates: readonly Candidate[],
  prepared: (issueId: string) => PreparedIssue | null,
  terms: readonly string[],
  limit: number
): { hits: SearchHit[]; more: boolean } {
  const hits: SearchHit[] = []
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]
    const p = prepared(c.segment.issueId)
    const best = p ? confirmParagraph(c, p, terms) : null
    if (best === null || !p) continue
    if (hits.length === limit) return { hits, more: true }
    hits.push(hitOf(c, p, terms, best))
  }
  return { hits, more: false }
}

/** Searches issues held in memory with their segments (the tests, the benchmark; the service loads lazily). */
export function searchPrepared(
  segments: readonly IssueSegment[],
  prepared: ReadonlyMap<string, PreparedIssue>,
  terms: readonly string[],
  limit = SEARCH_PAGE
): { hits: SearchHit[]; more: boolean } {
  return confirmAll(findCandidates(segments, terms), (id) => prepared.get(id) ?? null, terms, limit)
}

/** A text cut at its highlighted ranges, for rendering: pieces in order, each marked hit or not. */
export function highlightParts(
  text: string,
  ranges: ReadonlyArray<readonly [number, number]>
): Array<{ text: string; hit: boolean }> {
  const parts: Array<{ text: string; hit: boolean }> = []
  let at = 0
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (s < at || e <= s || e > text.length) continue
    if (s > at) parts.push({ text: text.slice(at, s), hit: false })
    parts.push({ text: text.slice(s, e), hit: true })
    at = e
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false })
  return parts
}
