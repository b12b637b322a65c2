// Progress sync (src/domain/sync/SPEC.md) in the built mini-program: reading is pushed through wx.request to the
// real server, a second phone of the same member pulls it, an offline phone says what waits, and 单页模式 pushes
// nothing. Assertions are on the server's own pull of the member and on what the pages render.
import { describe, expect, it } from 'vitest'
import type { Device } from './harness/device'
import type { MiniProgram } from './harness/miniprogram'
import { firstArticles, memberOf, SAMPLE_ID, weappFixture } from './support'

const app = weappFixture()
const SYNC_MS = 10_000

/** What the server has for the member: its own pull from the start (L1). */
async function serverFacts(device: Device) {
  return (await app.server().env.app.services.sync.pull(memberOf(device), 0)).facts
}

/** Opens an article from its link, reads it to the end and leaves WeChat (onHide flushes the session). */
async function readToEnd(mp: MiniProgram, firstParagraph: string): Promise<void> {
  await mp.see(firstParagraph)
  await mp.until(() => mp.wx.log.calls.includes('getWindowInfo'), 'the layout measured')
  await mp.settle(200)
  mp.scroll(100_000)
  await mp.settle(50)
  mp.hide()
  await mp.settle(50)
}

const link = (articleId: string) => ({ path: 'pages/article/index', query: { issue: SAMPLE_ID, article: articleId } })

describe('progress sync in the mini-program', () => {
  it('pushes a read article through wx.request; a second phone of the same member shows it read', async () => {
    const { first } = firstArticles(await app.issue())
    const key = `${SAMPLE_ID}/${first.id}`
    const phone = app.device({ user: 'sync-two-phones' })
    const mp = app.start(phone, link(first.id))
    await readToEnd(mp, first.paragraphs[0])
    await mp.until(() => phone.storage.has('session'), 'signed in with wx.login')
    let facts = await serverFacts(phone)
    const deadline = Date.now() + SYNC_MS
    while (!(facts.reads[key] && Object.keys(facts.sessions).length > 0) && Date.now() < deadline) {
      await mp.settle(100)
      facts = await serverFacts(phone)
    }
    expect(facts.reads[key]).toMatchObject({ issueId: SAMPLE_ID, articleId: first.id })
    const sessions = Object.values(facts.sessions).filter((s) => s.articleId === first.id)
    expect(sessions).toHaveLength(1)
    expect(sessions[0].ms).toBeGreaterThan(0)
    expect(mp.wx.log.requests.filter((r) => r.url === '/api/sync/push' && r.ok).length).toBeGreaterThan(0)

    // Another phone of the same WeChat user: it signs in as the same member and pulls.
    const other = app.device({ user: 'sync-two-phones' })
    const mp2 = app.start(other, { path: 'pages/issue/index', query: { id: SAMPLE_ID } })
    await mp2.see(first.title!)
    await mp2.see('✓ 已读', SYNC_MS)
    expect(memberOf(other)).toBe(memberOf(phone))
    expect(mp2.wx.log.requests.some((r) => r.url === '/api/sync/pull' && r.ok)).toBe(true)
    mp2.tabTo('pages/me/index')
    const me = await mp2.see('已读文章')
    await mp2.until(() => me.has('已同步 · 刚刚'), '已同步 on 我的', SYNC_MS)
    const stat = me.texts()
    expect(stat[stat.indexOf('已读文章') - 1]).toBe('1')
  })

  it('offline: 我的 shows 离线 · 待同步 N 条; back online the outbox is pushed', async () => {
    const { first } = firstArticles(await app.issue())
    const key = `${SAMPLE_ID}/${first.id}`
    const phone = app.device({ user: 'sync-offline' })
    const again = app.start(phone, link(first.id))
    await again.see(first.paragraphs[0])
    await again.until(() => phone.storage.has('session'), 'signed in with wx.login')
    phone.setOnline(false)
    await readToEnd(again, first.paragraphs[0])
    again.show()
    again.tabTo('pages/me/index')
    const me = await again.see('已读文章')
    await again.until(() => me.texts().some((t) => /^离线 · 待同步 \d+ 条$/.test(t)), '离线 · 待同步 N 条', SYNC_MS)
    const waiting = Number(/待同步 (\d+) 条/.exec(me.texts().find((t) => t.startsWith('离线'))!)![1])
    const outbox = JSON.parse(String(phone.storage.get('sync.outbox'))).outbox as unknown[]
    expect(waiting).toBe(outbox.length)
    expect(waiting).toBeGreaterThan(0)
    expect((await serverFacts(phone)).reads[key]).toBeUndefined()

    phone.setOnline(true)
    await again.until(() => me.has('已同步 · 刚刚'), '已同步 after the network is back', SYNC_MS)
    expect((await serverFacts(phone)).reads[key]).toBeDefined()
    expect(JSON.parse(String(phone.storage.get('sync.outbox'))).outbox).toEqual([])
  })

  it('单页模式 (scene 1154): reading pushes nothing', async () => {
    const { first } = firstArticles(await app.issue())
    const phone = app.device({ user: 'sync-single-page' })
    const mp = app.start(phone, { ...link(first.id), scene: 1154 })
    await readToEnd(mp, first.paragraphs[0])
    await mp.settle(2500) // longer than the push debounce
    expect(mp.wx.log.requests.filter((r) => r.url.startsWith('/api/sync'))).toEqual([])
    expect(mp.wx.log.calls).not.toContain('login')
  })
})
