import { describe, expect, it } from 'vitest'
import { PHONE, screenshot, settled } from './support'
import { useAppAndBrowser } from './fixture'

const ctx = useAppAndBrowser()

describe('H5 app shell', () => {
  it('opens on the library, goes to 我的 and back, in Chinese at 375×812', async () => {
    const context = await ctx.browser.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(ctx.app.url)
    await settled(page)
    await expect(page.getByText('期刊', { exact: true }).first().isVisible()).resolves.toBe(true)
    await screenshot(page, 'library')

    await page.getByText('我的', { exact: true }).last().click()
    await page.waitForURL(/pages\/me\/index/)
    await settled(page)
    await expect(page.getByText('夜间模式').isVisible()).resolves.toBe(true)
    await screenshot(page, 'me')

    await page.getByText('书架', { exact: true }).last().click()
    await page.waitForURL(/pages\/library\/index/)
    await settled(page)
    await expect(page.getByText('期刊', { exact: true }).first().isVisible()).resolves.toBe(true)

    // Nothing is cut off horizontally at phone width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await context.close()
  })

  it('opens an issue from its link, current (issue=) and old (id=)', async () => {
    const context = await ctx.browser.newContext(PHONE)
    const page = await context.newPage()
    for (const query of ['issue=chongqing-dangshi-gongzuo-2020-02', 'id=chongqing-dangshi-gongzuo-2020-02']) {
      await page.goto(`${ctx.app.url}#/pages/issue/index?${query}`)
      await page.reload()
      await settled(page)
      await page.locator('.taro_page:not(.taro_page_shade)').last().getByText('【工作动态】').waitFor()
      expect(
        await page.locator('.taro_page:not(.taro_page_shade)').last().locator('[data-testid=article-row]').count()
      ).toBeGreaterThan(10)
    }
    await context.close()
  })
})
