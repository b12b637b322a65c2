// 组织情况 end to end: an organization made with `npm run org`, a member who joins it in the app and reads an
// article, is made admin with `npm run org -- admin`, opens 组织情况, sees the figures and downloads the export,
// which opens with exceljs and holds the member's line.
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { useAppAndBrowser } from './fixture'
import { meAction, openMe, orgCli, PHONE, screenshot, settled, topPage } from './support'

const ISSUE = 'chongqing-dangshi-gongzuo-2020-02'
const NAME = '王小红'
const ctx = useAppAndBrowser()

describe('organization view (H5 against npm start)', () => {
  it('an admin sees the figures and downloads an export holding their line', async () => {
    const joinCode = /join code: (\w+)/.exec(await orgCli(ctx.app.dataDir, 'create', '第一党支部'))?.[1]
    expect(joinCode).toBeDefined()

    const context = await ctx.browser.newContext({ ...PHONE, acceptDownloads: true })
    const page = await context.newPage()
    await openMe(page, ctx.app.url)
    await meAction(page, '修改名字', NAME)
    await expect.poll(() => topPage(page).locator('[data-testid=member-name]').textContent()).toBe(NAME)
    await meAction(page, '加入党组织', joinCode as string)
    await topPage(page).locator('[data-testid=open-org]').waitFor({ timeout: 20000 })

    // Read an article to its end; the read goes to the server with the next sync.
    const issue = (await (await fetch(`${ctx.app.url}api/issues/${ISSUE}`)).json()) as {
      sections: Array<{ articles: Array<{ id: string }> }>
    }
    await page.goto(`${ctx.app.url}#/pages/article/index?issue=${ISSUE}&article=${issue.sections[0].articles[0].id}`)
    await settled(page)
    await topPage(page).locator('.article-title').waitFor({ timeout: 30000 })
    await page.mouse.move(187, 400)
    for (let i = 0; i < 15; i++) {
      await page.mouse.wheel(0, 800)
      await page.waitForTimeout(80)
    }
    await page.waitForTimeout(1500)
    await openMe(page, ctx.app.url)
    await expect
      .poll(() => topPage(page).locator('[data-testid=sync-status]').textContent(), { timeout: 30000 })
      .toContain('已同步')

    expect(await orgCli(ctx.app.dataDir, 'admin', joinCode as string, NAME)).toContain('is now an admin of 第一党支部')

    // 我的 has a 组织情况 row for a member of an organization.
    await topPage(page).locator('[data-testid=me-open-org]').click()
    await page.waitForURL(/pages\/org\/index/)
    await settled(page)
    const org = topPage(page)
    await org.locator('[data-testid=org-figures]').waitFor({ timeout: 20000 })
    await expect(org.locator('[data-testid=org-members]').textContent()).resolves.toBe('1')
    await expect(org.locator('[data-testid=org-figures]').textContent()).resolves.toContain('第一党支部')
    await expect(org.locator('[data-testid=org-me]').textContent()).resolves.toContain('已读 1 篇')
    await expect(org.locator('[data-testid=org-ranking]').textContent()).resolves.toContain('第一党支部')
    await org.locator('[data-testid=org-admin]').waitFor()
    await screenshot(page, 'org')

    const [file] = await Promise.all([page.waitForEvent('download'), org.locator('[data-testid=org-export]').click()])
    expect(file.suggestedFilename()).toBe('第一党支部-成员.xlsx')
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(await file.path())
    const rows = (book.worksheets[0].getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1))
    expect(rows[0]).toEqual(['姓名', '加入时间', '已读文章', '阅读时长(分钟)', '竞答成绩', '最近活跃'])
    expect(rows).toHaveLength(2)
    expect(rows[1][0]).toBe(NAME)
    expect(rows[1][2]).toBe(1)

    // The admin gives the organization a new join code: shown once, and the old one stops working.
    await org.locator('[data-testid=org-rotate-code]').click()
    const ask = page.locator('.taro-modal__content').last()
    await ask.waitFor({ state: 'visible' })
    await ask.locator('.taro-model__confirm').click()
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.taro-modal__content')].some((d) => (d.textContent ?? '').includes('新的加入码'))
    )
    const shown = await page.locator('.taro-modal__content').last().textContent()
    const fresh = /([2-9A-Z]{4}) ([2-9A-Z]{4})/.exec(shown ?? '')
    expect(fresh).not.toBeNull()
    expect(`${fresh?.[1]}${fresh?.[2]}`).not.toBe(joinCode)
    await page.locator('.taro-modal__content').last().locator('.taro-model__confirm').click()
    expect(await orgCli(ctx.app.dataDir, 'list')).toContain(`${fresh?.[1]}${fresh?.[2]}`)

    // Night mode and 关怀模式 stay readable.
    await openMe(page, ctx.app.url)
    await topPage(page).getByText('夜间模式').click()
    await topPage(page).getByText('关怀模式（大字、高对比）').click()
    await topPage(page).locator('[data-testid=me-open-org]').click()
    await page.waitForURL(/pages\/org\/index/)
    await settled(page)
    await topPage(page).locator('[data-testid=org-admin]').waitFor({ timeout: 20000 })
    const bg = await topPage(page)
      .locator('.screen')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(bg).toBe('rgb(21, 21, 23)')
    await screenshot(page, 'org-night-care')
    await context.close()
  })
})
