// Issue #10's end-to-end proof: two paired devices, one reading offline, the other seeing that reading once the
// first is back online (src/domain/sync/SPEC.md).
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openAccount, screenshot, settled, topPage, twoPhonesOnMe } from './support'
import { useAppAndBrowser } from './fixture'

const ISSUE = 'chongqing-dangshi-gongzuo-2020-02'
/** The article read on device A: the second of the issue's contents. */
const ROW = 1
const ctx = useAppAndBrowser()

const syncLine = (page: Page) => topPage(page).locator('[data-testid=sync-status]')
const statValue = (page: Page, n: number) => topPage(page).locator('[data-testid=stats] .stat__value').nth(n)

/** Goes to a tab the way a member does (no reload: the app keeps running). */
async function tabTo(page: Page, tab: '书架' | '我的'): Promise<void> {
  await page.getByText(tab, { exact: true }).last().click()
  await page.waitForURL(tab === '我的' ? /pages\/me\/index/ : /pages\/library\/index/)
  await settled(page)
}

/** The signed-in member's id, as the session store persisted it. */
function memberId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const raw = localStorage.getItem('session')
    return raw ? (JSON.parse(raw) as { state?: { member?: { id?: string } } }).state?.member?.id : undefined
  })
}

/** The progress store's record of one article on this device. */
function progressOf(page: Page, articleId: string): Promise<{ read: boolean; timeSpentMs: number } | undefined> {
  return page.evaluate(
    ({ issue, article }) => {
      const raw = localStorage.getItem('progress')
      const articles = raw
        ? ((JSON.parse(raw) as { state?: { articles?: Record<string, { issueId: string; articleId: string }> } }).state
            ?.articles ?? {})
        : {}
      return Object.values(articles).find((p) => p.issueId === issue && p.articleId === article) as
        { read: boolean; timeSpentMs: number } | undefined
    },
    { issue: ISSUE, article: articleId }
  )
}

async function articleId(n: number): Promise<string> {
  const res = await fetch(`${ctx.app.url}api/issues/${ISSUE}`)
  const issue = (await res.json()) as { sections: Array<{ articles: Array<{ id: string }> }> }
  return issue.sections[0].articles[n].id
}

