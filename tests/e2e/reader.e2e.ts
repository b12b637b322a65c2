import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { PHONE, screenshot, settled, textContrast, topPage } from './support'
import { useAppAndBrowser } from './fixture'

const ISSUE = 'chongqing-dangshi-gongzuo-2020-02'
const ctx = useAppAndBrowser()

async function openIssue(page: Page): Promise<void> {
  await page.goto(ctx.app.url)
  await settled(page)
  await page.locator('[data-testid=issue-card]').first().click()
  await page.waitForURL(/pages\/issue\/index/)
  await settled(page)
  await topPage(page).getByText('【工作动态】').waitFor()
}

/** Scroll offset of the element that scrolls the top page (Taro H5 scrolls the page container, not the window). */
async function scrollTop(page: Page): Promise<number> {
  return page.evaluate(() => {
    const els = [
      document.scrollingElement,
      ...document.querySelectorAll('.taro_page, .taro-tabbar__panel')
    ] as Element[]
    return Math.max(...els.map((e) => e?.scrollTop ?? 0))
  })
}

describe('reader (H5 in Chromium at 375×812)', () => {
  it('library → issue → 信息短波 by the section bar → article → next article across a section boundary', async () => {
    const context = await ctx.browser.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(ctx.app.url)
    await settled(page)
    const card = page.locator('[data-testid=issue-card]').first()
    await expect(card.textContent()).resolves.toContain('重庆党史工作')
    await expect(card.textContent()).resolves.toContain('第2期 · 总第197期')
    await expect(card.textContent()).resolves.toContain('2020年6月9日')
    await expect(card.textContent()).resolves.toContain('已读 0/19')
    await screenshot(page, 'reader-library')

    await card.click()
    await settled(page)
    const pageEl = topPage(page)
    await pageEl.getByText('【工作动态】').waitFor()
    await screenshot(page, 'reader-issue')

    await pageEl.locator('.section-pill', { hasText: '信息短波' }).click()
    await page.waitForTimeout(700)
    await expect(pageEl.locator('.section-pill--active').textContent()).resolves.toBe('信息短波')
    const head = await pageEl.getByText('【信息短波】').boundingBox()
    expect(head?.y, JSON.stringify(head)).toBeGreaterThanOrEqual(40) // just under the sticky bar, not hidden by it
    expect(head?.y).toBeLessThan(812 / 2)
    expect(await pageEl.locator('[data-testid=short-news]').count()).toBe(5)
    await expect(pageEl.locator('[data-testid=short-news]').first().isVisible()).resolves.toBe(true)
    await screenshot(page, 'reader-issue-short-news')

    // Scrolling back up by hand: the bar follows the section in view.
    await page.mouse.move(187, 500)
    const seen = new Set<string>()
    for (let i = 0; i < 80 && (await pageEl.locator('.section-pill--active').textContent()) !== '工作动态'; i++) {
      await page.mouse.wheel(0, -100)
      await page.waitForTimeout(60)
      seen.add((await pageEl.locator('.section-pill--active').textContent()) ?? '')
      if ((await pageEl.locator('.section-pill--active').textContent()) === '抗疫进行时') {
        const head = await pageEl.getByText('【抗疫进行时】').boundingBox()
        expect(head?.y ?? 0).toBeLessThan(812) // the active section is the one on screen
      }
    }
    await expect(pageEl.locator('.section-pill--active').textContent()).resolves.toBe('工作动态')
    expect(seen.has('抗疫进行时')).toBe(true)

    await pageEl.locator('.section-pill', { hasText: '工作动态' }).click()
    await page.waitForTimeout(500)
    await pageEl.locator('[data-testid=article-row]').nth(12).click() // the last article of 工作动态
    await page.waitForURL(/pages\/article\/index/)
    await settled(page)
    await expect(topPage(page).locator('.article-title').textContent()).resolves.toBe(
      '大足区召开《图说大足党史》《口述大足党史》编写大纲讨论会'
    )
    await screenshot(page, 'reader-article')

    await topPage(page).getByText('下一篇', { exact: true }).click()
    await page.waitForURL(/article=/)
    await settled(page)
    await expect(topPage(page).locator('.article-section').textContent()).resolves.toBe('【抗疫进行时】')
    await expect(topPage(page).locator('.article-title').textContent()).resolves.toBe(
      '全市党史部门部署推进疫情防控史料征编工作取得阶段性进展'
    )
    await context.close()
  })

  it('keeps the font size and the reading position after the app is killed', async () => {
    const context = await ctx.browser.newContext(PHONE)
    const page = await context.newPage()
    await openIssue(page)
    await topPage(page).locator('[data-testid=article-row]').nth(2).click()
    await settled(page)
    const articleUrl = page.url()
    const para = () => topPage(page).locator('.article-text').first()
    const before = await para().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    await topPage(page).getByText('Aa', { exact: true }).click()
    await topPage(page).getByText('A+', { exact: true }).click()
    await topPage(page).getByText('A+', { exact: true }).click()
    await page.mouse.click(187, 100) // close the panel by tapping outside
    const after = await para().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(after).toBeGreaterThan(before)

    await page.mouse.move(187, 400)
    for (let i = 0; i < 6; i++) {
      await page.mouse.wheel(0, 300)
      await page.waitForTimeout(120)
    }
    await page.waitForTimeout(900)
    const position = await scrollTop(page)
    expect(position).toBeGreaterThan(500)
    const state = await context.storageState()
    await context.close() // the app is killed

    const again = await ctx.browser.newContext({ ...PHONE, storageState: state })
    const page2 = await again.newPage()
    await page2.goto(articleUrl)
    await settled(page2)
    await page2.waitForTimeout(800)
    const size2 = await topPage(page2)
      .locator('.article-text')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(size2).toBe(after)
    const restored = await scrollTop(page2)
    expect(Math.abs(restored - position)).toBeLessThan(120)
    await again.close()
  })

  it('large type, care mode and night mode look right', async () => {
    const context = await ctx.browser.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(`${ctx.app.url}#/pages/article/index?issue=${ISSUE}&article=${await firstArticleId()}`)
    await settled(page)
    await topPage(page).getByText('Aa', { exact: true }).click()
    await topPage(page).getByText('关怀模式', { exact: true }).click()
    await page.mouse.click(187, 100)
    const size = await topPage(page)
      .locator('.article-text')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(size).toBeGreaterThanOrEqual(24)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    // Contrast of every kind of text against the page in care mode: at least 7:1.
    const ratios = await textContrast(topPage(page), ['.para', '.article-title', '.article-meta', '.attribution'], true)
    for (const [sel, ratio] of ratios) expect(ratio, sel).toBeGreaterThanOrEqual(7)
    await screenshot(page, 'reader-article-large')
    await topPage(page).getByText('Aa', { exact: true }).click()
    await topPage(page).getByText('关怀模式', { exact: true }).click()
    await topPage(page).getByText('夜间模式', { exact: true }).click()
    await page.mouse.click(187, 100)
    const bg = await topPage(page)
      .locator('.screen')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(bg).toBe('rgb(21, 21, 23)')
    await screenshot(page, 'reader-article-night')
    await context.close()
  })

  it('marks an article read once scrolled to its end, in the contents and on the shelf', async () => {
    const context = await ctx.browser.newContext(PHONE)
    const page = await context.newPage()
    await openIssue(page)
    await topPage(page).locator('[data-testid=article-row]').nth(1).click()
    await settled(page)
    await page.mouse.move(187, 400)
    for (let i = 0; i < 12; i++) {
      await page.mouse.wheel(0, 600)
      await page.waitForTimeout(80)
    }
    await page.waitForTimeout(400)
    await page.goBack()
    await settled(page)
    const row = topPage(page).locator('[data-testid=article-row]').nth(1)
    await expect.poll(() => row.textContent(), { timeout: 5000 }).toContain('已读')
    expect(await topPage(page).locator('[data-testid=article-row]').nth(0).textContent()).not.toContain('已读')
    await page.goBack()
    await settled(page)
    await expect.poll(() => page.locator('[data-testid=issue-card]').first().textContent()).toContain('已读 1/19')
    await context.close()
  })

  it('shares an article on H5 by copying its link, and the link opens that article', async () => {
    const context = await ctx.browser.newContext(PHONE)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ctx.app.url })
    const page = await context.newPage()
    await openIssue(page)
    await topPage(page).locator('[data-testid=article-row]').nth(3).click()
    await settled(page)
    await page.evaluate(() => {
      ;(navigator as unknown as { share?: unknown }).share = undefined
    })
    await topPage(page).getByText('分享', { exact: true }).click()
    await page.getByText('链接已复制，可粘贴到群聊').waitFor()
    const link = await page.evaluate(() => navigator.clipboard.readText())
    expect(link).toMatch(/#\/pages\/article\/index\?issue=.+&article=.+&from=share$/)
    await context.close()

    const friend = await ctx.browser.newContext(PHONE)
    const theirs = await friend.newPage()
    await theirs.goto(link)
    await settled(theirs)
    await expect(topPage(theirs).locator('.article-title').textContent()).resolves.toBe(
      '成渝两地党史部门就加强合作交流达成共识'
    )
    await friend.close()
  })

  it('a shared deep link opens exactly that article, at its top, in a fresh browser', async () => {
    const id = await firstArticleId(2)
    const context = await ctx.browser.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(`${ctx.app.url}#/pages/article/index?issue=${ISSUE}&article=${id}&from=share`)
    await settled(page)
    await expect(topPage(page).locator('.article-title').textContent()).resolves.toBe(
      '市委党史研究室深入基层调研推动对口帮扶工作'
    )
    expect(await scrollTop(page)).toBe(0)
    await context.close()
  })

  it('a mangled or unknown link says so in Chinese instead of a blank page', async () => {
    const context = await ctx.browser.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(`${ctx.app.url}#/pages/article/index?issue=${ISSUE}&article=%E0%A4`)
    await settled(page)
    await expect(topPage(page).locator('[data-testid=article-missing]').textContent()).resolves.toContain(
      '找不到这篇文章'
    )
    await page.goto(`${ctx.app.url}#/pages/article/index?issue=%E0%A4&article=x`)
    await page.reload()
    await settled(page)
    await expect(topPage(page).locator('[data-testid=article-missing]').textContent()).resolves.toContain('这一期')
    await context.close()
  })

  it('shows HTML and script inside an article as text, never runs it', async () => {
    const context = await ctx.browser.newContext(PHONE)
    const page = await context.newPage()
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    await page.route(`**/api/issues/${ISSUE}`, async (route) => {
      const res = await route.fetch()
      const issue = await res.json()
      issue.sections[0].articles[0].paragraphs.unshift(hostile)
      await route.fulfill({ response: res, json: issue, headers: { ...res.headers(), etag: '"x"' } })
    })
    const id = await firstArticleId()
    await page.goto(`${ctx.app.url}#/pages/article/index?issue=${ISSUE}&article=${id}`)
    await settled(page)
    await expect(topPage(page).locator('.para').first().textContent()).resolves.toBe(hostile)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    await context.close()
  })

  it('renders an article of 200 paragraphs in pieces without freezing the page', async () => {
    const context = await ctx.browser.newContext(PHONE)
    const page = await context.newPage()
    await page.route(`**/api/issues/${ISSUE}`, async (route) => {
      const res = await route.fetch()
      const issue = await res.json()
      issue.sections[0].articles[0].paragraphs = Array.from(
        { length: 200 },
        (_, i) => `第${i + 1}段。${'党史学习教育'.repeat(20)}`
      )
      await route.fulfill({ response: res, json: issue, headers: { ...res.headers(), etag: '"long"' } })
    })
    // Long tasks (> 50 ms on the main thread) while the article renders: none may block input for long.
    await page.addInitScript(() => {
      const w = window as unknown as { __longest: number }
      w.__longest = 0
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration)
      }).observe({ type: 'longtask', buffered: true })
    })
    const id = await firstArticleId()
    await page.goto(`${ctx.app.url}#/pages/article/index?issue=${ISSUE}&article=${id}`)
    await topPage(page).locator('.para').first().waitFor()
    const firstCount = await topPage(page).locator('.para').count()
    expect(firstCount).toBeLessThan(200) // the first screen comes before the rest
    await expect.poll(() => topPage(page).locator('.para').count(), { timeout: 15000 }).toBe(200)
    await expect(topPage(page).locator('.para').last().textContent()).resolves.toContain('第200段')
    const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest)
    expect(longest).toBeLessThan(1000)
    await context.close()
  })

  it('an issue opened from its link offers 回到书架; opened from 书架 it does not', async () => {
    const context = await ctx.browser.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(`${ctx.app.url}#/pages/issue/index?issue=${ISSUE}`)
    await settled(page)
    const shelf = topPage(page).locator('[data-testid=issue-shelf]')
    await expect(shelf.textContent()).resolves.toBe('回到书架')
    await screenshot(page, 'reader-issue-from-link')
    await shelf.click()
    await page.waitForURL(/pages\/library\/index/)
    await settled(page)
    await topPage(page).locator('[data-testid=issue-card]').first().click()
    await page.waitForURL(/pages\/issue\/index/)
    await settled(page)
    await topPage(page).getByText('【工作动态】').waitFor()
    expect(await topPage(page).locator('[data-testid=issue-shelf]').count()).toBe(0)
    await context.close()
  })

  it('downloads an issue and reads it with no network after a reload', async () => {
    const context = await ctx.browser.newContext(PHONE)
    const page = await context.newPage()
    await openIssue(page)
    await topPage(page).locator('[data-testid=download-issue]').click()
    await topPage(page).locator('[data-testid=offline-badge]').waitFor({ timeout: 15000 })
    // The service worker must control the page before the network goes away, or the shell cannot load.
    await page.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, { timeout: 20000 })
    const id = await firstArticleId(1)
    await context.setOffline(true)
    await page.goto(`${ctx.app.url}#/pages/article/index?issue=${ISSUE}&article=${id}`)
    await settled(page)
    await expect(topPage(page).locator('.article-title').textContent()).resolves.toBe(
      '市委党史研究室领导调研指导开州区党史工作'
    )
    await topPage(page).locator('[data-testid=offline-banner]').waitFor()
    await screenshot(page, 'reader-offline')
    // 书架 by its route: the plain address would reopen the article the app is on.
    await page.goto(`${ctx.app.url}#/pages/library/index`)
    await settled(page)
    await expect(page.locator('[data-testid=issue-card]').first().textContent()).resolves.toContain('已下载')
    await context.close()
  })
})

/** The id of the n-th article of the seed issue, from the server (ids are stable hashes of the text). */
async function firstArticleId(n = 0): Promise<string> {
  const res = await fetch(`${ctx.app.url}api/issues/${ISSUE}`)
  const issue = (await res.json()) as { sections: Array<{ articles: Array<{ id: string }> }> }
  return issue.sections[0].articles[n].id
}
