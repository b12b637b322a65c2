import { describe, expect, it } from 'vitest'
import type { Issue, IssueSummary } from '../../domain/issue/types'
import { parseSegment, SEARCH_INDEX_VERSION } from '../../domain/search'
import { generateIssues } from '../../domain/testing/issues'
import { createMemoryFileStore } from '../../platform/files.memory'
import { NetworkError } from '../../platform/http.types'
import { createMemoryKeyValueStore } from '../../platform/kv.memory'
import type { ContentApi } from '../content/api'
import { createContentRepository } from '../content/repository'
import type { SearchApi } from './api'
import { createSearchService } from './service'

const [older, newer, other] = generateIssues(3, 5)
older.sections[0].articles[0].paragraphs[0] = '这一段讲红岩村的故事，红岩精神永放光芒。'
newer.sections[1].articles[1].paragraphs[2] = '我们又一次来到红岩村。'

function world(issues: Issue[]) {
  let online = true
  const api: ContentApi = {
    async listIssues() {
      if (!online) throw new NetworkError('offline')
      return issues.map((i) => ({ id: i.id, hash: `h-${i.id}` }) as IssueSummary)
    },
    async getIssue(id) {
      if (!online) throw new NetworkError('offline')
      return issues.find((i) => i.id === id)!
    }
  }
  const contentFiles = createMemoryFileStore()
  const searchFiles = createMemoryFileStore()
  const kv = createMemoryKeyValueStore()
  const searchApi: SearchApi = {
    search: async (q) => {
      if (!online) throw new NetworkError('offline')
      return { query: q, hits: [], more: false }
    }
  }
  const repository = () =>
    createContentRepository({ api, files: contentFiles, kv, now: () => 1, budgetBytes: 10_000_000 })
  const service = (content = repository(), budgetBytes?: number) =>
    createSearchService({ content, files: searchFiles, kv, api: searchApi, budgetBytes })
  return { repository, service, searchFiles, kv, goOffline: () => void (online = false) }
}

const ids = (r: Awaited<ReturnType<ReturnType<typeof createSearchService>['search']>>) =>
  r.ok ? r.hits.map((h) => `${h.issueId}/${h.articleId}@${h.paragraph}`) : r.message

describe('search service', () => {
  it('indexes each issue as it is downloaded, searches offline, newer issue first, and forgets a removed one', async () => {
    const w = world([older, newer, other])
    const content = w.repository()
    const search = w.service(content)
    await search.ready()
    await content.loadIndex()
    await content.download(older.id)
    await content.download(newer.id)
    await new Promise((r) => setTimeout(r, 0))
    expect(search.indexedIssues().sort()).toEqual([older.id, newer.id].sort())
    w.goOffline()
    const r = await search.search('“红岩村”')
    expect(ids(r)).toEqual([`${newer.id}/a1-1@2`, `${older.id}/a0-0@0`])
    await content.removeDownload(newer.id)
    await new Promise((r) => setTimeout(r, 0))
    expect(ids(await search.search('红岩村'))).toEqual([`${older.id}/a0-0@0`])
    expect(await w.searchFiles.list()).toEqual([`seg-${older.id}.json`])
  })

  it('persists the index: a new start reads the segments and builds nothing; a missing or older one is rebuilt', async () => {
    const w = world([older, newer])
    const content = w.repository()
    await content.loadIndex()
    await content.download(older.id)
    await content.download(newer.id)
    // Downloaded while the search code was not loaded: the first search builds both segments.
    const first = w.service(content)
    expect(ids(await first.search('红岩村'))).toHaveLength(2)
    const stored = await w.searchFiles.read(`seg-${older.id}.json`)
    expect(parseSegment(stored)?.hash).toBe(`h-${older.id}`)

    // An older format version, and a missing segment: both rebuilt on the next start; the current one read as is.
    const aged = JSON.parse(stored!) as { version: number }
    aged.version = SEARCH_INDEX_VERSION - 1
    await w.searchFiles.write(`seg-${older.id}.json`, JSON.stringify(aged))
    await w.searchFiles.remove(`seg-${newer.id}.json`)
    const second = w.service(w.repository())
    expect(ids(await second.search('红岩村'))).toHaveLength(2)
    expect(parseSegment(await w.searchFiles.read(`seg-${older.id}.json`))?.version).toBe(SEARCH_INDEX_VERSION)
    expect(parseSegment(await w.searchFiles.read(`seg-${newer.id}.json`))).not.toBeNull()
  })

  it('keeps the index in memory beyond its budget instead of evicting anything', async () => {
    const w = world([older, newer])
    const content = w.repository()
    await content.loadIndex()
    await content.download(older.id)
    await content.download(newer.id)
    const search = w.service(content, 1)
    expect(ids(await search.search('红岩村'))).toHaveLength(2)
    expect(await w.searchFiles.list()).toEqual([])
    expect(content.downloads()).toHaveLength(2)
  })

  it('says what is wrong with an empty or too long query; keeps recent searches, latest first, without repeats', async () => {
    const w = world([older])
    const search = w.service()
    const empty = await search.search(' ，。')
    expect(empty.ok).toBe(false)
    expect(!empty.ok && empty.message).toContain('请输入')
    const long = await search.search('党'.repeat(100))
    expect(!long.ok && long.message).toContain('太长')
    search.remember('红岩村')
    search.remember('党史')
    search.remember('红岩村')
    expect(search.recent()).toEqual(['红岩村', '党史'])
    expect(w.service().recent()).toEqual(['红岩村', '党史'])
  })
})
