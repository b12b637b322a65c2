// 搜索 on the device: the index (one segment per stored issue, src/domain/search) kept in step with the content
// repository, persisted as files within a budget, and rebuilt for any issue whose segment is missing, of an older
// format or of another revision; queries answered from it offline, and by the server when online.
import type { SearchHit } from '../../domain/api/search'
import type { Issue } from '../../domain/issue/types'
import { utf8Length } from '../../domain/issue/hash'
import {
  buildSegment,
  byIssue,
  confirmParagraph,
  findCandidates,
  hitOf,
  parseSearchQuery,
  parseSegment,
  prepareIssue,
  queryProblemText,
  SEARCH_PAGE,
  serializeSegment,
  type IssueSegment,
  type PreparedIssue
} from '../../domain/search'
import type { FileStore } from '../../platform/files'
import type { KeyValueStore } from '../../platform/kv'
import type { ContentEvent } from '../content/repository'
import type { SearchApi } from './api'

/** The index may take this much of the file store; beyond it, segments are kept in memory only (rebuilt next time). */
export const SEARCH_INDEX_BUDGET_BYTES = 8 * 1024 * 1024
const RECENT_KEY = 'search.recent'
const RECENT_MAX = 8
/** Issues kept prepared (normalized) in memory between queries. */
const PREPARED_MAX = 12

const fileName = (id: string) => `seg-${id}.json`
const idOf = (name: string) => (/^seg-(.+)\.json$/.exec(name) ?? [])[1]

/** What the search service needs of the content repository. */
export interface SearchContent {
  catalog(): { entries: Record<string, { id: string; hash: string; size: number }> }
  stored(id: string): Promise<Issue | null>
  subscribe(listener: (e: ContentEvent) => void): () => void
}

export interface SearchServiceDeps {
  content: SearchContent
  files: FileStore
  kv: KeyValueStore
  api: SearchApi
  budgetBytes?: number
}

/** A hit of the server's search, marked when its issue is not on the device. */
export type OnlineHit = SearchHit & { onDevice: boolean }

export type LocalResult = { ok: true; hits: SearchHit[]; more: boolean } | { ok: false; message: string }

