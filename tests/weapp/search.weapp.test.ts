// 搜索 in the built mini-program: the search page (its own subpackage) asks the server for an issue not on the
// phone and marks the hit; after a download the index is built on the phone's file system, and offline a phrase
// from an article body is found there and opens the article at its paragraph, tinted.
import { describe, expect, it } from 'vitest'
import { SAMPLE_ID, weappFixture } from './support'

const app = weappFixture()

describe('搜索 (weapp)', () => {
  it('marks server hits not on the phone; after a download finds a body phrase offline and opens its paragraph', async () => {
    const issue = await app.issue()
    const article = issue.sections
      .flatMap((s) => s.articles)
      .find((a) => a.paragraphs.length >= 3 && a.paragraphs[2].length > 40)!
    const phrase = article.paragraphs[2].slice(12, 26)
    const phone = app.device()

    // Online, nothing downloaded: the server's hit, marked as not on the phone.
    const first = app.start(phone, { path: 'pages/search/index', query: { q: '千秋红岩' } })
    const page = await first.see('未下载，需联网', 15_000)
    expect(page.route).toBe('pages/search/index')
    expect(page.has('联网找到的其他文章')).toBe(true)
    first.kill()

    // Download from the shelf, as a member does.
    const second = app.start(phone)
    ;(await second.see('重庆党史工作')).tap('重庆党史工作')
    ;(await second.see('下载离线阅读')).tap('下载离线阅读')
    await second.see('✓ 已下载，可离线阅读', 15_000)
    second.kill()

    // Offline, a cold start on the search page: the phrase is found in the index built on the phone.
    phone.setOnline(false)
    const third = app.start(phone, { path: 'pages/search/index', query: { q: phrase } })
    const results = await third.see('本机找到', 15_000)
    expect(results.has('未下载')).toBe(false)
    expect(results.byClass('search-hl').length).toBeGreaterThan(0)
    expect([...phone.files.keys()].some((f) => f.includes('/search/seg-'))).toBe(true)
    const title = article.title ?? '信息短波'
    results.tap(title)
    await third.until(() => third.page.route === 'pages/article/index', 'the article opened', 15_000)
    const opened = await third.see(article.paragraphs[2].slice(0, 20), 15_000)
    expect(opened.options).toMatchObject({ issue: SAMPLE_ID, article: article.id, p: '2' })
    await third.until(() => opened.byClass('para--linked').length === 1, 'the paragraph tinted')
    expect(opened.byClass('para--linked')[0].uid).toBe('para-2')
  })
})
