import { describe, expect, it } from 'vitest'
import { openSqliteStore } from '../../server/db/sqlite/open'
import { createOrg } from '../../server/services/members'
import { openAccount, openMe, PHONE, screenshot, settled, topPage } from './support'
import { useAppAndBrowser } from './fixture'

const ctx = useAppAndBrowser()

/** Creates an organization in the running server's database, as `npm run org -- create` does. */
async function createOrgInApp(name: string): Promise<string> {
  const store = openSqliteStore(ctx.app.dataDir)
  try {
    return (await createOrg(store.orgs, name, Date.now())).joinCode
  } finally {
    await store.close()
  }
}

describe('我的数据 and leaving an organization (H5 against npm start)', () => {
  it('joins an organization, shows it in 我的数据 with the counts, and leaves it after a confirmation', async () => {
    const joinCode = await createOrgInApp('第一党支部')
    const context = await ctx.browser.newContext(PHONE)
    const page = await context.newPage()
    await openMe(page, ctx.app.url)
    await openAccount(page)
    const account = topPage(page)
    expect(await account.locator('[data-testid=leave-org]').count()).toBe(0)

    await account.getByText('加入党组织', { exact: true }).click()
    await account.locator('[data-testid=me-input] input').fill(joinCode.toLowerCase())
    await account.locator('[data-testid=me-submit]').click()
    await account.locator('[data-testid=leave-org]').waitFor({ timeout: 10000 })
    expect(await account.locator('[data-testid=member-org]').textContent()).toBe('第一党支部')

    // 我的 shows the organization too, with its 组织情况.
    await page.goBack()
    await settled(page)
    const me = topPage(page)
    expect(await me.locator('[data-testid=member-org]').textContent()).toBe('第一党支部')
    expect(await me.locator('[data-testid=me-open-org]').textContent()).toContain('第一党支部')
    await me.locator('[data-testid=open-my-data]').click()
    const data = topPage(page)
    const server = data.locator('[data-testid=server-data]')
    await server.waitFor({ timeout: 15000 })
    await settled(page)
    const serverText = (await server.textContent()) ?? ''
    expect(serverText).toContain('第一党支部')
    expect(serverText).toContain('登录设备（1）')
    expect(serverText).toContain('已读文章0 篇')
    expect(serverText).toContain('未关联（未用微信登录）')
    const localText = (await data.locator('[data-testid=local-data]').textContent()) ?? ''
    expect(localText).toContain('登录令牌、名字与党组织')
    expect(localText).toContain('离线下载')
    await screenshot(page, 'my-data')

    await page.goBack()
    await settled(page)
    await openAccount(page)
    const back = topPage(page)
    await back.locator('[data-testid=leave-org]').click()
    const dialog = page.locator('.taro-modal__content').last()
    await dialog.waitFor({ state: 'visible' })
    expect(await dialog.textContent()).toContain('第一党支部')
    const confirm = dialog.locator('.taro-model__confirm')
    expect(await confirm.textContent()).toBe('退出组织')
    await confirm.click()
    await back.locator('[data-testid=leave-org]').waitFor({ state: 'detached', timeout: 10000 })
    expect(await back.locator('[data-testid=member-org]').textContent()).toBe('未加入党组织')
    await context.close()
  })
})
