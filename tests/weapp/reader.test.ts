// The reader as a member uses it in WeChat: the built bundle, its pages driven through their lifecycle, against
// the real server. Assertions are on what the pages render (their setData data) and on the phone's storage.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_FONT_STEP, typographyFor } from '../../src/domain/reading/typography'
import { articleLink, DIST, firstArticles, SAMPLE_ID, weappFixture } from './support'

const app = weappFixture()
const ISSUE_FILE = `wxfile://usr/issues/issue-${SAMPLE_ID}.json`

describe('书架 (library)', () => {
  it('lists the issue with its number, date, editor and reading count, and refreshes on pull-down', async () => {
    const mp = app.start(app.device())
    const page = await mp.see('重庆党史工作')
    expect(page.route).toBe('pages/library/index')
    expect(page.text()).toContain('第2期 · 总第197期')
    expect(page.text()).toContain('2020年6月9日')
    expect(page.text()).toContain('中共重庆市委党史研究室')
    expect(page.texts().join('')).toContain('已读 0/19')
    expect(page.has('全部下载')).toBe(true)
    expect(mp.pageJson('pages/library/index').enablePullDownRefresh).toBe(true)

    const before = mp.wx.log.requests.filter((r) => r.url === '/api/issues').length
    mp.pullDown()
    await mp.until(() => page.pullDownRefreshStopped > 0, 'stopPullDownRefresh')
    expect(mp.wx.log.requests.filter((r) => r.url === '/api/issues').length).toBeGreaterThan(before)
    // The library offers no share: WeChat shows no 转发 for it.
    expect(() => mp.share('onShareAppMessage')).toThrow(/no onShareAppMessage/)
  })

  it('shows the offline banner when the network goes (onNetworkStatusChange) and refreshes when it is back', async () => {
    const device = app.device()
    const mp = app.start(device)
    const page = await mp.see('重庆党史工作')
    expect(page.has('当前无网络')).toBe(false)
    device.setOnline(false)
    await mp.see('当前无网络，可阅读已下载的期刊')
    expect(page.has('全部下载')).toBe(false)
    const before = mp.wx.log.requests.filter((r) => r.url === '/api/issues' && r.ok).length
    device.setOnline(true)
    await mp.until(() => !page.has('当前无网络'), 'the banner gone')
    await mp.until(
      () => mp.wx.log.requests.filter((r) => r.url === '/api/issues' && r.ok).length > before,
      'the library refreshed'
    )
  })

  it('全部下载 stores every issue on the file system', async () => {
    const device = app.device()
    const mp = app.start(device)
    const page = await mp.see('全部下载')
    page.tap('全部下载')
    await mp.see('已全部下载')
    expect(device.files.has(ISSUE_FILE)).toBe(true)
    expect(JSON.parse(String(device.storage.get('content.catalog'))).entries[SAMPLE_ID].downloaded).toBe(true)
  })
})