export function createSearchService(deps: SearchServiceDeps) {
  const { content, files, kv, api } = deps
  const budget = deps.budgetBytes ?? SEARCH_INDEX_BUDGET_BYTES
  const segments = new Map<string, IssueSegment>()
  /** Bytes of each segment written to the file store (absent: in memory only). */
  const persisted = new Map<string, number>()
  const prepared = new Map<string, PreparedIssue>()
  let ready: Promise<void> | null = null

  const usedBytes = () => [...persisted.values()].reduce((a, b) => a + b, 0)

  /** Keeps a segment in memory, and in the file store while the budget allows and the store has room. */
  async function keep(segment: IssueSegment): Promise<void> {
    const id = segment.issueId
    segments.set(id, segment)
    prepared.delete(id)
    const text = serializeSegment(segment)
    const size = utf8Length(text)
    const others = usedBytes() - (persisted.get(id) ?? 0)
    if (others + size > budget) {
      // Over budget: an index is a cache; this segment lives in memory and is rebuilt at the next start.
      await drop(id, true)
      return
    }
    try {
      await files.write(fileName(id), text)
      persisted.set(id, size)
    } catch {
      // Storage full: never make room by evicting anything else (progress, downloads); keep it in memory.
      await drop(id, true)
    }
  }

  async function drop(id: string, keepInMemory = false): Promise<void> {
    if (!keepInMemory) {
      segments.delete(id)
      prepared.delete(id)
    }
    persisted.delete(id)
    await files.remove(fileName(id)).catch(() => undefined)
  }

  async function index(issue: Issue, hash: string): Promise<void> {
    await keep(buildSegment(issue, hash))
  }

  // Downloads and cached reads while the service is loaded are indexed at once; the rest when it is next ready().
  content.subscribe((e) => {
    // A segment that cannot be built now is built by the next reconcile; reading must never fail for it.
    void (ready ?? Promise.resolve())
      .then(() => (e.type === 'stored' ? index(e.issue, e.hash) : drop(e.id)))
      .catch(() => undefined)
  })

  /** Loads the stored segments, drops those of issues gone or changed, and indexes every stored issue without one. */
  async function reconcile(): Promise<void> {
    const entries = content.catalog().entries
    for (const name of await files.list().catch(() => [] as string[])) {
      const id = idOf(name)
      if (id === undefined) continue
      const segment = parseSegment(await files.read(name).catch(() => null))
      const entry = entries[id]
      if (segment && entry && entry.size > 0 && segment.hash === entry.hash && segment.issueId === id) {
        segments.set(id, segment)
        persisted.set(id, utf8Length(serializeSegment(segment)))
      } else await drop(id)
    }
    for (const entry of Object.values(entries)) {
      if (entry.size === 0 || segments.has(entry.id)) continue
      const issue = await content.stored(entry.id).catch(() => null)
      if (issue) await index(issue, content.catalog().entries[entry.id]?.hash ?? entry.hash)
    }
  }

  async function preparedIssue(id: string): Promise<PreparedIssue | null> {
    const hit = prepared.get(id)
    if (hit) {
      prepared.delete(id)
      prepared.set(id, hit)
      return hit
    }
    const issue = await content.stored(id).catch(() => null)
    if (!issue) return null
    const p = prepareIssue(issue)
    prepared.set(id, p)
    while (prepared.size > PREPARED_MAX) prepared.delete(prepared.keys().next().value as string)
    return p
  }

  function readRecent(): string[] {
    try {
      const v: unknown = JSON.parse(kv.getItem(RECENT_KEY) ?? '[]')
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, RECENT_MAX) : []
    } catch {
      return []
    }
  }

  /** Loads and completes the index (once; later calls wait for the same work). */
  const whenReady = (): Promise<void> => (ready ??= reconcile())

  return {
    ready: whenReady,

    /** The issues the index covers (for tests and the page's note). */
    indexedIssues: () => [...segments.keys()],

    /** Searches the issues on the device: the first `limit` hits, titles first, newer issues first. */
    async search(query: string, limit = SEARCH_PAGE): Promise<LocalResult> {
      const parsed = parseSearchQuery(query)
      if ('problem' in parsed) return { ok: false, message: queryProblemText(parsed.problem) }
      await whenReady()
      const { terms } = parsed
      const candidates = findCandidates([...segments.values()].sort(byIssue), terms)
      const hits: SearchHit[] = []
      for (const c of candidates) {
        const p = await preparedIssue(c.segment.issueId)
        const best = p ? confirmParagraph(c, p, terms) : null
        if (best === null || !p) continue
        if (hits.length === limit) return { ok: true, hits, more: true }
        hits.push(hitOf(c, p, terms, best))
      }
      return { ok: true, hits, more: false }
    },

    /** The server's answer over every published issue; hits from issues not on the device are marked. */
    async searchOnline(query: string, limit = SEARCH_PAGE): Promise<{ hits: OnlineHit[]; more: boolean }> {
      const reply = await api.search(query, limit)
      const entries = content.catalog().entries
      return {
        hits: reply.hits.map((h) => ({ ...h, onDevice: (entries[h.issueId]?.size ?? 0) > 0 })),
        more: reply.more
      }
    },

    /** Recent searches, latest first. */
    recent: readRecent,

    /** Remembers a search (latest first, without repeats); a full storage only forgets it. */
    remember(query: string): void {
      const q = query.trim()
      if (!q) return
      const list = [q, ...readRecent().filter((x) => x !== q)].slice(0, RECENT_MAX)
      try {
        kv.setItem(RECENT_KEY, JSON.stringify(list))
      } catch {
        /* a convenience: fine to lose */
      }
    },

    clearRecent(): void {
      kv.removeItem(RECENT_KEY)
    }
  }
}

export type SearchService = ReturnType<typeof createSearchService>
