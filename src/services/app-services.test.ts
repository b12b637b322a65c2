import { describe, expect, it } from 'vitest'
import { emptyFooter } from '../domain/issue/footer'
import { emptyFacts } from '../domain/sync/facts'
import { serializeIssue, summarizeIssue } from '../domain/issue/summary'
import type { Issue } from '../domain/issue/types'
import { createMemoryFileStore } from '../platform/files.memory'
import type { HttpClient, HttpRequest } from '../platform/http'
import { createMemoryKeyValueStore } from '../platform/kv.memory'
import type { NetworkStatus } from '../platform/network'
import { createLibraryStore } from '../stores/library'
import { createOfflineStore } from '../stores/offline'
import { createSessionStore } from '../stores/session'
import { createProgressStore } from '../stores/progress'
import { createSyncStatusStore } from '../stores/sync'
import { createAppServices } from './app-services'
import { signOutOfDevice } from './account/sign-out'
import { recordReading } from './sync/reading'

const issue = (id: string, publishedOn: string): Issue => ({
  id,
  title: '重庆党史工作',
  number: 2,
  totalNumber: 197,
  publishedOn,
  editor: null,
  supplement: false,
  warnings: [],
  footer: emptyFooter(),
  sections: [{ title: '工作动态', articles: [{ id: 'a1', title: '标题', paragraphs: ['正文'], source: null }] }]
})

/** The app's services over a fake server and network, with fresh stores on a memory kv store. */
function wire(http: HttpClient, network: NetworkStatus) {
  const kv = createMemoryKeyValueStore()
  const stores = {
    library: createLibraryStore(),
    offline: createOfflineStore(),
    session: createSessionStore(kv),
    progress: createProgressStore(kv),
    sync: createSyncStatusStore()
  }
  const services = createAppServices({
    http,
    apiBase: 'http://api',
    files: createMemoryFileStore(),
    kv,
    network,
    stores,
    login: { kind: 'device', deviceName: () => 'test' } as never,
    now: () => 1
  })
  return { services, stores, kv }
}

function setup() {
  const issues = [issue('i1', '2020-06-09'), issue('i2', '2020-03-01')]
  const requests: string[] = []
  const versions: Record<string, string> = { i1: 'v1', i2: 'v1' }
  const http = (async (req: HttpRequest) => {
    requests.push(req.url)
    if (req.url.endsWith('/api/issues')) {
      return {
        status: 200,
        headers: {},
        data: issues.map((i) => ({ ...summarizeIssue(i, serializeIssue(i), versions[i.id]), size: 1 }))
      }
    }
    const found = issues.find((i) => req.url.endsWith(`/api/issues/${i.id}`))
    return found ? { status: 200, headers: {}, data: found } : { status: 404, headers: {}, data: null }
  }) as HttpClient
  const listeners: Array<(online: boolean) => void> = []
  const network: NetworkStatus = {
    isOnline: async () => {
      requests.push('isOnline')
      return true
    },
    subscribe: (l) => {
      listeners.push(l)
      return () => {
        listeners.splice(listeners.indexOf(l), 1)
      }
    }
  }
  const { services, stores, kv } = wire(http, network)
  return { services, stores, requests, listeners, versions, kv }
}