describe('目录 (issue)', () => {
  it('opened from a link offers 回到书架 (no tab page under it); opened from 书架 it does not', async () => {
    const mp = app.start(app.device(), { path: 'pages/issue/index', query: { issue: SAMPLE_ID }, scene: 1007 })
    ;(await mp.see('回到书架')).tap('回到书架')
    await mp.until(() => mp.page.route === 'pages/library/index', '书架')
    expect(mp.pages.map((p) => p.route)).toEqual(['pages/library/index'])
    ;(await mp.see('重庆党史工作')).tap('重庆党史工作')
    await mp.until(() => mp.page.route === 'pages/issue/index', 'contents')
    await mp.see('下载离线阅读')
    expect(mp.page.has('回到书架')).toBe(false)
  })

  it('opens from the library with masthead, sections, titles and short news; the issue read is kept on the file system', async () => {
    const issue = await app.issue()
    const { first } = firstArticles(issue)
    const device = app.device()
    const mp = app.start(device)
    ;(await mp.see('重庆党史工作')).tap('重庆党史工作')
    const page = await mp.see(first.title!)
    expect(mp.pages.map((p) => p.route)).toEqual(['pages/library/index', 'pages/issue/index'])
    expect(page.options.issue).toBe(SAMPLE_ID)
    for (const s of issue.sections) expect(page.has(s.title)).toBe(true)
    expect(page.text()).toContain('第2期 · 总第197期')
    expect(page.has('下载离线阅读')).toBe(true)
    // 信息短波 items are read in place: their first paragraph is on the contents page.
    const shortNews = issue.sections.find((s) => s.articles.every((a) => a.title === null))
    if (shortNews) expect(page.text()).toContain(shortNews.articles[0].paragraphs[0].slice(0, 20))
    await mp.until(() => mp.wx.log.navigationBarTitles.includes('重庆党史工作 第2期'), 'the navigation bar title')

    // Reading an issue caches it (within the budget) on the file system, with the catalog in storage.
    await mp.until(() => device.files.has(ISSUE_FILE), 'the issue written to the user data directory')
    const catalog = JSON.parse(String(device.storage.get('content.catalog')))
    expect(catalog.entries[SAMPLE_ID]).toMatchObject({ downloaded: false })
    expect(catalog.entries[SAMPLE_ID].size).toBe(Buffer.byteLength(device.files.get(ISSUE_FILE)!))
  })

  it('下载离线阅读 downloads with progress and shows it as offline; the share is the contents page', async () => {
    const device = app.device()
    // An old link (id=) still opens the issue; the share it makes uses today's parameter (issue=).
    const mp = app.start(device, { path: 'pages/issue/index', query: { id: SAMPLE_ID }, scene: 1007 })
    const page = await mp.see('下载离线阅读')
    page.tap('下载离线阅读')
    await mp.see('✓ 已下载，可离线阅读')
    expect(JSON.parse(String(device.storage.get('content.catalog'))).entries[SAMPLE_ID].downloaded).toBe(true)
    const share = mp.share('onShareAppMessage')
    expect(share).toMatchObject({
      title: '重庆党史工作 第2期 · 总第197期',
      path: `/pages/issue/index?issue=${SAMPLE_ID}`
    })
  })

  it('opens an article, and 目录 goes back to the same contents page', async () => {
    const { first } = firstArticles(await app.issue())
    const mp = app.start(app.device(), { path: 'pages/issue/index', query: { issue: SAMPLE_ID } })
    ;(await mp.see(first.title!)).tap(first.title!)
    const article = await mp.see(first.paragraphs[0].slice(0, 30))
    expect(article.route).toBe('pages/article/index')
    article.tap('目录')
    await mp.until(() => mp.pages.length === 1 && mp.page.route === 'pages/issue/index', 'back on the contents')
  })
})

