import { matches, matchingEntries, matchingItems } from '../../domain/api/check'
import { IssueSchema, IssueSummarySchema } from '../../domain/api/issue'
import { CacheEntrySchema, type Catalog } from '../../domain/api/persisted'
import { issueFileName, STORAGE_KEYS } from '../../domain/reading/storage-keys'
import { nextToEvict, planEviction } from '../../domain/content/cache-policy'
import { utf8Length } from '../../domain/issue/hash'
import { serializeIssue, summarizeIssue } from '../../domain/issue/summary'
import type { Issue, IssueSummary } from '../../domain/issue/types'
import type { FileStore } from '../../platform/files'
import { StorageFullError, type KeyValueStore } from '../../platform/kv'
import type { ContentApi } from './api'

export type { Catalog }

export interface ContentRepositoryDeps {
  api: ContentApi
  files: FileStore
  kv: KeyValueStore
  now(): number
  /** Bytes that cached (not downloaded) issues may take; downloads are limited only by the platform. */
  budgetBytes: number
  onCatalogChange?(catalog: Catalog): void
}

/** A downloaded issue as 我的 → 离线内容 lists it. */
export interface StoredIssue {
  id: string
  size: number
  summary: IssueSummary | null
}

/** What the offline store gained or lost (the search index follows it). */
export type ContentEvent = { type: 'stored'; issue: Issue; hash: string } | { type: 'evicted'; id: string }

/** Storage is full even after every cached issue was evicted: only the reader can free space (downloads). */
export class ContentStorageFullError extends Error {
  constructor() {
    super('存储空间不足，请在“我的”中删除部分已下载的期刊')
    this.name = 'ContentStorageFullError'
  }
}

// The catalog says what the file store holds and stays; the remembered index is a cache the kv store may drop.
// H5's pre-paint reads all three before the app boots: their names are defined there, once.
const CATALOG_KEY = STORAGE_KEYS.catalog
const INDEX_KEY = STORAGE_KEYS.index
const fileName = issueFileName

const isIssue = (value: unknown, id: string): value is Issue => matches(IssueSchema, value) && value.id === id

/**
 * Issues from the network with an offline store behind them. Downloaded issues are kept until the reader removes
 * them; other issues read are cached within a budget and evicted least-recently-read first. Progress lives
 * elsewhere (its own key) and is never touched here.
 */
