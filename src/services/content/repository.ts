import { nextToEvict, planEviction, type CacheEntry } from '../../domain/content/cache-policy'
import type { Issue, IssueSummary } from '../../domain/issue/types'
import type { FileStore } from '../../platform/files'
import { StorageFullError, type KeyValueStore } from '../../platform/kv'
import { CACHE_PREFIX } from '../../platform/kv.evicting'
import type { ContentApi } from './api'

export interface Catalog {
  entries: Record<string, CacheEntry>
  summaries: Record<string, IssueSummary>
}

export interface ContentRepositoryDeps {
  api: ContentApi
  files: FileStore
  kv: KeyValueStore
  now(): number
  /** Bytes that cached (not downloaded) issues may take; downloads are limited only by the platform. */
  budgetBytes: number
  onCatalogChange?(catalog: Catalog): void
}

/** Storage is full even after every cached issue was evicted: only the reader can free space (downloads). */
export class ContentStorageFullError extends Error {
  constructor() {
    super('存储空间不足，请在“我的”中删除部分已下载的期刊')
    this.name = 'ContentStorageFullError'
  }
}

// The catalog says what the file store holds and stays; the remembered index is a cache the kv store may drop.
const CATALOG_KEY = 'content.catalog'
const INDEX_KEY = `${CACHE_PREFIX}content.index`
const fileName = (id: string) => `issue-${id}.json`
const byteLength = (s: string) => new TextEncoder().encode(s).length

function isIssue(value: unknown, id: string): value is Issue {
  const v = value as Issue | null
  return !!v && typeof v === 'object' && v.id === id && typeof v.title === 'string' && Array.isArray(v.sections) &&
    v.sections.every((s) => s && typeof s.title === 'string' && Array.isArray(s.articles) && s.articles.every((a) => a && typeof a.id === 'string' && Array.isArray(a.paragraphs)))
}

function summaryOf(issue: Issue, size: number, hash: string): IssueSummary {
  return {
    id: issue.id, title: issue.title, number: issue.number, totalNumber: issue.totalNumber, publishedOn: issue.publishedOn,
    editor: issue.editor, supplement: issue.supplement, sectionTitles: issue.sections.map((s) => s.title),
    articleCount: issue.sections.reduce((n, s) => n + s.articles.length, 0), size, hash
  }
}

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
  let catalog: Catalog = readJson<Catalog>(CATALOG_KEY, { entries: {}, summaries: {} })
  if (!catalog.entries || !catalog.summaries) catalog = { entries: {}, summaries: {} }

  const saveCatalog = () => {
    // The catalog is small; if even it cannot be written, the files stay and are found again by list().
    try { kv.setItem(CATALOG_KEY, JSON.stringify(catalog)) } catch { /* keep going in memory */ }
    deps.onCatalogChange?.(catalog)
  }

  async function evict(id: string): Promise<void> {
    await files.remove(fileName(id))
    delete catalog.entries[id]
    delete catalog.summaries[id]
  }

  async function store(issue: Issue, downloaded: boolean, knownHash?: string): Promise<void> {
    const text = JSON.stringify(issue)
    const size = byteLength(text)
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
    const hash = knownHash ?? catalog.summaries[issue.id]?.hash ?? previous?.hash ?? ''
    catalog.entries[issue.id] = { id: issue.id, hash, size, downloaded: keepDownloaded, lastReadAt: previous?.lastReadAt ?? now, savedAt: now }
    catalog.summaries[issue.id] = summaryOf(issue, size, hash)
    saveCatalog()
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

  return {
    catalog: () => catalog,

    /** The issue index: from the network when reachable (and remembered), else the last one seen plus downloads. */
    async loadIndex(): Promise<{ issues: IssueSummary[]; source: 'network' | 'offline' }> {
      try {
        const issues = await api.listIssues()
        try { kv.setItem(INDEX_KEY, JSON.stringify(issues)) } catch { /* a cache: fine to lose */ }
        return { issues, source: 'network' }
      } catch {
        const remembered = readJson<IssueSummary[]>(INDEX_KEY, [])
        const ids = new Set(remembered.map((s) => s.id))
        const stored = Object.values(catalog.summaries).filter((s) => !ids.has(s.id) && catalog.entries[s.id])
        return { issues: [...remembered, ...stored], source: 'offline' }
      }
    },

    /** An issue: the offline copy when it is current, else the network (cached on the way), else whatever is stored. */
    async getIssue(id: string, currentHash?: string): Promise<Issue> {
      const stored = await fromStore(id)
      // Stored and current (or no index to compare with): no network. Otherwise refresh, keeping the copy as fallback.
      if (stored && (!currentHash || catalog.entries[id]?.hash === currentHash)) {
        catalog.entries[id].lastReadAt = deps.now()
        saveCatalog()
        return stored
      }
      try {
        const issue = await api.getIssue(id)
        // The reader asked to read, not to cache: a store that cannot be written (full, or unavailable as in
        // WeChat's 单页模式) must not keep them from the article.
        await store(issue, catalog.entries[id]?.downloaded === true, currentHash).catch(() => undefined)
        if (catalog.entries[id]) catalog.entries[id].lastReadAt = deps.now()
        return issue
      } catch (err) {
        if (stored) return stored
        throw err
      }
    },

    /** Downloads an issue for offline reading; it is never evicted to make room. */
    async download(id: string, onProgress?: (fraction: number) => void, currentHash?: string): Promise<void> {
      onProgress?.(0.05)
      const stored = await fromStore(id)
      const fresh = stored && (!currentHash || catalog.entries[id]?.hash === currentHash)
      const issue = fresh ? stored : await api.getIssue(id)
      onProgress?.(0.7)
      await store(issue, true, currentHash ?? catalog.entries[id]?.hash)
      onProgress?.(1)
    },

    /** Removes a download: the issue becomes cache, and the cache is brought back within its budget. */
    async removeDownload(id: string): Promise<void> {
      const e = catalog.entries[id]
      if (!e) return
      e.downloaded = false
      const cached = Object.values(catalog.entries).filter((x) => !x.downloaded)
      for (const victim of planEviction(cached, deps.budgetBytes, 0) ?? []) await evict(victim)
      saveCatalog()
    },

    isDownloaded: (id: string) => catalog.entries[id]?.downloaded === true && catalog.entries[id].size > 0,

    /** Bytes used by downloads and by the cache. */
    usage(): { downloaded: number; cached: number } {
      let downloaded = 0
      let cached = 0
      for (const e of Object.values(catalog.entries)) if (e.downloaded) downloaded += e.size; else cached += e.size
      return { downloaded, cached }
    }
  }
}

export type ContentRepository = ReturnType<typeof createContentRepository>
