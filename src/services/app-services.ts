// The app's services wired to their ports. Creating them does nothing observable: no listener, no request, no
// store update. `start()` (called once from src/app.ts) does that, and tests may create services without it.
import type { StoreApi } from 'zustand/vanilla'
import type { Issue } from '../domain/issue/types'
import type { FileStore } from '../platform/files'
import type { HttpClient } from '../platform/http'
import type { KeyValueStore } from '../platform/kv'
import type { PlatformLogin } from '../platform/login'
import type { NetworkStatus } from '../platform/network'
import type { LibraryState } from '../stores/library'
import type { OfflineState } from '../stores/offline'
import type { ProgressState } from '../stores/progress'
import type { SessionState } from '../stores/session'
import type { SyncStatusState } from '../stores/sync'
import { chinaDay, deriveProgress } from '../domain/sync/derive'
import { ApiError, createAccountApi } from './account/api'
import { createSessionService } from './account/session'
import { createContentApi } from './content/api'
import { ContentStorageFullError, createContentRepository, type ContentRepository } from './content/repository'
import { createSyncApi } from './sync/api'
import { createSyncEngine } from './sync/engine'
import { importLocalProgress } from './sync/reading'

/** Cached (not downloaded) issues may take this much; the weapp file system allows 200 MB in all. */
export const CACHE_BUDGET_BYTES = 20 * 1024 * 1024

/** Issues read lately, kept in memory: opening article after article must not re-read and re-parse the issue. */
const RECENT_ISSUES = 3

export interface AppServiceDeps {
  http: HttpClient
  apiBase: string
  files: FileStore
  kv: KeyValueStore
  network: NetworkStatus
  login: PlatformLogin
  stores: {
    library: StoreApi<LibraryState>
    offline: StoreApi<OfflineState>
    session: StoreApi<SessionState>
    progress: StoreApi<ProgressState>
    sync: StoreApi<SyncStatusState>
  }
  /** Whether this launch may sync (not in 单页模式, where there is no member). */
  canSync?(): boolean
  now?(): number
  random?(): number
  budgetBytes?: number
  /** What else a download keeps (听: the issue's audio files); it never fails the download. */
  withDownload?: {
    downloaded(issue: Issue): Promise<unknown>
    removed(issueId: string): Promise<unknown>
    bytes(): number
  }
}

