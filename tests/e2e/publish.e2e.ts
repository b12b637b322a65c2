// 发布简报 end to end: an organization admin (made with `npm run org -- admin`) opens 发布简报 from 组织情况,
// uploads an issue file with a line that draws a warning, sees the issue as members will with the warning next to
// its line, publishes it, and a member on another phone finds it on 书架. A member who is no admin sees neither the
// way in nor the upload.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { useAppAndBrowser } from './fixture'
import { meAction, openMe, orgCli, PHONE, screenshot, settled, textContrast, topPage } from './support'

// The server keeps a published issue's text in its content folder: a copy here, so the repository's stays as it is.
const contentDir = mkdtempSync(join(tmpdir(), 'dangshi-publish-content-'))
cpSync('content/issues', contentDir, { recursive: true })
afterAll(() => rmSync(contentDir, { recursive: true, force: true }))
const ctx = useAppAndBrowser({ ISSUES_DIR: contentDir })

const ADMIN = '李编辑'
const MEMBER = '张党员'
/** The shipped issue as the next one (第 3 期), with a line the importer warns about (an English word in Chinese). */
const NEXT = readFileSync('content/issues/chongqing-dangshi-gongzuo-2020-02.txt', 'utf8')
  .replace('第 2 期', '第 3 期')
  .replace('(总第 197 期)', '(总第 198 期)')

/** A phone on 我的, renamed and joined to the organization. */
async function memberPhone(name: string, joinCode: string): Promise<Page> {
  const page = await (await ctx.browser.newContext(PHONE)).newPage()
  await openMe(page, ctx.app.url)
  await meAction(page, '修改名字', name)
  await expect.poll(() => topPage(page).locator('[data-testid=member-name]').textContent()).toBe(name)
  await meAction(page, '加入党组织', joinCode)
  await topPage(page).locator('[data-testid=open-org]').waitFor({ timeout: 20000 })
  return page
}

async function openOrg(page: Page): Promise<void> {
  await topPage(page).locator('[data-testid=open-org]').click()
  await page.waitForURL(/pages\/org\/index/)
  await settled(page)
  await topPage(page).locator('[data-testid=org-figures]').waitFor({ timeout: 20000 })
}

describe('publishing from the app (H5 against npm start)', () => {
  it('an admin previews a file with a warning and publishes it; a member sees it on 书架; a non-admin cannot upload', async () => {
    const joinCode = /join code: (\w+)/.exec(await orgCli(ctx.app.dataDir, 'create', '编辑党支部'))?.[1] as string
    expect(joinCode).toBeDefined()
    const admin = await memberPhone(ADMIN, joinCode)
    const member = await memberPhone(MEMBER, joinCode)
    expect(await orgCli(ctx.app.dataDir, 'admin', joinCode, ADMIN)).toContain('is now an admin of 编辑党支部')

    // The member: no way in from 组织情况, and the page itself refuses with no upload control.
    await openOrg(member)
    expect(await topPage(member).locator('[data-testid=org-publish]').count()).toBe(0)
    await member.goto(`${ctx.app.url}#/pages/publish/index`)
    await settled(member)
    await topPage(member).locator('[data-testid=publish-refused]').waitFor({ timeout: 20000 })
    expect(await topPage(member).locator('[data-testid=publish-pick]').count()).toBe(0)

    // The admin: 组织情况 → 发布简报 → choose the file.
    await openOrg(admin)
    await topPage(admin).locator('[data-testid=org-publish]').click()
    await admin.waitForURL(/pages\/publish\/index/)
    await settled(admin)
    const pick = topPage(admin).locator('[data-testid=publish-pick]')
    await pick.waitFor({ timeout: 20000 })
    // A file that is no issue: refused with its line named, and no preview.
    const [refusedChooser] = await Promise.all([admin.waitForEvent('filechooser'), pick.click()])
    await refusedChooser.setFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('会议记录\n') })
    const refused = topPage(admin).locator('[data-testid=publish-error]')
    await refused.waitFor({ timeout: 20000 })
    expect(await refused.textContent()).toMatch(/notes\.txt:\d+: /)
    expect(await topPage(admin).locator('[data-testid=publish-preview]').count()).toBe(0)

    const [chooser] = await Promise.all([admin.waitForEvent('filechooser'), pick.click()])
    await chooser.setFiles({ name: 'cq-dangshi-2020-03.txt', mimeType: 'text/plain', buffer: Buffer.from(NEXT) })

    const preview = topPage(admin).locator('[data-testid=publish-preview]')
    await preview.waitFor({ timeout: 30000 })
    const warning = preview.locator('[data-testid=publish-warning]').filter({ hasText: '外文单词' })
    const warned = (await warning.textContent()) ?? ''
    const line = Number(/第 (\d+) 行/.exec(warned)?.[1])
    // The warning names its line and shows it: the very line of the file that has the English word.
    expect(NEXT.split('\n')[line - 1]).toContain(' and ')
    expect(warned).toContain('徐塞声同志在报告中指出')
    expect(await preview.locator('[data-testid=publish-issue-title]').textContent()).toBe('重庆党史工作')
    expect(await preview.locator('[data-testid=publish-counts]').textContent()).toMatch(/个栏目 · 19 篇/)
    expect(await preview.locator('[data-testid=article-row]').count()).toBeGreaterThan(10)
    for (const [sel, ratio] of await textContrast(topPage(admin), [
      '.publish-warning__where',
      '.publish-warning__line',
      '.publish-warning__message',
      '.publish-section__head'
    ]))
      expect(ratio, sel).toBeGreaterThanOrEqual(4.5)
    await warning.scrollIntoViewIfNeeded()
    await screenshot(admin, 'publish-preview')
    await preview.locator('[data-testid=publish-issue]').scrollIntoViewIfNeeded()
    await screenshot(admin, 'publish-preview-issue')

    // Nothing is published before 发布.
    const before = (await (await fetch(`${ctx.app.url}api/issues`)).json()) as Array<{ id: string }>
    expect(before.map((s) => s.id)).not.toContain('cq-dangshi-2020-03')
    await topPage(admin).locator('[data-testid=publish-confirm]').click()
    await topPage(admin).locator('[data-testid=publish-done]').waitFor({ timeout: 20000 })
    expect(await topPage(admin).locator('[data-testid=publish-done]').textContent()).toContain('重庆党史工作 第3期')

    // The member's shelf lists the new issue.
    await member.goto(`${ctx.app.url}#/pages/library/index`)
    await settled(member)
    await expect
      .poll(() => topPage(member).locator('[data-testid=issue-card]').allTextContents(), { timeout: 30000 })
      .toContainEqual(expect.stringContaining('第3期 · 总第198期'))
    expect(readFileSync(join(contentDir, 'cq-dangshi-2020-03.txt'), 'utf8')).toBe(NEXT)
  })
})