export function createContentRepository(deps: ContentRepositoryDeps) {
  const { api, files, kv } = deps
  const readJson = <T>(key: string, fallback: T): T => {
    try {
      const raw = kv.getItem(key)
      return raw ? (JSON.parse(raw) as T) : fallback
    } catch {
      return fallback
    }
  }
  // Checked entry by entry: a damaged one is forgotten (its file is found again by the next store), the rest stay.
  const restored = readJson<Partial<Record<keyof Catalog, unknown>> | null>(CATALOG_KEY, null)
  let catalog: Catalog = {
    entries: matchingEntries(CacheEntrySchema, restored?.entries),
    summaries: matchingEntries(IssueSummarySchema, restored?.summaries)
  }
  /**
   * The content hash of each issue in the index last loaded from the network: what decides whether a stored copy
   * is current. Before the index has been loaded (a deep link at launch) a stored copy is used as it is.
   */
  let currentHashes: Record<string, string> = {}
  const listeners = new Set<(e: ContentEvent) => void>()
  const emit = (e: ContentEvent) => listeners.forEach((l) => l(e))

  const saveCatalog = () => {
    // The catalog is small; if even it cannot be written, the files stay and are found again by list().
    try { kv.setItem(CATALOG_KEY, JSON.stringify(catalog)) } catch { /* keep going in memory */ }
    deps.onCatalogChange?.(catalog)
  }

  async function evict(id: string): Promise<void> {
    await files.remove(fileName(id))
    delete catalog.entries[id]
    delete catalog.summaries[id]
    emit({ type: 'evicted', id })
  }

  async function store(issue: Issue, downloaded: boolean): Promise<void> {
    // The same serialization, byte count and index row as the publishing path (no TextEncoder on weapp).
    const text = serializeIssue(issue)
    const size = utf8Length(text)
    const previous = catalog.entries[issue.id]
    const keepDownloaded = downloaded || previous?.downloaded === true
    if (!keepDownloaded) {
      const cached = Object.values(catalog.entries).filter((e) => !e.downloaded && e.id !== issue.id)
      for (const id of planEviction(cached, deps.budgetBytes, size) ?? cached.map((e) => e.id)) await evict(id)
    }
    for (;;) {
      try {
        await files.write(fileName(issue.id), text)
        break
      } catch (err) {
        if (!(err instanceof StorageFullError)) throw err
        const victim = nextToEvict(Object.values(catalog.entries), [issue.id])
        if (!victim) { saveCatalog(); throw new ContentStorageFullError() }
        await evict(victim)
      }
    }
    const now = deps.now()
    const hash = currentHashes[issue.id] ?? catalog.summaries[issue.id]?.hash ?? previous?.hash ?? ''
    catalog.entries[issue.id] = { id: issue.id, hash, size, downloaded: keepDownloaded, lastReadAt: previous?.lastReadAt ?? now, savedAt: now }
    catalog.summaries[issue.id] = summarizeIssue(issue, text, hash)
    saveCatalog()
    emit({ type: 'stored', issue, hash })
  }

  /** The issue from the offline store, or null when absent or damaged (a damaged entry is dropped). */
  async function fromStore(id: string): Promise<Issue | null> {
    if (!catalog.entries[id]) return null
    const text = await files.read(fileName(id))
    try {
      const value: unknown = text === null ? null : JSON.parse(text)
      if (isIssue(value, id)) return value
    } catch { /* fall through: damaged */ }
    const wasDownloaded = catalog.entries[id].downloaded
    await evict(id)
    // Remember the reader wanted it offline, so a refetch restores the download.
    if (wasDownloaded) catalog.entries[id] = { id, hash: '', size: 0, downloaded: true, lastReadAt: 0, savedAt: 0 }
    saveCatalog()
    return null
  }

  /** The stored copy of an issue, when the index (if loaded) says it is the current one. */
  const isCurrent = (id: string) => currentHashes[id] === undefined || catalog.entries[id]?.hash === currentHashes[id]

  return {
    catalog: () => catalog,

    /** Follows what is stored and evicted (the search service, when loaded); returns a function that stops. */
    subscribe(listener: (e: ContentEvent) => void): () => void {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },

    /** An issue from the offline store only (no network), or null. */
    stored: (id: string): Promise<Issue | null> => fromStore(id),

    /** The current content hash of an issue as the index says, if the index has been loaded. */
    currentHash: (id: string): string | undefined => currentHashes[id],

    /** The issue index: from the network when reachable (and remembered), else the last one seen plus downloads. */
    async loadIndex(): Promise<{ issues: IssueSummary[]; source: 'network' | 'offline' }> {
      try {
        const issues = await api.listIssues()
        currentHashes = Object.fromEntries(issues.map((s) => [s.id, s.hash]))
        try { kv.setItem(INDEX_KEY, JSON.stringify(issues)) } catch { /* a cache: fine to lose */ }
        return { issues, source: 'network' }
      } catch {
        const remembered = matchingItems(IssueSummarySchema, readJson<unknown>(INDEX_KEY, []))
        const ids = new Set(remembered.map((s) => s.id))
        const stored = Object.values(catalog.summaries).filter((s) => !ids.has(s.id) && catalog.entries[s.id])
        return { issues: [...remembered, ...stored], source: 'offline' }
      }
    },

    /** An issue: the offline copy when it is current, else the network (cached on the way), else whatever is stored. */
    async getIssue(id: string): Promise<Issue> {
      const stored = await fromStore(id)
      // Stored and current (or no index to compare with): no network. Otherwise refresh, keeping the copy as fallback.
      if (stored && isCurrent(id)) {
        catalog.entries[id].lastReadAt = deps.now()
        saveCatalog()
        return stored
      }
      try {
        const issue = await api.getIssue(id)
        // The reader asked to read, not to cache: a store that cannot be written (full, or unavailable as in
        // WeChat's 单页模式) must not keep them from the article.
        await store(issue, catalog.entries[id]?.downloaded === true).catch(() => undefined)
        if (catalog.entries[id]) catalog.entries[id].lastReadAt = deps.now()
        return issue
      } catch (err) {
        if (stored) return stored
        throw err
      }
    },

    /** Downloads an issue for offline reading; it is never evicted to make room. */
    async download(id: string, onProgress?: (fraction: number) => void): Promise<void> {
      onProgress?.(0.05)
      const stored = await fromStore(id)
      const issue = stored && isCurrent(id) ? stored : await api.getIssue(id)
      onProgress?.(0.7)
      await store(issue, true)
      onProgress?.(1)
    },

    /** Deletes a download from the device, freeing its space (reading it again needs the network). */
    async removeDownload(id: string): Promise<void> {
      if (!catalog.entries[id]?.downloaded) return
      await evict(id)
      saveCatalog()
    },

    /** Deletes every download; cached issues stay within their budget. */
    async removeAllDownloads(): Promise<void> {
      for (const e of Object.values(catalog.entries)) if (e.downloaded) await evict(e.id)
      saveCatalog()
    },

    /** The downloads, newest issue first, with what the index said of them. */
    downloads(): StoredIssue[] {
      return Object.values(catalog.entries)
        .filter((e) => e.downloaded && e.size > 0)
        .map((e) => ({ id: e.id, size: e.size, summary: catalog.summaries[e.id] ?? null }))
        .sort((a, b) => (b.summary?.publishedOn ?? '').localeCompare(a.summary?.publishedOn ?? '') || a.id.localeCompare(b.id))
    },

    isDownloaded: (id: string) => catalog.entries[id]?.downloaded === true && catalog.entries[id].size > 0,

    /** Bytes used by downloads and by the cache, and the cache's budget. */
    usage(): { downloaded: number; cached: number; cacheBudget: number } {
      let downloaded = 0
      let cached = 0
      for (const e of Object.values(catalog.entries)) if (e.downloaded) downloaded += e.size; else cached += e.size
      return { downloaded, cached, cacheBudget: deps.budgetBytes }
    }
  }
}

export type ContentRepository = ReturnType<typeof createContentRepository>
