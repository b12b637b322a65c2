import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { propertyOptions } from '../../domain/testing/property'
import type { Issue, IssueSummary } from '../../domain/issue/types'
import { createWxFileStore, type WxFileSystem } from '../../platform/files.wxfs'
import { createMemoryKeyValueStore } from '../../platform/kv.memory'
import { NetworkError } from '../../platform/http.types'
import type { ContentApi } from './api'
import { ContentStorageFullError, createContentRepository } from './repository'

/** A fake of wx.getFileSystemManager() with WeChat's quota error, so the weapp code path itself is tested. */
function fakeWxFs(quotaBytes: number) {
  const files = new Map<string, string>()
  const used = () => [...files.values()].reduce((n, v) => n + new TextEncoder().encode(v).length, 0)
  const fs: WxFileSystem = {
    readFile: (o) => { const v = files.get(o.filePath); if (v === undefined) o.fail({ errMsg: 'readFile:fail no such file' }); else o.success({ data: v }) },
    writeFile: (o) => {
      const prev = files.get(o.filePath)
      if (used() - (prev ? new TextEncoder().encode(prev).length : 0) + new TextEncoder().encode(o.data).length > quotaBytes) {
        o.fail({ errMsg: 'writeFile:fail the maximum size of the file storage limit is exceeded', errCode: 1300202 })
      } else { files.set(o.filePath, o.data); o.success() }
    },
    unlink: (o) => { files.delete(o.filePath); o.success() },
    readdir: (o) => o.success({ files: [...files.keys()].map((k) => k.split('/').pop() ?? k) }),
    mkdir: (o) => o.success()
  }
  return { fs, files, used }
}

const issueOf = (id: string, chars: number): Issue => ({
  id, title: '重庆党史工作', number: Number(id.replace(/\D/g, '') || 1), totalNumber: null, publishedOn: '2020-06-09', editor: null, supplement: false, warnings: [],
  footer: { reportTo: null, sendTo: null, distributeTo: null, editorInCharge: null, phone: null, email: null, copies: null },
  sections: [{ title: '工作动态', articles: [{ id: 'a1', title: '标题', paragraphs: ['字'.repeat(chars)], source: null }] }]
})

function fakeApi(issues: Issue[]) {
  let online = true
  const calls: string[] = []
  const versions: Record<string, number> = {}
  const api: ContentApi = {
    async listIssues() {
      if (!online) throw new NetworkError('offline')
      return issues.map((i) => ({ id: i.id, hash: `h${versions[i.id] ?? ''}-${i.id}` }) as IssueSummary)
    },
    async getIssue(id) {
      calls.push(id)
      if (!online) throw new NetworkError('offline')
      const found = issues.find((i) => i.id === id)
      if (!found) throw new Error('404')
      return found
    }
  }
  return { api, calls, setOnline: (v: boolean) => { online = v }, republish: (id: string) => { versions[id] = (versions[id] ?? 1) + 1 } }
}

const S = new TextEncoder().encode(JSON.stringify(issueOf('i1', 1000))).length + 2

function setup(opts: { quota?: number; budget?: number } = {}) {
  const ids = ['i1', 'i2', 'i3', 'i4', 'i5']
  const net = fakeApi(ids.map((id) => issueOf(id, 1000)))
  const wx = fakeWxFs(opts.quota ?? Infinity)
  const kv = createMemoryKeyValueStore()
  let t = 0
  const repo = createContentRepository({ api: net.api, files: createWxFileStore(wx.fs, '/usr/issues'), kv, now: () => ++t, budgetBytes: opts.budget ?? Infinity })
  return { repo, net, wx, kv }
}

