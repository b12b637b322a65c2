// The device's search index, one segment per issue: what is needed to rule articles in or out without reading
// the issue (a bigram signature per article, its normalized title) and to rank (the issue's date), serialized
// compactly. A segment of another format version, or of another revision of the issue, is rebuilt.
import type { Issue } from '../issue/types'
import { normalizeText } from './normalize'
import { fromBase64, signatureOf, toBase64 } from './signature'

/** Bumped whenever the normalization, the hash or the layout change: older segments are then rebuilt. */
export const SEARCH_INDEX_VERSION = 1

export interface IndexedArticle {
  id: string
  /** Normalized title ('' for none). */
  title: string
  bits: Uint8Array
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
}

/** Builds the segment of one issue. */
export function buildSegment(issue: Issue, hash: string): IssueSegment {
  const articles: IndexedArticle[] = []
  for (const section of issue.sections) {
    for (const a of section.articles) {
      const title = a.title === null ? '' : normalizeText(a.title)
      articles.push({ id: a.id, title, bits: signatureOf([title, ...a.paragraphs.map(normalizeText)]) })
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
    articles
  }
}

type Row = [id: string, title: string, bits: string]

export function serializeSegment(s: IssueSegment): string {
  const { articles, ...head } = s
  return JSON.stringify({ ...head, articles: articles.map((a): Row => [a.id, a.title, toBase64(a.bits)]) })
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
      if (!Array.isArray(row) || row.length !== 3 || !row.every(isString)) return null
      const bits = fromBase64(row[2] as string)
      if (bits === null || bits.length === 0) return null
      articles.push({ id: row[0] as string, title: row[1] as string, bits })
    }
    return { ...(v as unknown as IssueSegment), articles }
  } catch {
    return null
  }
}