describe('progress sync between two paired devices (H5 against npm start)', () => {
  it('reads offline on one device, syncs when back online, and the other device shows that reading', async () => {
    const id = await articleId(ROW)

    // 1. Device A signs in by itself and shows a pairing code; device B claims it: one member on both.
    const { a, b, nameA, nameB } = await twoPhonesOnMe(ctx.browser, ctx.app.url)
    const [first, second] = [a.context(), b.context()]
    expect(nameA).toMatch(/^党员\d{4}$/)
    expect(nameB).not.toBe(nameA) // a fresh device gets its own account first
    await openAccount(a)
    await openAccount(b)
    await topPage(a).locator('[data-testid=create-pairing]').click()
    const code = ((await topPage(a).locator('[data-testid=pairing-code-value]').textContent()) ?? '').trim()
    expect(code).toMatch(/^[2-9A-Z]{4} [2-9A-Z]{4}$/)
    await topPage(b).locator('[data-testid=enter-pairing]').click()
    await topPage(b).locator('[data-testid=me-input] input').fill(code)
    await topPage(b).locator('[data-testid=me-submit]').click()
    await expect
      .poll(() => topPage(b).locator('[data-testid=member-name]').textContent(), { timeout: 20000 })
      .toBe(nameA)
    // Back on 我的 on both.
    await a.goBack()
    await b.goBack()
    await settled(a)
    await settled(b)
    const idA = await memberId(a)
    expect(idA).toBeTruthy()
    await expect.poll(() => memberId(b), { timeout: 10000 }).toBe(idA)
    // Nothing read yet on either device; both have talked to the server.
    await expect.poll(() => syncLine(a).textContent(), { timeout: 30000 }).toContain('已同步')
    await expect.poll(() => syncLine(b).textContent(), { timeout: 30000 }).toContain('已同步')
    expect(await statValue(b, 0).textContent()).toBe('0')

    // 2. Device A opens the issue while online (so its text is on the device), then loses the network and reads
    //    an article to its end.
    await a.goto(ctx.app.url)
    await settled(a)
    await a.locator('[data-testid=issue-card]').first().click()
    await a.waitForURL(/pages\/issue\/index/)
    await settled(a)
    await topPage(a).getByText('【工作动态】').waitFor({ timeout: 30000 })
    await first.setOffline(true)
    await topPage(a).locator('[data-testid=article-row]').nth(ROW).click()
    await a.waitForURL(/pages\/article\/index/)
    await settled(a)
    await topPage(a).locator('.article-title').waitFor()
    await a.mouse.move(187, 400)
    for (let i = 0; i < 12; i++) {
      await a.mouse.wheel(0, 600)
      await a.waitForTimeout(80)
    }
    // Reading time accrues while the article is shown; past half a minute 我的 shows it as 1 分钟.
    await a.waitForTimeout(32000)
    await a.goBack()
    await settled(a)
    const rowA = topPage(a).locator('[data-testid=article-row]').nth(ROW)
    await expect.poll(() => rowA.textContent(), { timeout: 10000 }).toContain('已读')
    await a.goBack()
    await settled(a)
    await expect
      .poll(() => a.locator('[data-testid=issue-card]').first().textContent(), { timeout: 10000 })
      .toContain('已读 1/19')
    await tabTo(a, '我的')
    await expect.poll(() => syncLine(a).textContent(), { timeout: 30000 }).toMatch(/离线 · 待同步 [1-9]\d* 条/)
    expect(await statValue(a, 0).textContent()).toBe('1')
    const readA = await progressOf(a, id)
    expect(readA?.read).toBe(true)
    expect(readA?.timeSpentMs ?? 0).toBeGreaterThanOrEqual(30000)
    await screenshot(a, 'sync-a-offline')

    // 3. The network comes back: A pushes on its own, without a reload.
    await first.setOffline(false)
    await expect.poll(() => syncLine(a).textContent(), { timeout: 60000 }).toContain('已同步')
    await screenshot(a, 'sync-a-online')
    const timeA = await statValue(a, 1).textContent()
    expect(timeA).toMatch(/^[1-9]\d* 分钟$/)

    // 4. Device B, which stayed open on 我的, shows the shelf again (a tab, no reload): showing it pulls, and the
    //    shelf, the contents and 我的 show A's reading.
    await tabTo(b, '书架')
    await expect
      .poll(() => b.locator('[data-testid=issue-card]').first().textContent(), { timeout: 30000 })
      .toContain('已读 1/19')
    await screenshot(b, 'sync-b-library')
    await b.locator('[data-testid=issue-card]').first().click()
    await b.waitForURL(/pages\/issue\/index/)
    await settled(b)
    await topPage(b).getByText('【工作动态】').waitFor({ timeout: 30000 })
    const rowB = topPage(b).locator('[data-testid=article-row]').nth(ROW)
    await expect.poll(() => rowB.textContent(), { timeout: 10000 }).toContain('✓ 已读')
    await expect(rowB.getAttribute('class')).resolves.toContain('article-row--read')
    expect(await topPage(b).locator('[data-testid=article-row]').nth(0).textContent()).not.toContain('已读')
    await screenshot(b, 'sync-b-contents')
    await b.goBack()
    await settled(b)
    await tabTo(b, '我的')
    await expect.poll(() => statValue(b, 0).textContent(), { timeout: 10000 }).toBe('1')
    expect(await statValue(b, 1).textContent()).toBe(timeA)
    await expect.poll(() => syncLine(b).textContent(), { timeout: 30000 }).toContain('已同步')
    await screenshot(b, 'sync-b-me')
    const readB = await progressOf(b, id)
    expect(readB?.read).toBe(true)
    expect(Math.abs((readB?.timeSpentMs ?? 0) - (readA?.timeSpentMs ?? 0))).toBeLessThan(1500)
    await Promise.all([first.close(), second.close()])
  }, 300000)
})
