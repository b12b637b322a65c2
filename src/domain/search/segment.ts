// The device's search index, one segment per issue: what is needed to rule articles in or out without reading
// the issue (a bigram signature per article, its normalized title) and to rank (the issue's date), serialized
// compactly. A segment of another format version, or of another revision of the issue, is rebuilt.
import type { Issue } from '../issue/types'
import { normalizeText } from './normalize'
import { buildSlices, bytesToWords, fromBase64, toBase64, wordsToBytes, type Slices } from './signature'

/** Bumped whenever the normalization, the hash or the layout change: older segments are then rebuilt. */
export const SEARCH_INDEX_VERSION = 1

export interface IndexedArticle {
  id: string
  /** Normalized title ('' for none). */
  title: string
}

export interface IssueSegment {
  version: number
  issueId: string
  /** The content hash of the issue revision this segment was built from. */
  hash: string
  title: string
  number: number
  totalNumber: number | null
  supplement: boolean
  publishedOn: string
  articles: IndexedArticle[]
  slices: Slices
}

/** Builds the segment of one issue. */
export function buildSegment(issue: Issue, hash: string): IssueSegment {
  const articles: IndexedArticle[] = []
  const texts: string[][] = []
  for (const section of issue.sections) {
    for (const a of section.articles) {
      const title = a.title === null ? '' : normalizeText(a.title)
      articles.push({ id: a.id, title })
      texts.push([title, ...a.paragraphs.map(normalizeText)])
    }
  }
  return {
    version: SEARCH_INDEX_VERSION,
    issueId: issue.id,
    hash,
    title: issue.title,
    number: issue.number,
    totalNumber: issue.totalNumber,
    supplement: issue.supplement,
    publishedOn: issue.publishedOn,
    articles,
    slices: buildSlices(texts)
  }
}

type Row = [id: string, title: string]

export function serializeSegment(s: IssueSegment): string {
  const { articles, slices, ...head } = s
  return JSON.stringify({
    ...head,
    articles: articles.map((a): Row => [a.id, a.title]),
    slots: slices.slots,
    width: slices.width,
    words: toBase64(wordsToBytes(slices.words))
  })
}

const isString = (v: unknown): v is string => typeof v === 'string'

/** A stored segment, or null when it is damaged or of another format version (rebuild it). */
export function parseSegment(text: string | null): IssueSegment | null {
  if (text === null) return null
  try {
    const v = JSON.parse(text) as Record<string, unknown>
    if (v === null || typeof v !== 'object' || v.version !== SEARCH_INDEX_VERSION) return null
    if (![v.issueId, v.hash, v.title, v.publishedOn].every(isString) || !Array.isArray(v.articles)) return null
    if (typeof v.number !== 'number' || typeof v.supplement !== 'boolean') return null
    if (v.totalNumber !== null && typeof v.totalNumber !== 'number') return null
    const articles: IndexedArticle[] = []
    for (const row of v.articles as unknown[]) {
      if (!Array.isArray(row) || row.length !== 2 || !row.every(isString)) return null
      articles.push({ id: row[0] as string, title: row[1] as string })
    }
    const { slots, width } = v
    if (typeof slots !== 'number' || typeof width !== 'number' || !isString(v.words)) return null
    const bytes = fromBase64(v.words)
    const words = bytes && bytesToWords(bytes)
    if (!words || slots < 1 || width !== Math.max(1, articles.length)) return null
    if (words.length !== Math.ceil((slots * width) / 32) + 1) return null
    const head = v as unknown as IssueSegment
    return {
      version: head.version,
      issueId: head.issueId,
      hash: head.hash,
      title: head.title,
      number: head.number,
      totalNumber: head.totalNumber,
      supplement: head.supplement,
      publishedOn: head.publishedOn,
      articles,
      slices: { slots, width, words }
    }
  } catch {
    return null
  }
}