describe('content repository on the weapp file system', () => {
  it('keeps cached issues within the budget, evicting the least recently read first', async () => {
    const { repo } = setup({ budget: 3 * S })
    await repo.getIssue('i1')
    await repo.getIssue('i2')
    await repo.getIssue('i3')
    await repo.getIssue('i1') // read again: i2 is now the least recently read
    await repo.getIssue('i4')
    expect(Object.keys(repo.catalog().entries).sort()).toEqual(['i1', 'i3', 'i4'])
    expect(repo.usage().cached).toBeLessThanOrEqual(3 * S)
  })

  it('never evicts downloads to make room, and reads them offline', async () => {
    const { repo, net } = setup({ budget: 2 * S })
    await repo.download('i1')
    await repo.getIssue('i2')
    await repo.getIssue('i3')
    await repo.getIssue('i4')
    expect(repo.isDownloaded('i1')).toBe(true)
    net.setOnline(false)
    expect((await repo.getIssue('i1')).id).toBe('i1')
    const index = await repo.loadIndex()
    expect(index.source).toBe('offline')
  })

  it('keeps every download when downloads alone exceed the cache budget (README: downloads are never evicted)', async () => {
    // Downloads do not count against the budget for cached issues: three downloads and a budget of two must not
    // make the repository evict them to fit a fourth, merely read, issue.
    const { repo, net, wx } = setup({ budget: 2 * S })
    await repo.download('i1')
    await repo.download('i2')
    await repo.download('i3')
    await repo.getIssue('i4')
    for (const id of ['i1', 'i2', 'i3']) expect(repo.isDownloaded(id)).toBe(true)
    expect([...wx.files.keys()].filter((k) => /issue-i[123]\.json$/.test(k))).toHaveLength(3)
    net.setOnline(false)
    for (const id of ['i1', 'i2', 'i3']) expect((await repo.getIssue(id)).id).toBe(id)
  })

  it('when the file system is full, evicts cache and keeps downloads and progress', async () => {
    const { repo, kv, wx } = setup({ quota: 3 * S })
    kv.setItem('progress', JSON.stringify({ state: { articles: { 'i1/a1': { read: true } } }, version: 1 }))
    await repo.download('i1')
    await repo.getIssue('i2')
    await repo.getIssue('i3')
    await repo.getIssue('i4') // the platform refuses the write: i2 (least recent) must go
    expect(Object.keys(repo.catalog().entries).sort()).toEqual(['i1', 'i3', 'i4'])
    expect(wx.used()).toBeLessThanOrEqual(3 * S)
    expect(JSON.parse(kv.getItem('progress') ?? '{}').state.articles['i1/a1'].read).toBe(true)
  })

  it('says storage is full when only downloads are left', async () => {
    const { repo } = setup({ quota: 2 * S })
    await repo.download('i1')
    await repo.download('i2')
    await expect(repo.download('i3')).rejects.toBeInstanceOf(ContentStorageFullError)
    expect(repo.isDownloaded('i1') && repo.isDownloaded('i2')).toBe(true)
  })

  it('drops a corrupted cache entry and fetches the issue again', async () => {
    const { repo, net, wx } = setup()
    await repo.download('i1')
    const path = [...wx.files.keys()][0]
    wx.files.set(path, '{"id":"i1","title":') // a write cut short
    net.calls.length = 0
    const issue = await repo.getIssue('i1')
    expect(issue.sections[0].articles[0].paragraphs[0]).toHaveLength(1000)
    expect(net.calls).toEqual(['i1'])
    expect(repo.isDownloaded('i1')).toBe(true)
    expect(JSON.parse(wx.files.get(path) ?? '').id).toBe('i1')
  })

  it('survives a corrupted catalog in storage', async () => {
    const { kv, net, wx } = setup()
    kv.setItem('content.catalog', 'garbage{')
    const repo = createContentRepository({ api: net.api, files: createWxFileStore(wx.fs, '/u'), kv, now: () => 1, budgetBytes: Infinity })
    expect((await repo.getIssue('i2')).id).toBe('i2')
  })
})

describe('content repository over random reading (property)', () => {
  it('never evicts a download, and keeps cached issues within the budget after every step', async () => {
    const op = fc.record({ kind: fc.constantFrom('read', 'read', 'download', 'remove'), id: fc.constantFrom('i1', 'i2', 'i3', 'i4', 'i5') })
    await fc.assert(fc.asyncProperty(fc.array(op, { maxLength: 25 }), fc.integer({ min: 1, max: 4 }), async (ops, budgetIssues) => {
      const { repo, wx } = setup({ budget: budgetIssues * S })
      const downloads = new Set<string>()
      for (const { kind, id } of ops) {
        if (kind === 'read') await repo.getIssue(id)
        else if (kind === 'download') { await repo.download(id); downloads.add(id) }
        else { await repo.removeDownload(id); downloads.delete(id) }
        for (const d of downloads) {
          expect(repo.isDownloaded(d), `download ${d} lost after ${kind} ${id}`).toBe(true)
          expect([...wx.files.keys()].some((k) => k.endsWith(`issue-${d}.json`)), `file of ${d}`).toBe(true)
        }
        expect(repo.usage().cached).toBeLessThanOrEqual(budgetIssues * S)
      }
    }), propertyOptions(100))
  })
})