describe('正文 (article)', () => {
  it('opens from a chat share deep link at its top, with title and first paragraph, and shares itself back', async () => {
    const { first, second } = firstArticles(await app.issue())
    const [path, search] = articleLink(first.id).split('?')
    const query = Object.fromEntries(search.split('&').map((kv) => kv.split('=')))
    const mp = app.start(app.device(), { path, query, scene: 1007 })
    const page = await mp.see(first.title!)
    expect(page.text()).toContain(first.paragraphs[0])
    expect(page.has('第 1/')).toBe(true)
    await mp.until(() => mp.wx.log.navigationBarTitles.includes(first.section), 'the section as navigation bar title')
    expect(page.scrollTop).toBe(0)

    // 转发 from the ··· menu and from the toolbar's share button: the article's deep link and a 5:4 card.
    for (const from of ['menu', 'button']) {
      const share = mp.call(page, 'onShareAppMessage', mp.realmClone({ from })) as Record<string, string>
      expect(share).toEqual({
        title: first.title,
        path: articleLink(first.id),
        imageUrl: '/pages/article/share/card-5x4.png'
      })
    }
    // 分享到朋友圈: a query, not a path, and a 1:1 card.
    expect(mp.share('onShareTimeline')).toEqual({
      title: first.title,
      query: `issue=${SAMPLE_ID}&article=${encodeURIComponent(first.id)}&from=share`,
      imageUrl: '/pages/article/share/card-1x1.png'
    })
    // The cards are files of the article's subpackage, where WeChat looks them up.
    for (const card of ['card-5x4.png', 'card-1x1.png'])
      expect(existsSync(join(DIST, 'pages/article/share', card)), card).toBe(true)
    // Both menu entries exist because the page defines both handlers (WeChat greys out what is missing).
    expect(typeof page.instance.onShareAppMessage).toBe('function')
    expect(typeof page.instance.onShareTimeline).toBe('function')

    // 下一篇 replaces the page (redirectTo); 目录 opens the contents (nothing to go back to).
    page.tap('下一篇')
    await mp.see(second.paragraphs[0].slice(0, 30))
    expect(mp.pages.map((p) => p.route)).toEqual(['pages/article/index'])
    mp.page.tap('目录')
    await mp.until(() => mp.page.route === 'pages/issue/index', 'the contents page')
    // Signed in with WeChat in the background (not in 单页模式).
    await mp.until(() => mp.wx.log.requests.some((r) => r.url.startsWith('/api/auth') && r.ok), 'sign-in')
    expect(mp.wx.log.logins).toBeGreaterThan(0)
  })

  it("follows WeChat's font size (fontSizeScaleFactor)", async () => {
    const { first } = firstArticles(await app.issue())
    const mp = app.start(app.device({ fontSizeScaleFactor: 1.4 }), {
      path: 'pages/article/index',
      query: { issue: SAMPLE_ID, article: first.id }
    })
    const page = await mp.see(first.title!)
    const body = page.byClass('article-text')[0]
    const expected = typographyFor(DEFAULT_FONT_STEP, false, 1.4).bodyPx
    expect(expected).toBeGreaterThan(typographyFor(DEFAULT_FONT_STEP, false, 1).bodyPx)
    expect(String(body.st)).toContain(`font-size: ${expected}px`)
  })

  it('reads a downloaded issue with the network gone: every wx.request fails, the article still renders', async () => {
    const { first } = firstArticles(await app.issue())
    const device = app.device()
    const online = app.start(device, { path: 'pages/issue/index', query: { issue: SAMPLE_ID } })
    ;(await online.see('下载离线阅读')).tap('下载离线阅读')
    await online.see('✓ 已下载，可离线阅读')
    online.kill()

    device.setOnline(false)
    const mp = app.start(device, {
      path: 'pages/article/index',
      query: { issue: SAMPLE_ID, article: first.id, from: 'share' },
      scene: 1007
    })
    const page = await mp.see(first.paragraphs[0])
    expect(page.text()).toContain(first.title)
    await mp.settle(200)
    expect(mp.wx.log.requests.every((r) => !r.ok)).toBe(true)
    expect(page.has('网络')).toBe(true) // the offline banner

    // The library offline lists the downloaded issue from the catalog; back online it refreshes.
    mp.page.tap('目录')
    await mp.until(() => mp.page.route === 'pages/issue/index', 'contents')
    await mp.see(first.title!)
  })

  it('keeps the reading position when the app is killed and opens there again', async () => {
    // The longest article, so that there is somewhere to scroll to.
    const first = firstArticles(await app.issue())
      .all.filter((a) => a.title)
      .sort((a, b) => b.paragraphs.join('').length - a.paragraphs.join('').length)[0]
    const device = app.device()
    const link = { path: 'pages/article/index', query: { issue: SAMPLE_ID, article: first.id } }
    const mp = app.start(device, link)
    await mp.see(first.paragraphs[0])
    // The page measures its layout once every paragraph is rendered (a selector query, then the window height);
    // the reader scrolls after that.
    await mp.until(() => mp.wx.log.calls.includes('getWindowInfo'), 'the layout measured')
    mp.scroll(300)
    const position = () => {
      const saved = JSON.parse(String(device.storage.get('progress') ?? '{"state":{"articles":{}}}')).state
        .articles as Record<string, { articleId: string; position: number }>
      // This article's record: the member's other articles (synced from earlier tests) may be there too.
      return Object.values(saved).find((p) => p.articleId === first.id)?.position ?? 0
    }
    await mp.until(() => position() > 0.05, 'the position saved')
    mp.kill()

    const again = app.start(device, link)
    await again.see(first.paragraphs[0])
    await again.until(() => again.page.scrollTop > 0, 'the position restored')
    expect(Math.abs(again.page.scrollTop - 300)).toBeLessThan(5)

    // A shared link opens at the top even though there is a saved position.
    again.kill()
    const shared = app.start(device, { ...link, query: { ...link.query, from: 'share' } })
    await shared.see(first.paragraphs[0])
    await shared.settle(300)
    expect(shared.page.scrollTop).toBe(0)
  })

  it('left on an article, the next start without a path opens 书架 with that article over it', async () => {
    const { first } = firstArticles(await app.issue())
    const device = app.device()
    const mp = app.start(device, { path: 'pages/issue/index', query: { issue: SAMPLE_ID }, scene: 1007 })
    ;(await mp.see(first.title!)).tap(first.title!)
    await mp.see(first.paragraphs[0])
    expect(mp.pageJson('pages/article/index').restartStrategy).toBe('homePageAndLatestPage')
    mp.hide()
    mp.kill()

    // From 发现栏 (no path): 书架 under the article, so back is 书架.
    const again = app.start(device)
    await again.see(first.paragraphs[0])
    expect(again.pages.map((p) => p.route)).toEqual(['pages/library/index', 'pages/article/index'])
    again.navigateBackFromUser()
    await again.see('重庆党史工作')
    expect(again.pages.map((p) => p.route)).toEqual(['pages/library/index'])
    again.kill()

    // Left on 书架: 书架 alone. A link (a path) opens the link, whatever was left open.
    const third = app.start(device)
    await third.see('重庆党史工作')
    expect(third.pages.map((p) => p.route)).toEqual(['pages/library/index'])
    ;(await third.see('重庆党史工作')).tap('重庆党史工作')
    await third.until(() => third.page.route === 'pages/issue/index', 'contents')
    ;(await third.see(first.title!)).tap(first.title!)
    await third.see(first.paragraphs[0])
    third.kill()
    const shared = app.start(device, { path: 'pages/issue/index', query: { issue: SAMPLE_ID }, scene: 1007 })
    await shared.see(first.title!)
    expect(shared.pages.map((p) => p.route)).toEqual(['pages/issue/index'])
  })

  it('counts reading time while shown and saves it on hide and on leaving', async () => {
    const { first } = firstArticles(await app.issue())
    const device = app.device()
    const mp = app.start(device, { path: 'pages/issue/index', query: { issue: SAMPLE_ID } })
    ;(await mp.see(first.title!)).tap(first.title!)
    await mp.see(first.paragraphs[0])
    await mp.settle(300)
    mp.hide()
    const time = () =>
      Object.values(
        JSON.parse(String(device.storage.get('progress'))).state.articles as Record<string, { timeSpentMs: number }>
      )[0]?.timeSpentMs ?? 0
    await mp.until(() => device.storage.has('progress') && time() > 0, 'time saved on hide')
    mp.show()
    await mp.settle(100)
    mp.page.tap('目录') // back to the contents: the article page unloads
    await mp.until(() => mp.pages.length === 1, 'article unloaded')
    expect(mp.page.route).toBe('pages/issue/index')
  })
})

describe('我的 (me)', () => {
  it('signs in with WeChat against the server and shows the member and the reading settings', async () => {
    const mp = app.start(app.device({ user: 'reader-me' }))
    await mp.see('重庆党史工作')
    mp.tabTo('pages/me/index')
    const page = await mp.see('台设备已登录')
    expect(page.text()).toMatch(/党员/)
    expect(page.has('已读文章')).toBe(true)
    expect(page.has('关怀模式（大字、高对比）')).toBe(true)
    page.tap('A+')
    await mp.see(`${DEFAULT_FONT_STEP + 2}/7`)
    expect(mp.pages.map((p) => p.route)).toEqual(['pages/me/index'])
    mp.tabTo('pages/library/index')
    await mp.see('重庆党史工作')
  })
})
