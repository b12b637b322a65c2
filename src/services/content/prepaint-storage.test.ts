// H5's pre-paint reads what the app wrote, before the app runs: the real writers (settings and progress stores, the
// content repository) and the pre-paint's reader (src/domain/reading/prepaint.ts) must agree on every key and shape.
import { describe, expect, it } from 'vitest'
import type { Issue, IssueSummary } from '../../domain/issue/types'
import {
  articleView,
  issueFileName,
  planPrepaint,
  prepaintView,
  resumeRoutes,
  snapshotView,
  STORAGE_KEYS
} from '../../domain/reading/prepaint'
import { FONT_STEPS, typographyFor } from '../../domain/reading/typography'
import { createMemoryFileStore } from '../../platform/files.memory'
import { CACHE_PREFIX } from '../../platform/kv.evicting'
import { createMemoryKeyValueStore } from '../../platform/kv.memory'
import { createProgressStore } from '../../stores/progress'
import { createSettingsStore } from '../../stores/settings'
import type { ContentApi } from './api'
import { createContentRepository } from './repository'

const ISSUE: Issue = {
  id: 'i1',
  title: '重庆党史工作',
  number: 2,
  totalNumber: 197,
  publishedOn: '2020-06-09',
  editor: null,
  supplement: false,
  warnings: [],
  footer: { reportTo: null, sendTo: null, distributeTo: null, editorInCharge: null, phone: null, email: null, copies: null },
  sections: [
    {
      title: '工作动态',
      articles: [
        { id: 'a1', title: '第一篇', paragraphs: ['甲段', '乙段'], source: '办公室' },
        { id: 'a2', title: '第二篇', paragraphs: ['丙段'], source: null }
      ]
    },
    { title: '信息短波', articles: [{ id: 'a3', title: null, paragraphs: ['短讯一则，内容较长'], source: null }] }
  ]
}
const LINK = 'https://reader.example/#/pages/article/index?issue=i1&article=a1'

function device() {
  const kv = createMemoryKeyValueStore()
  const files = createMemoryFileStore()
  let hash = 'h1'
  const api: ContentApi = {
    listIssues: async () => [{ id: ISSUE.id, hash } as IssueSummary],
    getIssue: async () => ISSUE
  }
  const repo = createContentRepository({ api, files, kv, now: () => 1000, budgetBytes: 1 << 20 })
  return { kv, files, repo, read: (k: string) => kv.getItem(k), republish: () => void (hash = 'h2') }
}

describe('the pre-paint reads what the app writes', () => {
  it('a downloaded issue, the reading settings and the saved position, through the real stores and repository', async () => {
    const d = device()
    expect(planPrepaint(LINK, d.read)).toBeNull() // nothing stored yet
    await d.repo.loadIndex()
    await d.repo.download('i1')
    const settings = createSettingsStore(d.kv)
    settings.getState().setFontStep(4)
    settings.getState().setNightMode(true)
    createProgressStore(d.kv).getState().record('i1', 'a1', { position: 0.4, addedMs: 1000, markRead: false }, 5)

    const plan = planPrepaint(LINK, d.read)
    expect(plan).toMatchObject({ issueId: 'i1', articleId: 'a1', hash: 'h1', position: 0.4 })
    expect(plan!.bodyPx).toBe(FONT_STEPS[4])
    expect(plan!.titlePx).toBe(typographyFor(4, false).titlePx)
    expect(plan!.screenClass).toBe('screen theme-night')
    const view = prepaintView(await d.files.read(issueFileName('i1')), plan!)
    expect(view).toEqual(articleView(ISSUE, 'a1'))
    expect(view!.paragraphs).toEqual(['甲段', '乙段'])
  })

  it('paints nothing once the last index names another hash (stale), or the issue is no longer stored', async () => {
    const d = device()
    await d.repo.loadIndex()
    await d.repo.download('i1')
    expect(planPrepaint(LINK, d.read)).not.toBeNull()
    d.republish()
    await d.repo.loadIndex()
    expect(planPrepaint(LINK, d.read)).toBeNull()
    await d.repo.getIssue('i1') // fetched again: current
    expect(planPrepaint(LINK, d.read)?.hash).toBe('h2')
    await d.repo.removeDownload('i1')
    expect(planPrepaint(LINK, d.read)).toBeNull()
  })

  it('keeps the remembered index under the key-value store cache prefix (it may be dropped when storage is full)', () => {
    expect(STORAGE_KEYS.index.startsWith(CACHE_PREFIX)).toBe(true)
    expect(STORAGE_KEYS.lastArticle.startsWith(CACHE_PREFIX)).toBe(true)
    expect(STORAGE_KEYS.resume.startsWith(CACHE_PREFIX)).toBe(true)
  })
})