/** Creates the content and account services over the given platform ports and stores, without starting them. */
export function createAppServices(deps: AppServiceDeps) {
  const { stores } = deps
  const contentApi = createContentApi(deps.http, deps.apiBase)
  const accountApi = createAccountApi(deps.http, deps.apiBase, () => stores.session.getState().token)
  const account = createSessionService(accountApi, deps.login, stores.session)
  const content: ContentRepository = createContentRepository({
    api: contentApi,
    files: deps.files,
    kv: deps.kv,
    now: deps.now ?? (() => Date.now()),
    budgetBytes: deps.budgetBytes ?? CACHE_BUDGET_BYTES,
    onCatalogChange: () => publishStorage()
  })
  const now = deps.now ?? (() => Date.now())
  const random = deps.random ?? Math.random
  const syncApi = createSyncApi(deps.http, deps.apiBase, () => stores.session.getState().token)
  // A 401 while syncing (session expired or signed out elsewhere) signs in again; the engine retries with the outbox.
  const renewOn401 = <T>(call: Promise<T>): Promise<T> =>
    call.catch(async (err: unknown) => {
      if (err instanceof ApiError && err.status === 401) await account.reauthenticate().catch(() => undefined)
      throw err
    })
  const sync = createSyncEngine({
    kv: deps.kv,
    transport: { push: (body) => renewOn401(syncApi.push(body)), pull: (body) => renewOn401(syncApi.pull(body)) },
    now,
    random,
    newId: () => `${now().toString(36)}-${Math.floor(random() * 2 ** 52).toString(36)}`
  })
  const recentIssues = new Map<string, { hash: string | undefined; issue: Promise<Issue> }>()
  let stop: (() => void) | null = null

  /** What is stored offline, for the badges, the download buttons and 我的 → 离线内容. */
  function publishStorage(): void {
    const downloads = content.downloads()
    const usage = content.usage()
    stores.offline.getState().setStorage({
      downloads,
      downloadedBytes: usage.downloaded + (deps.withDownload?.bytes() ?? 0),
      cachedBytes: usage.cached,
      cacheBudget: usage.cacheBudget
    })
  }

  /** An issue from memory, the offline store or the network (the repository decides what is current). */
  function loadIssue(id: string): Promise<Issue> {
    const hash = content.currentHash(id)
    const hit = recentIssues.get(id)
    if (hit && (!hash || !hit.hash || hit.hash === hash)) return hit.issue
    const issue = content.getIssue(id)
    recentIssues.delete(id)
    recentIssues.set(id, { hash, issue })
    issue.catch(() => recentIssues.delete(id))
    while (recentIssues.size > RECENT_ISSUES) recentIssues.delete(recentIssues.keys().next().value as string)
    return issue
  }

  /** Loads the issue index into the library (from the offline store when the network is gone). */
  async function refreshLibrary(): Promise<void> {
    const lib = stores.library.getState()
    if (lib.issues.length === 0) lib.setLoading()
    const { issues, source } = await content.loadIndex()
    if (source === 'offline') stores.offline.getState().setOnline(false)
    if (source === 'offline' && issues.length === 0)
      stores.library.getState().setError('没有网络，也还没有下载过期刊。连接网络后下拉刷新。')
    else stores.library.getState().setIssues(issues)
  }

  /** Downloads one issue for offline reading, reporting progress to the offline store. */
  async function downloadIssue(id: string): Promise<boolean> {
    const off = stores.offline.getState()
    off.setError(null)
    off.setProgress(id, 0)
    try {
      await content.download(id, (f) => stores.offline.getState().setProgress(id, f))
      if (deps.withDownload) {
        await deps.withDownload.downloaded(await loadIssue(id)).catch(() => undefined)
        publishStorage()
      }
      return true
    } catch (err) {
      stores.offline
        .getState()
        .setError(err instanceof ContentStorageFullError ? err.message : '下载失败，请检查网络后重试')
      return false
    } finally {
      stores.offline.getState().setProgress(id, null)
    }
  }

  /** Downloads every issue in the library that is not yet offline, one after another. */
  async function downloadAll(): Promise<void> {
    for (const issue of stores.library.getState().issues) {
      if (!content.isDownloaded(issue.id) && !(await downloadIssue(issue.id))) break
    }
  }

  /** Deletes a download from the device (我的 → 离线内容). */
  async function removeDownload(id: string): Promise<void> {
    recentIssues.delete(id)
    await content.removeDownload(id)
    await deps.withDownload?.removed(id).catch(() => undefined)
  }

  /** Deletes every download from the device. */
  async function removeAllDownloads(): Promise<void> {
    const ids = content.downloads().map((d) => d.id)
    recentIssues.clear()
    await content.removeAllDownloads()
    for (const id of ids) await deps.withDownload?.removed(id).catch(() => undefined)
  }

  return {
    contentApi,
    accountApi,
    account,
    content,
    sync,
    loadIssue,
    refreshLibrary,
    downloadIssue,
    downloadAll,
    removeDownload,
    removeAllDownloads,

    /** Publishes what is stored offline and follows the network. Idempotent; returns a function that stops. */
    start(): () => void {
      if (stop) return stop
      publishStorage()
      void deps.network.isOnline().then((online) => stores.offline.getState().setOnline(online))
      const unsubscribe = deps.network.subscribe((online) => {
        stores.offline.getState().setOnline(online)
        if (online) {
          void refreshLibrary()
          void sync.syncNow()
        }
      })
      // What this device records is already in the progress store; only what a pull brought (other devices'
      // reading) needs folding in, so the whole map is derived again only when the pulled facts changed.
      let folded: unknown = null
      const showSync = () => {
        stores.sync.getState().set(sync.status())
        if (sync.pulledFacts() === folded) return
        folded = sync.pulledFacts()
        stores.progress.getState().mergeIn(deriveProgress(sync.facts(), chinaDay))
      }
      const unsubscribeSync = sync.subscribe(showSync)
      // Progress read before sync existed goes into the outbox once.
      if (deps.kv.getItem('sync.imported') === null) {
        try {
          importLocalProgress(sync, stores.progress.getState().articles)
          deps.kv.setItem('sync.imported', '1')
        } catch {
          // Storage full: tried again at the next start; the local progress stays where it is.
        }
      }
      const enabled = deps.canSync?.() ?? true
      const followMember = () => {
        const { token, member } = stores.session.getState()
        sync.setMember(enabled && token && member ? member.id : null)
        stores.sync.getState().set({ enabled: enabled && token !== null })
      }
      const unsubscribeSession = stores.session.subscribe(followMember)
      followMember()
      showSync()
      stop = () => {
        unsubscribe()
        unsubscribeSync()
        unsubscribeSession()
        sync.dispose()
        stop = null
      }
      return stop
    }
  }
}

export type AppServices = ReturnType<typeof createAppServices>
