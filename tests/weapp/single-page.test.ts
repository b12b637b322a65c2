// Shared to Moments (朋友圈), the article opens in 单页模式 (scene 1154): no wx.login, no navigation, no tab bar.
// It must still render from its query alone and point to the full app.
import { describe, expect, it } from 'vitest'
import { firstArticles, SAMPLE_ID, weappFixture } from './support'

const app = weappFixture()

describe('单页模式 (opened from Moments, scene 1154)', () => {
  it('renders the shared article anonymously from its query, without sign-in or navigation', async () => {
    const { first } = firstArticles(await app.issue())
    // The query exactly as onShareTimeline gives it.
    const query = { issue: SAMPLE_ID, article: encodeURIComponent(first.id), from: 'share' }
    const device = app.device()
    const mp = app.start(device, { path: 'pages/article/index', query, scene: 1154 })
    const page = await mp.see(first.title!)
    expect(page.text()).toContain(first.paragraphs[0])
    expect(page.has('来自朋友圈的分享 · 打开小程序可阅读全部期刊')).toBe(true)
    // No 上一篇 · 目录 · 下一篇 and no next-article card: navigation does not exist in 单页模式.
    for (const label of ['上一篇', '目录', '下一篇']) expect(page.texts()).not.toContain(label)
    expect(page.byClass('next-card')).toEqual([])
    await mp.settle(300)
    expect(mp.wx.log.calls).not.toContain('login')
    expect(mp.wx.log.requests.filter((r) => r.url.startsWith('/api/auth'))).toEqual([])
    // Its storage is its own: the full app's is untouched, and no session was stored.
    expect([...device.storage.keys()]).toEqual([])
    expect(device.singlePageStorage.has('session')).toBe(false)
    // The article can be shared on from here too.
    expect(mp.share('onShareTimeline')).toMatchObject({
      title: first.title,
      query: `issue=${SAMPLE_ID}&article=${encodeURIComponent(first.id)}&from=share`
    })
  })
})
