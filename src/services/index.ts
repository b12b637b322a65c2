// Service instances wired to the platform and the stores.
import { http } from '../platform/http'
import { apiBase } from '../platform/config'
import { files } from '../platform/files'
import { kv } from '../platform/kv'
import { network } from '../platform/network'
import { login } from '../platform/login'
import { libraryStore, offlineStore, sessionStore } from '../stores'
import { createAccountApi } from './account/api'
import { createSessionService } from './account/session'
import { createContentApi } from './content/api'
import { ContentStorageFullError, createContentRepository, type Catalog } from './content/repository'
import type { Issue } from '../domain/issue/types'

/** Cached (not downloaded) issues may take this much; the weapp file system allows 200 MB in all. */
const CACHE_BUDGET_BYTES = 20 * 1024 * 1024

const publishDownloads = (catalog: Catalog) =>
  offlineStore.getState().setDownloaded(Object.values(catalog.entries).filter((e) => e.downloaded && e.size > 0).map((e) => e.id))

export const contentApi = createContentApi(http, apiBase)
export const accountApi = createAccountApi(http, apiBase, () => sessionStore.getState().token)
export const account = createSessionService(accountApi, login, sessionStore)
export const content = createContentRepository({
  api: contentApi, files, kv, now: () => Date.now(), budgetBytes: CACHE_BUDGET_BYTES, onCatalogChange: publishDownloads
})
publishDownloads(content.catalog())

void network.isOnline().then((online) => offlineStore.getState().setOnline(online))
network.subscribe((online) => {
  offlineStore.getState().setOnline(online)
  if (online) void refreshLibrary()
})

/** Issues read lately, kept in memory: opening article after article must not re-read and re-parse the issue. */
const recentIssues = new Map<string, { hash: string | undefined; issue: Promise<Issue> }>()
const RECENT_ISSUES = 3

/** An issue from memory, the offline store or the network (see content.getIssue); concurrent calls share one load. */
export function loadIssue(id: string, hash?: string): Promise<Issue> {
  const hit = recentIssues.get(id)
  if (hit && (!hash || !hit.hash || hit.hash === hash)) return hit.issue
  const issue = content.getIssue(id, hash)
  recentIssues.delete(id)
  recentIssues.set(id, { hash, issue })
  issue.catch(() => recentIssues.delete(id))
  while (recentIssues.size > RECENT_ISSUES) recentIssues.delete(recentIssues.keys().next().value as string)
  return issue
}

/** Loads the issue index into the library (from the offline store when the network is gone). */
export async function refreshLibrary(): Promise<void> {
  const lib = libraryStore.getState()
  if (lib.issues.length === 0) lib.setLoading()
  const { issues, source } = await content.loadIndex()
  if (source === 'offline') offlineStore.getState().setOnline(false)
  if (source === 'offline' && issues.length === 0) libraryStore.getState().setError('没有网络，也还没有下载过期刊。连接网络后下拉刷新。')
  else libraryStore.getState().setIssues(issues)
}

/** Downloads one issue for offline reading, reporting progress to the offline store. */
export async function downloadIssue(id: string): Promise<boolean> {
  const off = offlineStore.getState()
  off.setError(null)
  off.setProgress(id, 0)
  try {
    const hash = libraryStore.getState().issues.find((s) => s.id === id)?.hash
    await content.download(id, (f) => offlineStore.getState().setProgress(id, f), hash)
    return true
  } catch (err) {
    offlineStore.getState().setError(err instanceof ContentStorageFullError ? err.message : '下载失败，请检查网络后重试')
    return false
  } finally {
    offlineStore.getState().setProgress(id, null)
  }
}

/** Downloads every issue in the library that is not yet offline, one after another. */
export async function downloadAll(): Promise<void> {
  for (const issue of libraryStore.getState().issues) {
    if (!content.isDownloaded(issue.id) && !(await downloadIssue(issue.id))) break
  }
}