describe('app services', () => {
  it('do nothing until started: no listener, no request, no store update', async () => {
    const { services, stores, requests, listeners } = setup()
    await Promise.resolve()
    expect(requests).toEqual([])
    expect(listeners).toHaveLength(0)
    expect(stores.offline.getState().storage.cacheBudget).toBe(0)
    const stop = services.start()
    expect(services.start()).toBe(stop) // idempotent
    expect(listeners).toHaveLength(1)
    expect(stores.offline.getState().storage.cacheBudget).toBe(20 * 1024 * 1024)
    stop()
    expect(listeners).toHaveLength(0)
  })

  it('load an issue by id only; the repository decides when it changed', async () => {
    const { services, requests, versions } = setup()
    await services.refreshLibrary()
    await services.loadIssue('i1')
    await services.loadIssue('i1')
    expect(requests.filter((u) => u.endsWith('/i1'))).toHaveLength(1)
    versions.i1 = 'v2'
    await services.refreshLibrary()
    await services.loadIssue('i1')
    expect(requests.filter((u) => u.endsWith('/i1'))).toHaveLength(2)
  })

  it('publish downloads with their size and delete them (one, then all)', async () => {
    const { services, stores } = setup()
    services.start()
    await services.refreshLibrary()
    expect(await services.downloadIssue('i2')).toBe(true)
    await services.downloadAll()
    const storage = stores.offline.getState().storage
    expect(storage.downloads.map((d) => d.id)).toEqual(['i1', 'i2']) // newest first
    expect(storage.downloads[0].size).toBeGreaterThan(100)
    expect(storage.downloadedBytes).toBe(storage.downloads[0].size + storage.downloads[1].size)
    expect(stores.offline.getState().downloaded).toEqual({ i1: true, i2: true })
    await services.removeDownload('i1')
    expect(stores.offline.getState().downloaded).toEqual({ i2: true })
    await services.removeAllDownloads()
    expect(stores.offline.getState().storage).toMatchObject({ downloads: [], downloadedBytes: 0 })
    expect(stores.offline.getState().downloaded).toEqual({})
  })

  it('sign-out (账号与设备) keeps nothing of the member on the device: no outbox, no synced facts, no progress, no token', async () => {
    const { services, stores, kv, requests } = setup()
    const member = { id: 'm1', displayName: '党员', org: null, devices: [] }
    stores.session.getState().signIn('token-1', member)
    services.start()
    stores.progress.getState().record('i1', 'a1', { position: 0.5, addedMs: 60_000, markRead: true }, 5)
    recordReading(services.sync, {
      issueId: 'i1',
      articleId: 'a1',
      sessionId: 's1',
      sessionMs: 60_000,
      position: 0.5,
      read: true,
      at: 5
    })
    expect(kv.keys()).toContain('sync.outbox')
    await signOutOfDevice({ sync: services.sync, account: services.account, progress: stores.progress, kv })
    expect(requests.some((u) => u.endsWith('/api/auth/logout'))).toBe(true)
    expect(kv.keys().filter((k) => k.startsWith('sync.') && k !== 'sync.imported')).toEqual([])
    expect(services.sync.facts().reads).toEqual({})
    expect(stores.progress.getState().articles).toEqual({})
    expect(stores.session.getState()).toMatchObject({ token: null, member: null })
  })

  it('an expired session while syncing signs in again and sends the outbox it kept', async () => {
    const pushes: Array<{ token: string | undefined; ids: number[] }> = []
    let signIns = 0
    const member = { id: 'm1', displayName: '党员', org: null, devices: [] }
    const http = (async (req: HttpRequest) => {
      const token = req.headers?.authorization?.replace('Bearer ', '')
      if (req.url.endsWith('/api/auth/device')) {
        signIns++
        return { status: 200, headers: {}, data: { token: 'token-2', member } }
      }
      if (token === 'token-1') {
        return { status: 401, headers: {}, data: { error: 'session_expired', message: '登录已过期，请重新登录' } }
      }
      if (req.url.endsWith('/api/sync/push')) {
        const mutations = (req.body as { mutations: Array<{ clientId: string; id: number }> }).mutations
        pushes.push({ token, ids: mutations.map((m) => m.id) })
        const last = mutations[mutations.length - 1]
        return {
          status: 200,
          headers: {},
          data: {
            applied: mutations.length,
            skipped: 0,
            rejected: [],
            gap: null,
            lastMutationIds: { [last.clientId]: last.id }
          }
        }
      }
      if (req.url.endsWith('/api/sync/pull')) {
        return { status: 200, headers: {}, data: { facts: emptyFacts(), lastMutationIds: {}, cookie: 1 } }
      }
      return { status: 404, headers: {}, data: null }
    }) as HttpClient
    const { services, stores, kv } = wire(http, { isOnline: async () => true, subscribe: () => () => undefined })
    stores.session.getState().signIn('token-1', member)
    services.start()
    recordReading(services.sync, {
      issueId: 'i1',
      articleId: 'a1',
      sessionId: 's1',
      sessionMs: 60_000,
      position: 0.5,
      read: true,
      at: 5
    })
    expect(kv.getItem('sync.outbox')).toContain('"i1"')
    // The push with token-1 is refused with 401: the device signs in again (once) and its follow-up run sends
    // the outbox it kept, with the new token.
    await services.sync.syncNow()
    await services.sync.syncNow()
    expect(signIns).toBe(1)
    expect(stores.session.getState().token).toBe('token-2')
    expect(pushes.map((p) => p.token)).toEqual(['token-2'])
    expect(pushes[0].ids[0]).toBe(1)
    expect(services.sync.status()).toMatchObject({ state: 'synced', pending: 0 })
    services.sync.dispose()
  })
})
