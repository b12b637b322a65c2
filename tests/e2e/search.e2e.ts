// 搜索 on H5: an issue not on the device is found by the server and marked so; once downloaded, a phrase from an
// article body is found offline, and opening the hit lands on its paragraph, highlighted.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { PHONE, screenshot, settled, textContrast, topPage } from './support'
import { useAppAndBrowser } from './fixture'

const ISSUE = 'chongqing-dangshi-gongzuo-2020-02'
const ctx = useAppAndBrowser()

interface Article {
  id: string
  title: string | null
  paragraphs: string[]
}

async function articles(): Promise<Article[]> {
  const res = await fetch(`${ctx.app.url}api/issues/${ISSUE}`)
  const issue = (await res.json()) as { sections: Array<{ articles: Article[] }> }
  return issue.sections.flatMap((s) => s.articles)
}

async function searchFor(page: Page, query: string): Promise<void> {
  const input = topPage(page).locator('[data-testid=search-input] input')
  await input.fill(query)
  await topPage(page).locator('[data-testid=search-go]').click()
}

describe('搜索 (H5 in Chromium at 375×812)', () => {
  it('marks server hits not on the device, then finds a body phrase offline and opens it at its paragraph', async () => {
    const all = await articles()
    // The third paragraph of the first article with three, a run from its middle (with its punctuation).
    const article = all.find((a) => a.paragraphs.length >= 3 && a.paragraphs[2].length > 40)!
    const phrase = article.paragraphs[2].slice(12, 26)
    const context = await ctx.browser.newContext(PHONE)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(ctx.app.url)
    await settled(page)

    // Online, nothing downloaded: the server finds it, and says the issue is not on the device.
    await page.locator('[data-testid=open-search]').click()
    await page.waitForURL(/pages\/search\/index/)
    await settled(page)
    await searchFor(page, '千秋红岩')
    const away = topPage(page).locator('[data-testid=search-online] [data-testid=search-hit]').first()
    await away.waitFor({ timeout: 20000 })
    await expect(away.textContent()).resolves.toContain('未下载，需联网')
    await expect(topPage(page).locator('[data-testid=search-results]').count()).resolves.toBe(0)
    await screenshot(page, 'search-online')

    // Download the issue from the shelf, go offline, search again.
    await page.goBack()
    await settled(page)
    await page.locator('[data-testid=issue-card]').first().click()
    await page.waitForURL(/pages\/issue\/index\?issue=/)
    await settled(page)
    await topPage(page).locator('[data-testid=download-issue]').click()
    await topPage(page).locator('[data-testid=offline-badge]').waitFor({ timeout: 20000 })
    await page.goBack()
    await settled(page)
    await context.setOffline(true)
    await page.locator('[data-testid=open-search]').click()
    await page.waitForURL(/pages\/search\/index/)
    await settled(page)

    // Recent searches are shown while the field is empty.
    await expect(topPage(page).locator('[data-testid=search-recent]').textContent()).resolves.toContain('千秋红岩')

    // Nothing found: the page says what was searched and suggests fewer words.
    await searchFor(page, '量子计算机的原理')
    const empty = topPage(page).locator('[data-testid=search-empty]')
    await empty.waitFor({ timeout: 20000 })
    await expect(empty.textContent()).resolves.toContain('没有找到“量子计算机的原理”')
    await expect(empty.textContent()).resolves.toContain('少输入几个字')

    // The phrase, typed with full-width spaces instead of its punctuation: found on the device, offline.
    await searchFor(page, phrase.replace(/[，。、；：“”]/g, '　'))
    const hit = topPage(page).locator('[data-testid=search-results] [data-testid=search-hit]').first()
    await hit.waitFor({ timeout: 20000 })
    await expect(hit.textContent()).resolves.toContain(article.title ?? '信息短波')
    await expect(hit.textContent()).resolves.not.toContain('未下载')
    const marked = await hit.locator('.search-hl').allTextContents()
    expect(marked.join('').replace(/[，。、；：“”\s]/g, '')).toBe(phrase.replace(/[，。、；：“”\s]/g, ''))
    for (const [sel, ratio] of await textContrast(topPage(page), [
      '.search-hit__title',
      '.search-hit__snippet',
      '.search-hit__issue'
    ]))
      expect(ratio, sel).toBeGreaterThanOrEqual(4.5)
    await screenshot(page, 'search')

    await hit.click()
    await page.waitForURL(new RegExp(`pages/article/index\\?issue=${ISSUE}&article=${article.id}&p=2`))
    const para = topPage(page).locator('#para-2')
    await expect.poll(() => para.evaluate((el) => el.classList.contains('para--linked')), { timeout: 20000 }).toBe(true)
    await expect(para.textContent()).resolves.toContain(phrase)
    const box = await para.boundingBox()
    expect(box!.y).toBeGreaterThanOrEqual(0)
    expect(box!.y).toBeLessThan(812)
    expect(errors).toEqual([])
    await context.close()
  })
})