describe('content repository when the file store cannot be written', () => {
  it('still gives the reader the issue from the network', async () => {
    const net = fakeApi([issueOf('i1', 10)])
    const broken = { read: async () => null, write: async () => { throw new Error('writeFile:fail permission denied') }, remove: async () => undefined, list: async () => [] }
    const repo = createContentRepository({ api: net.api, files: broken, kv: createMemoryKeyValueStore(), now: () => 1, budgetBytes: Infinity })
    expect((await repo.getIssue('i1')).id).toBe('i1')
    await expect(repo.download('i1')).rejects.toThrow('permission denied')
  })
})

describe('content repository and changed issues', () => {
  it('fetches an issue again when the index says it changed, and keeps it downloaded', async () => {
    const { repo, net } = setup()
    await repo.loadIndex() // i1 is h-i1
    await repo.download('i1')
    expect(repo.catalog().entries.i1).toMatchObject({ hash: 'h-i1', downloaded: true })
    net.calls.length = 0
    await repo.getIssue('i1')
    await repo.download('i1')
    expect(net.calls).toEqual([]) // current: read from the store
    net.republish('i1')
    await repo.loadIndex() // now h2-i1
    expect(repo.currentHash('i1')).toBe('h2-i1')
    await repo.getIssue('i1')
    expect(net.calls).toEqual(['i1']) // republished: fetched again
    expect(repo.catalog().entries.i1).toMatchObject({ hash: 'h2-i1', downloaded: true })
    await repo.getIssue('i1')
    expect(net.calls).toEqual(['i1'])
    net.republish('i1')
    await repo.loadIndex()
    net.setOnline(false)
    expect((await repo.getIssue('i1')).id).toBe('i1') // offline: the stored copy
  })

  it('uses a stored copy as it is before the index has been loaded (a deep link at launch)', async () => {
    const { repo, net } = setup()
    await repo.getIssue('i2')
    net.calls.length = 0
    await repo.getIssue('i2')
    expect(net.calls).toEqual([])
  })
})

describe('content repository: deleting downloads (我的 → 离线内容)', () => {
  it('lists downloads with their size and deletes one, freeing its space', async () => {
    const { repo, wx } = setup()
    await repo.download('i1')
    await repo.download('i2')
    await repo.getIssue('i3')
    expect(repo.downloads().map((d) => d.id)).toEqual(['i1', 'i2'])
    expect(repo.downloads()[0].size).toBe(S - 2) // the bytes of the stored JSON
    expect(repo.downloads()[0].summary?.title).toBe('重庆党史工作')
    expect(repo.usage()).toMatchObject({ downloaded: 2 * repo.catalog().entries.i1.size, cached: repo.catalog().entries.i3.size })
    await repo.removeDownload('i1')
    expect(repo.isDownloaded('i1')).toBe(false)
    expect(repo.downloads().map((d) => d.id)).toEqual(['i2'])
    expect([...wx.files.keys()].some((k) => k.includes('i1'))).toBe(false)
    await repo.removeDownload('i3') // only cached: not a download, stays
    expect(repo.catalog().entries.i3).toBeDefined()
  })

  it('deletes every download and keeps the cache', async () => {
    const net = fakeApi(['i1', 'i2', 'i3'].map((id) => issueOf(id, 100)))
    const changes: string[][] = []
    const watched = createContentRepository({
      api: net.api, files: createWxFileStore(fakeWxFs(Infinity).fs, '/w'), kv: createMemoryKeyValueStore(), now: () => 1, budgetBytes: Infinity,
      onCatalogChange: (c) => changes.push(Object.keys(c.entries).filter((id) => c.entries[id].downloaded))
    })
    await watched.download('i1')
    await watched.download('i2')
    await watched.getIssue('i3')
    await watched.removeAllDownloads()
    expect(watched.downloads()).toEqual([])
    expect(watched.usage().downloaded).toBe(0)
    expect(Object.keys(watched.catalog().entries)).toEqual(['i3'])
    expect(changes[changes.length - 1]).toEqual([])
  })
})
