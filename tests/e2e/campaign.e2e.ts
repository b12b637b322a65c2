// The campaign page on H5: a member reads two articles and shares one, and sees 读 and 讲 move; records a talk.
// The app runs with the shipped campaign (2020): the page says 已结束 and the 答 phase offers practice.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openMe, PHONE, screenshot, settled, textContrast, topPage } from './support'
import { useAppAndBrowser } from './fixture'

const ctx = useAppAndBrowser()
const num = async (page: Page, testId: string): Promise<number> =>
  Number(/\d+/.exec((await topPage(page).locator(`[data-testid=${testId}]`).textContent()) ?? '')?.[0] ?? NaN)

/** From the shelf to the campaign page, by its card (loading the app first when `load`). */
async function openCampaign(page: Page, load = true): Promise<void> {
  if (load) {
    await page.goto(ctx.app.url)
    await settled(page)
  }
  await topPage(page).locator('[data-testid=open-campaign]').click()
  await page.waitForURL(/pages\/campaign\/index\/index/)
  await settled(page)
  await topPage(page).locator('[data-testid=phase-answer]').waitFor({ timeout: 20000 })
}

/**
 * From the shelf, opens the nth article of the first issue and scrolls it to its end (which marks it read), then
 * goes back to the shelf the way a member does (no reload: the app keeps running).
 */
async function readArticle(page: Page, row: number, share = false): Promise<void> {
  await page.locator('[data-testid=issue-card]').first().click()
  await page.waitForURL(/pages\/issue\/index/)
  await settled(page)
  await topPage(page).getByText('【工作动态】').waitFor({ timeout: 30000 })
  await topPage(page).locator('[data-testid=article-row]').nth(row).click()
  await page.waitForURL(/pages\/article\/index/)
  await settled(page)
  await topPage(page).locator('.article-title').waitFor()
  if (share) {
    // Share it first (the toolbar hides while scrolling down): on H5 that copies its link.
    await page.evaluate(() => {
      ;(navigator as unknown as { share?: unknown }).share = undefined
    })
    await topPage(page).getByText('分享', { exact: true }).click()
    await page.getByText('链接已复制，可粘贴到群聊').waitFor()
    // The toast's mask takes the wheel until it is gone.
    await page.getByText('链接已复制，可粘贴到群聊').waitFor({ state: 'hidden', timeout: 10000 })
  }
  await page.mouse.move(187, 400)
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, 600)
    await page.waitForTimeout(80)
  }
  await page.waitForTimeout(1500)
  await page.goBack()
  await settled(page)
  const line = topPage(page).locator('[data-testid=article-row]').nth(row)
  await expect.poll(() => line.textContent(), { timeout: 10000 }).toContain('已读')
  await page.goBack()
  await page.waitForURL(/pages\/library\/index/)
  await settled(page)
}

describe('the campaign page (H5)', () => {
  it('shows the phases; reading two articles and sharing one moves 读 and 讲; a talk is recorded', async () => {
    const context = await ctx.browser.newContext(PHONE)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ctx.app.url })
    const page = await context.newPage()
    await openMe(page, ctx.app.url)

    await openCampaign(page)
    const root = topPage(page)
    await expect(root.locator('.campaign-head__name').textContent()).resolves.toBe('“读党史、守初心、担使命”活动')
    await expect(root.locator('[data-testid=campaign-window]').textContent()).resolves.toBe('已结束')
    for (const key of ['read', 'listen', 'talk', 'answer']) await root.locator(`[data-testid=phase-${key}]`).waitFor()
    await expect(root.locator('[data-testid=books-empty]').textContent()).resolves.toBe('组织者还没有列出推荐书目')
    await expect(root.locator('[data-testid=lectures-empty]').textContent()).resolves.toBe('组织者还没有列出宣讲安排')
    await expect.poll(() => root.locator('[data-testid=answer-state]').textContent()).toBe('未参加竞答')
    const read0 = await num(page, 'read-articles')
    const shares0 = await num(page, 'talk-shares')
    const talks0 = await num(page, 'talk-count')
    expect([read0, shares0, talks0]).toEqual([0, 0, 0])

    await page.goBack()
    await page.waitForURL(/pages\/library\/index/)
    await settled(page)
    await readArticle(page, 1)
    await readArticle(page, 3, true)

    await openCampaign(page, false)
    await expect.poll(() => num(page, 'read-articles'), { timeout: 10000 }).toBe(read0 + 2)
    await expect.poll(() => num(page, 'talk-shares'), { timeout: 10000 }).toBe(shares0 + 1)

    // 讲: a talk with a title, on today's date (the picker's default).
    const again = topPage(page)
    await again.locator('[data-testid=talk-title] input').fill('红岩精神永放光芒')
    await again.locator('[data-testid=talk-save]').click()
    await expect.poll(() => num(page, 'talk-count'), { timeout: 10000 }).toBe(talks0 + 1)
    await expect(again.locator('[data-testid=talk]').first().textContent()).resolves.toContain('红岩精神永放光芒')
    await page.getByText('已记录').waitFor({ state: 'hidden', timeout: 10000 })
    await screenshot(page, 'campaign-talk')
    await page.evaluate(() => {
      for (const el of [document.scrollingElement, ...document.querySelectorAll('.taro_page')]) el?.scrollTo(0, 0)
    })
    await settled(page)
    await screenshot(page, 'campaign')

    // The marks are synced facts: on the server for this member, so every device shows the same.
    await expect
      .poll(
        async () => {
          const token = await page.evaluate(() => {
            const raw = localStorage.getItem('session')
            return raw ? (JSON.parse(raw) as { state?: { token?: string } }).state?.token : undefined
          })
          const res = await fetch(`${ctx.app.url}api/sync/pull`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ cookie: 0 })
          })
          const facts = ((await res.json()) as { facts: Record<string, Record<string, unknown>> }).facts
          return [Object.keys(facts.reads).length, Object.keys(facts.shares).length, Object.keys(facts.talks).length]
        },
        { timeout: 15000 }
      )
      .toEqual([2, 1, 1])
    await context.close()
  })

  it('night mode and 关怀模式 stay readable', async () => {
    const context = await ctx.browser.newContext(PHONE)
    const page = await context.newPage()
    await openMe(page, ctx.app.url)
    await page.getByText('夜间模式').click()
    await page.getByText('关怀模式（大字、高对比）').click()
    await page.getByText('书架', { exact: true }).last().click()
    await page.waitForURL(/pages\/library\/index/)
    await settled(page)
    await topPage(page).locator('[data-testid=open-campaign]').click()
    await page.waitForURL(/pages\/campaign\/index\/index/)
    await settled(page)
    const root = topPage(page)
    await root.locator('[data-testid=phase-answer]').waitFor({ timeout: 20000 })
    await expect(root.locator('.screen').first().getAttribute('class')).resolves.toContain('theme-night')
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    const contrasts = await textContrast(root, [
      '.campaign-head__name',
      '.campaign-phase__task',
      '.campaign-status',
      '.campaign-none',
      '.campaign-bar__count'
    ])
    for (const [sel, ratio] of contrasts) expect(ratio, sel).toBeGreaterThanOrEqual(4.5)
    await screenshot(page, 'campaign-night')
    await context.close()
  })
})
