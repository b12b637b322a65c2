import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { PHONE, screenshot, settled, textContrast, topPage } from './support'
import { useAppAndBrowser } from './fixture'

const ctx = useAppAndBrowser()

/** Answers Taro's confirmation dialog (Taro.showModal on H5), checking the button says what it does. */
async function answer(page: Page, button: '删除' | '取消'): Promise<void> {
  const dialog = page.locator('.taro-modal__content').last()
  await dialog.waitFor({ state: 'visible' })
  const target = dialog.locator(button === '删除' ? '.taro-model__confirm' : '.taro-model__cancel')
  await expect(target.textContent()).resolves.toBe(button)
  await target.click()
  await dialog.waitFor({ state: 'hidden' })
}

describe('我的 → 离线内容 (H5 in Chromium at 375×812)', () => {
  it('lists a download with its size, deletes it after a confirmation, and the shelf no longer says 已下载', async () => {
    const context = await ctx.browser.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(ctx.app.url)
    await settled(page)
    const card = page.locator('[data-testid=issue-card]').first()
    await expect(card.textContent()).resolves.not.toContain('已下载')
    await card.click()
    await page.waitForURL(/pages\/issue\/index\?issue=/)
    await settled(page)
    await topPage(page).locator('[data-testid=download-issue]').click()
    await topPage(page).locator('[data-testid=offline-badge]').waitFor({ timeout: 15000 })
    await page.goBack()
    await settled(page)
    await expect.poll(() => card.textContent()).toContain('已下载')

    await page.getByText('我的', { exact: true }).last().click()
    await page.waitForURL(/pages\/me\/index/)
    await settled(page)
    const row = page.locator('[data-testid=open-offline]')
    await expect.poll(() => row.textContent()).toMatch(/离线内容1 期 · \d+(\.\d)? (KB|MB)/)
    await row.click()
    await page.waitForURL(/pages\/offline\/index/)
    await settled(page)
    const offline = topPage(page)
    const download = offline.locator('[data-testid=download-row]')
    await expect(download.count()).resolves.toBe(1)
    await expect(download.textContent()).resolves.toContain('重庆党史工作')
    await expect(download.textContent()).resolves.toContain('第2期 · 总第197期')
    const size = (await download.locator('[data-testid=download-size]').textContent()) ?? ''
    expect(size).toMatch(/^\d+(\.\d)? (KB|MB)$/)
    await expect(offline.locator('[data-testid=storage-downloaded]').textContent()).resolves.toBe(`1 期 · ${size}`)
    await expect(offline.locator('[data-testid=storage-cached]').textContent()).resolves.toMatch(/ \/ 20 MB$/)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await screenshot(page, 'offline-content')

    // 取消 keeps it; 删除 deletes it.
    await download.locator('[data-testid=delete-download]').click()
    await answer(page, '取消')
    await expect(download.count()).resolves.toBe(1)
    await download.locator('[data-testid=delete-download]').click()
    await answer(page, '删除')
    await offline.locator('[data-testid=no-downloads]').waitFor()
    await expect(offline.locator('[data-testid=storage-downloaded]').textContent()).resolves.toBe('0 期 · 0 KB')
    await screenshot(page, 'offline-content-empty')

    await page.goBack()
    await settled(page)
    await expect.poll(() => page.locator('[data-testid=open-offline]').textContent()).toContain('未下载')
    await page.getByText('书架', { exact: true }).last().click()
    await page.waitForURL(/pages\/library\/index/)
    await settled(page)
    await expect.poll(() => page.locator('[data-testid=issue-card]').first().textContent()).not.toContain('已下载')
    await expect(page.locator('[data-testid=download-all]').textContent()).resolves.toBe('全部下载')

    // Still readable (from the network); the deleted download is not silently back.
    await page.locator('[data-testid=issue-card]').first().click()
    await settled(page)
    await topPage(page).locator('[data-testid=download-issue]').waitFor()
    await context.close()
  })

  it('deletes every download at once after a confirmation, in night mode and 关怀模式', async () => {
    const context = await ctx.browser.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(ctx.app.url)
    await settled(page)
    await page.locator('[data-testid=download-all]').click()
    await expect
      .poll(() => page.locator('[data-testid=download-all]').textContent(), { timeout: 20000 })
      .toBe('已全部下载')
    const issues = await page.locator('[data-testid=issue-card]').count()

    await page.getByText('我的', { exact: true }).last().click()
    await settled(page)
    await page.getByText('夜间模式').click()
    await page.getByText('关怀模式（大字、高对比）').click()
    await page.locator('[data-testid=open-offline]').click()
    await page.waitForURL(/pages\/offline\/index/)
    await settled(page)
    const offline = topPage(page)
    await expect(offline.locator('[data-testid=download-row]').count()).resolves.toBe(issues)
    const bg = await offline
      .locator('.screen')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(bg).toBe('rgb(21, 21, 23)')
    // 关怀模式: touch targets of at least 48 px, text that wraps rather than overflows.
    for (const sel of ['[data-testid=delete-download]', '[data-testid=delete-all-downloads]']) {
      expect((await offline.locator(sel).first().boundingBox())?.height ?? 0, sel).toBeGreaterThanOrEqual(48)
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    // ... and every kind of text at least 7:1 against the night background.
    const ratios = await textContrast(offline, [
      '.h1',
      '.storage-meter__row',
      '.storage-meter__note',
      '.offline-group',
      '.download-row__title',
      '.download-row__line',
      '.download-row__meta'
    ])
    for (const [sel, ratio] of ratios) expect(ratio, sel).toBeGreaterThanOrEqual(7)
    await screenshot(page, 'offline-content-night')
    await offline.locator('[data-testid=delete-all-downloads]').click()
    await expect(page.locator('.taro-modal__content').last().textContent()).resolves.toContain(
      `删除全部 ${issues} 期下载？`
    )
    await answer(page, '删除')
    await offline.locator('[data-testid=no-downloads]').waitFor()
    await page.goto(ctx.app.url)
    await settled(page)
    await expect.poll(() => page.locator('[data-testid=download-all]').textContent()).toBe('全部下载')
    await context.close()
  })
})