describe('planPrepaint and the views', () => {
  const stored = (extra: Record<string, string> = {}) => {
    const kv: Record<string, string> = {
      [STORAGE_KEYS.catalog]: JSON.stringify({ entries: { i1: { id: 'i1', hash: 'h1', size: 10 } }, summaries: {} }),
      ...extra
    }
    return (k: string) => kv[k] ?? null
  }

  it('only for an article link without a paragraph; a shared link opens at the top', () => {
    expect(planPrepaint('https://x/#/pages/issue/index?issue=i1', stored())).toBeNull()
    expect(planPrepaint('https://x/', stored())).toBeNull()
    expect(planPrepaint(`${LINK}&p=3`, stored())).toBeNull()
    const progress = JSON.stringify({ state: { articles: { 'i1/a1': { position: 0.7 } } }, version: 1 })
    expect(planPrepaint(LINK, stored({ [STORAGE_KEYS.progress]: progress }))?.position).toBe(0.7)
    expect(planPrepaint(`${LINK}&from=share`, stored({ [STORAGE_KEYS.progress]: progress }))?.position).toBe(0)
  })

  it('survives damaged records: defaults for settings and position, nothing for a damaged catalog', () => {
    const damaged = stored({ [STORAGE_KEYS.settings]: '{"state":{"fontStep":"huge"', [STORAGE_KEYS.progress]: 'null' })
    expect(planPrepaint(LINK, damaged)).toMatchObject({ position: 0, bodyPx: 17, screenClass: 'screen' })
    expect(planPrepaint(LINK, () => '{not json')).toBeNull()
    expect(planPrepaint(LINK, stored({ [STORAGE_KEYS.catalog]: '{"entries":{"i1":{"hash":"h1","size":0}}}' }))).toBeNull()
  })

  it('refuses a stored text that is not the issue, or lacks the article', () => {
    const plan = planPrepaint(LINK, stored())!
    expect(prepaintView('{"id":"i1","sections":[{"title":1', plan)).toBeNull()
    expect(prepaintView(JSON.stringify({ ...ISSUE, id: 'other' }), plan)).toBeNull()
    expect(prepaintView(JSON.stringify(ISSUE), { ...plan, articleId: 'zz' })).toBeNull()
    expect(prepaintView(null, plan)).toBeNull()
  })

  it('takes the kept snapshot only for the same article of the same stored copy', () => {
    const plan = planPrepaint(LINK, stored())!
    const view = articleView(ISSUE, 'a1')!
    const kept = (hash: string, articleId = 'a1') => JSON.stringify({ issueId: 'i1', articleId, hash, view })
    expect(snapshotView(kept('h1'), plan)).toEqual(view)
    expect(snapshotView(kept('h0'), plan)).toBeNull()
    expect(snapshotView(kept('h1', 'a2'), plan)).toBeNull()
    expect(snapshotView(JSON.stringify({ issueId: 'i1', articleId: 'a1', hash: 'h1', view: { paragraphs: 3 } }), plan)).toBeNull()
  })

  it('a start without a route goes on at the article the last session was left on, over 书架', () => {
    const left = (issueId: unknown, articleId: unknown) => ({
      [STORAGE_KEYS.resume]: JSON.stringify({ issueId, articleId })
    })
    const routes = resumeRoutes('https://x/', stored(left('i1', 'a2')))
    expect(routes).toEqual(['#/pages/library/index', '#/pages/article/index?issue=i1&article=a2'])
    // The same for an empty hash route, and the article's plan is the one of that link.
    for (const root of ['https://x/#', 'https://x/#/', 'https://x/index.html?utm=1']) {
      expect(resumeRoutes(root, stored(left('i1', 'a2')))).toEqual(routes)
    }
    expect(planPrepaint(`https://x/${routes![1]}`, stored())?.articleId).toBe('a2')
    // An address that names a page opens that page: a link, a reload, 书架 itself.
    expect(resumeRoutes(LINK, stored(left('i1', 'a2')))).toBeNull()
    expect(resumeRoutes('https://x/#/pages/library/index', stored(left('i1', 'a2')))).toBeNull()
    // Nothing left open, a damaged mark, an issue not (or no longer) stored: 书架.
    expect(resumeRoutes('https://x/', stored())).toBeNull()
    expect(resumeRoutes('https://x/', stored({ [STORAGE_KEYS.resume]: '{"issueId":"i1"' }))).toBeNull()
    expect(resumeRoutes('https://x/', stored(left('i1', 7)))).toBeNull()
    expect(resumeRoutes('https://x/', stored(left('i9', 'a1')))).toBeNull()
    const stale = { [STORAGE_KEYS.index]: JSON.stringify([{ id: 'i1', hash: 'h2' }]) }
    expect(resumeRoutes('https://x/', stored({ ...left('i1', 'a2'), ...stale }))).toBeNull()
  })

  it('shows the same strings as the article page: section, title, meta, source and the next article', () => {
    expect(articleView(ISSUE, 'a2')).toEqual({
      section: '【工作动态】',
      title: '第二篇',
      meta: '重庆党史工作 · 第2期 · 第 2/3 篇',
      paragraphs: ['丙段'],
      source: null,
      next: { label: '下一篇 · 【信息短波】', title: '短讯一则，内容较长' }
    })
    expect(articleView(ISSUE, 'a1')?.next).toEqual({ label: '下一篇', title: '第二篇' })
    expect(articleView(ISSUE, 'a1', true)?.next).toBeNull()
  })
})
