// 发布简报 in the built mini-program: a subpackage; an organization admin chooses an issue file from a WeChat chat
// (wx.chooseMessageFile), sees the preview with its warnings, and publishes it; a member who is no admin sees a
// refusal and no way to choose a file.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createOrg } from '../../server/services/members'
import { DIST, memberOf, weappFixture } from './support'

const app = weappFixture()
const PAGE = 'pages/publish/index'
const NEXT = readFileSync('content/issues/chongqing-dangshi-gongzuo-2020-02.txt', 'utf8')
  .replace('第 2 期', '第 4 期')
  .replace('(总第 197 期)', '(总第 199 期)')

/** A phone signed in (a first launch on 我的), then joined to the organization, as admin or not. */
async function phoneIn(orgId: string, user: string, admin: boolean) {
  const phone = app.device({ user })
  const first = app.start(phone, { path: 'pages/me/index' })
  await first.until(() => phone.storage.has('session'), 'signed in with wx.login', 10_000)
  first.kill()
  const { env } = app.server()
  const memberId = memberOf(phone)
  await env.app.services.store.accounts.setOrg(memberId, orgId, Date.now())
  if (admin) await env.app.services.orgStats.makeAdmin(orgId, memberId)
  return phone
}

describe('发布简报 in the mini-program', () => {
  it('is a subpackage of its own', () => {
    const json = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) as {
      subPackages: Array<{ root: string; pages: string[] }>
    }
    expect(json.subPackages).toContainEqual({ root: 'pages/publish', pages: ['index'] })
  })

  it('an admin chooses a file from a chat, sees the warnings, and publishes it', async () => {
    const { env, url } = app.server()
    const org = await createOrg(env.app.services.store.orgs, '小程序党支部', Date.now())
    const phone = await phoneIn(org.id, 'publish-admin', true)
    phone.chatFiles.push({ name: 'cq-weapp-2020-04.txt', text: NEXT })
    const mp = app.start(phone, { path: PAGE })
    const page = await mp.see('从微信聊天中选择文件', 10_000)
    page.tap('从微信聊天中选择文件')
    const preview = await mp.see('请核对（3 处）', 15_000)
    expect(preview.has('中文段落中夹有外文单词“and”')).toBe(true)
    expect(preview.has('徐塞声同志在报告中指出')).toBe(true)
    expect(preview.has('重庆党史工作')).toBe(true)
    expect(preview.has('第4期 · 总第199期')).toBe(true)
    const before = (await (await fetch(`${url}/api/issues`)).json()) as Array<{ id: string }>
    expect(before.map((s) => s.id)).not.toContain('cq-weapp-2020-04')
    preview.tap('确认发布')
    await mp.see('已发布《重庆党史工作 第4期》', 10_000)
    const after = (await (await fetch(`${url}/api/issues`)).json()) as Array<{ id: string }>
    expect(after.map((s) => s.id)).toContain('cq-weapp-2020-04')
    expect(mp.wx.log.calls).toContain('chooseMessageFile')

    // The same file again: the preview says the id is taken; 取消 publishes nothing, 替换并发布 asks first.
    mp.page.tap('从微信聊天中选择文件')
    const again = await mp.see('已有标识为「cq-weapp-2020-04」的一期', 15_000)
    expect(again.has('内容与这个文件相同')).toBe(true)
    again.tap('取消')
    await mp.until(() => !mp.page.has('请核对'), 'preview discarded')
    mp.page.tap('从微信聊天中选择文件')
    ;(await mp.see('替换并发布', 15_000)).tap('替换并发布')
    await mp.see('已替换并发布《重庆党史工作 第4期》', 10_000)
    expect(mp.wx.log.calls.filter((c) => c === 'showModal')).toHaveLength(1)
  })

  // wx.chooseMessageFile is a privacy API (选中的文件): on a base library that checks, the app's popup asks first.
  it('asks with the privacy popup before choosing a file: 拒绝 chooses nothing, 同意 goes on', async () => {
    const { env } = app.server()
    const org = await createOrg(env.app.services.store.orgs, '隐私党支部', Date.now())
    const phone = await phoneIn(org.id, 'publish-privacy', true)
    phone.chatFiles.push({ name: 'cq-weapp-2020-05.txt', text: NEXT })
    const mp = app.start(phone, { path: PAGE, floor: '2.32.3' })
    ;(await mp.see('从微信聊天中选择文件', 10_000)).tap('从微信聊天中选择文件')
    ;(await mp.see('隐私保护提示')).tap('拒绝')
    await mp.see('同意《用户隐私保护指引》后才能从聊天中选择文件')
    expect(mp.page.has('请核对')).toBe(false)
    mp.page.tap('从微信聊天中选择文件')
    ;(await mp.see('隐私保护提示')).fire('同意', 'agreeprivacyauthorization')
    await mp.see('请核对（3 处）', 15_000)
    expect(mp.wx.log.privacyAnswers).toEqual([{ event: 'disagree' }, { event: 'agree', buttonId: 'privacy-agree' }])
  })

  it('a member who is no admin sees a refusal and no way to choose a file', async () => {
    const { env } = app.server()
    const org = await createOrg(env.app.services.store.orgs, '普通党支部', Date.now())
    const phone = await phoneIn(org.id, 'publish-member', false)
    const mp = app.start(phone, { path: PAGE })
    const page = await mp.see('只有组织管理员可以发布简报', 10_000)
    expect(page.has('从微信聊天中选择文件')).toBe(false)
    expect(mp.wx.log.calls).not.toContain('chooseMessageFile')
  })
})
