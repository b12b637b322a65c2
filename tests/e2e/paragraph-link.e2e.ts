// A link to one of an article's paragraphs (`p=`, as the quiz review's 出处 and search results use): the article
// opens with that paragraph near the top of the screen, tinted, even far beyond the first rendered chunk.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { PHONE, screenshot, settled, topPage } from './support'
import { useAppAndBrowser } from './fixture'

const ISSUE = 'chongqing-dangshi-gongzuo-2020-02'
const ctx = useAppAndBrowser()

interface Article {
  id: string
  title: string
  paragraphs: string[]
}

async function articles(): Promise<Article[]> {
  const res = await fetch(`${ctx.app.url}api/issues/${ISSUE}`)
  const issue = (await res.json()) as { sections: Array<{ articles: Article[] }> }
  return issue.sections.flatMap((s) => s.articles)
}

const linkTo = (articleId: string, p: string | number) =>
  `${ctx.app.url}#/pages/article/index?issue=${ISSUE}&article=${encodeURIComponent(articleId)}&p=${p}`

/** Opens a page that records the app's uncaught errors. */
async function phone(): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await ctx.browser.newContext(PHONE)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  return { page, errors, close: () => context.close() }
}

/** Waits for paragraph `n` to be tinted and returns where it is on screen. */
async function landedOn(page: Page, n: number): Promise<{ y: number; height: number }> {
  const para = topPage(page).locator(`#para-${n}`)
  await expect.poll(() => para.evaluate((el) => el.classList.contains('para--linked')), { timeout: 20000 }).toBe(true)
  await page.waitForTimeout(500) // the tint fades in
  const box = await para.boundingBox()
  expect(box).not.toBeNull()
  return { y: box!.y, height: box!.height }
}

/** WCAG contrast of an element's text against its own background colour. */
async function ownContrast(page: Page, selector: string): Promise<number> {
  return topPage(page)
    .locator(selector)
    .evaluate((el) => {
      const lum = (c: string) => {
        const [r, g, b] = (c.match(/\d+(\.\d+)?/g) ?? [])
          .slice(0, 3)
          .map(Number)
          .map((v) => v / 255)
          .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
      }
      const style = getComputedStyle(el)
      const fg = lum(style.color)
      const bg = lum(style.backgroundColor)
      return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05)
    })
}

describe('paragraph links (H5 in Chromium at 375×812)', () => {
  it('opens a long article at a paragraph far beyond the first chunk, tinted, and the tint goes once the reader scrolls', async () => {
    const { page, errors, close } = await phone()
    // The shipped articles are short: the first one is made 200 paragraphs long (rendered 24 at a time).
    await page.route(`**/api/issues/${ISSUE}`, async (route) => {
      const res = await route.fetch()
      const issue = await res.json()
      issue.sections[0].articles[0].paragraphs = Array.from(
        { length: 200 },
        (_, i) => `第${i + 1}段。${'党史学习教育'.repeat(20)}`
      )
      await route.fulfill({ response: res, json: issue, headers: { ...res.headers(), etag: '"long"' } })
    })
    const [first] = await articles()
    await page.goto(linkTo(first.id, 150))
    await settled(page)
    const at = await landedOn(page, 150)
    await expect(topPage(page).locator('#para-150').textContent()).resolves.toContain('第151段')
    // Near the top, under the 2 px progress bar: the start of the paragraph is the first thing read.
    expect(at.y, JSON.stringify(at)).toBeGreaterThanOrEqual(8)
    expect(at.y).toBeLessThan(120)
    expect(await topPage(page).locator('.para--linked').count()).toBe(1)
    const background = () =>
      topPage(page)
        .locator('#para-150')
        .evaluate((el) => getComputedStyle(el).backgroundColor)
    await expect.poll(background, { timeout: 3000 }).toBe('rgb(245, 230, 196)') // faded in
    expect(await ownContrast(page, '#para-150')).toBeGreaterThanOrEqual(4.5)
    await screenshot(page, 'paragraph-link-day')

    // Night mode: the tint is dark and the text stays readable on it. (A tap brings back the toolbar.)
    await page.mouse.click(187, 400)
    await page.waitForTimeout(300)
    await topPage(page).getByText('Aa', { exact: true }).click()
    await topPage(page).getByText('夜间模式', { exact: true }).click()
    await page.mouse.click(187, 400)
    await page.waitForTimeout(400)
    expect(
      await topPage(page)
        .locator('#para-150')
        .evaluate((el) => el.classList.contains('para--linked'))
    ).toBe(true)
    expect(await ownContrast(page, '#para-150')).toBeGreaterThanOrEqual(4.5)
    await screenshot(page, 'paragraph-link-night')

    // The reader scrolls on: the tint fades.
    await page.mouse.move(187, 400)
    for (let i = 0; i < 3; i++) {
      await page.mouse.wheel(0, 200)
      await page.waitForTimeout(120)
    }
    await expect.poll(() => topPage(page).locator('.para--linked').count(), { timeout: 5000 }).toBe(0)
    expect(errors).toEqual([])
    await close()
  })

  it('opens the longest shipped article at its last paragraph without marking it read', async () => {
    const { page, errors, close } = await phone()
    const longest = (await articles()).reduce((a, b) => (b.paragraphs.length > a.paragraphs.length ? b : a))
    const last = longest.paragraphs.length - 1
    await page.goto(linkTo(longest.id, last))
    await settled(page)
    const at = await landedOn(page, last)
    expect(at.y).toBeGreaterThanOrEqual(0)
    expect(at.y + Math.min(at.height, 200)).toBeLessThanOrEqual(812) // on screen
    await screenshot(page, 'paragraph-link-last')
    // Landing at the end is not reading to the end: the shelf still counts nothing read.
    await page.waitForTimeout(1500)
    // 书架 by its route: the plain address would reopen the article the app is on.
    await page.goto(`${ctx.app.url}#/pages/library/index`)
    await settled(page)
    await expect(page.locator('[data-testid=issue-card]').first().textContent()).resolves.toContain('已读 0/19')
    expect(errors).toEqual([])
    await close()
  })

  it('opens normally, with nothing tinted, when `p` is out of range or no number', async () => {
    const { page, errors, close } = await phone()
    const [first] = await articles()
    for (const p of [String(first.paragraphs.length), '99999', '-1', '2.5', 'abc', '%E0%A4']) {
      await page.goto(linkTo(first.id, p))
      await settled(page)
      await topPage(page).locator('.para').first().waitFor()
      await expect(topPage(page).locator('.article-title').textContent()).resolves.not.toBe('')
      await page.waitForTimeout(400)
      expect(await topPage(page).locator('.para--linked').count(), p).toBe(0)
      expect(await topPage(page).locator('[data-testid=article-missing]').count(), p).toBe(0)
    }
    expect(errors).toEqual([])
    await close()
  })
})
