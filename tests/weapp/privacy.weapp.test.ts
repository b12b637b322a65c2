// Privacy in the built mini-program: app.json declares __usePrivacyCheck__, 我的数据 shows what is stored, and its
// export (the clipboard, a privacy API) first asks through the app's own popup when WeChat (≥ 2.32.3) calls
// onNeedPrivacyAuthorization: 同意 (an open-type agreePrivacyAuthorization button) lets the copy run, 拒绝 stops it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DIST, weappFixture } from './support'

const app = weappFixture()
const PRIVACY_FLOOR = '2.32.3'
const DATA_PAGE = 'pages/privacy/data/index'

describe('privacy in the mini-program', () => {
  it('declares __usePrivacyCheck__ in the built app.json, and 我的数据 is a subpackage', () => {
    const json = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) as {
      __usePrivacyCheck__?: boolean
      subPackages: Array<{ root: string; pages: string[] }>
    }
    expect(json.__usePrivacyCheck__).toBe(true)
    expect(json.subPackages).toContainEqual({ root: 'pages/privacy', pages: ['data/index'] })
  })

  it('opens 我的数据 from 我的 and shows what the server and the device keep', async () => {
    const phone = app.device({ user: 'privacy-data' })
    const mp = app.start(phone, { path: 'pages/me/index' })
    const me = await mp.see('我的数据')
    await mp.until(() => phone.storage.has('session'), 'signed in with wx.login')
    me.tap('我的数据')
    const page = await mp.see('微信身份', 10_000)
    expect(page.route).toBe(DATA_PAGE)
    expect(page.has('openid 尾号')).toBe(true)
    expect(page.has('登录设备（1）')).toBe(true)
    expect(page.has('这台设备上保存的')).toBe(true)
    expect(page.has('登录令牌、名字与党组织')).toBe(true)
  })

  it('asks with its own popup before copying, and copies once the member taps 同意', async () => {
    const phone = app.device({ user: 'privacy-agree' })
    const mp = app.start(phone, { path: DATA_PAGE, floor: PRIVACY_FLOOR })
    const page = await mp.see('导出我的数据', 10_000)
    page.tap('导出我的数据')
    await mp.see('隐私保护提示')
    // The guide's name as getPrivacySetting reports it, and a link that opens the guide.
    const popup = await mp.see('《党史阅读小程序隐私保护指引》')
    popup.tap('《党史阅读小程序隐私保护指引》')
    await mp.until(() => mp.wx.log.privacyContractsOpened === 1, 'openPrivacyContract called')
    expect(phone.clipboard).toBe('')
    // 同意 is the open-type button: WeChat fires its agreeprivacyauthorization event on tap.
    expect(popup.elementOf('同意')).toMatchObject({ uid: 'privacy-agree' })
    popup.fire('同意', 'agreeprivacyauthorization')
    await mp.until(() => phone.clipboard !== '', 'copied after agreeing')
    expect(mp.wx.log.privacyAnswers).toEqual([{ event: 'agree', buttonId: 'privacy-agree' }])
    const exported = JSON.parse(phone.clipboard) as { server: { member: { id: string } }; device: unknown[] }
    expect(exported.server.member.id).toEqual(expect.any(String))
    expect(exported.device.length).toBeGreaterThan(0)
    await mp.until(() => mp.wx.log.toasts.some((t) => t.title === '已复制到剪贴板'), 'toast')
    await mp.until(() => !mp.page.has('隐私保护提示'), 'popup closed')

    // Agreed once: WeChat does not ask again.
    mp.page.tap('导出我的数据')
    await mp.until(() => mp.wx.log.toasts.filter((t) => t.title === '已复制到剪贴板').length === 2, 'copied again')
    expect(mp.wx.log.privacyAnswers).toHaveLength(1)
  })

  it('copies nothing when the member taps 拒绝', async () => {
    const phone = app.device({ user: 'privacy-refuse' })
    const mp = app.start(phone, { path: DATA_PAGE, floor: PRIVACY_FLOOR })
    ;(await mp.see('导出我的数据', 10_000)).tap('导出我的数据')
    const popup = await mp.see('隐私保护提示')
    popup.tap('拒绝')
    await mp.until(() => mp.wx.log.toasts.some((t) => t.title === '未能复制'), 'refused')
    expect(mp.wx.log.privacyAnswers).toEqual([{ event: 'disagree' }])
    expect(phone.clipboard).toBe('')
    expect(mp.page.has('隐私保护提示')).toBe(false)
  })

  it('on WeChat below 2.32.3 (the declared floor) skips the privacy APIs and copies as before', async () => {
    const phone = app.device({ user: 'privacy-old' })
    const mp = app.start(phone, { path: DATA_PAGE })
    ;(await mp.see('导出我的数据', 10_000)).tap('导出我的数据')
    await mp.until(() => phone.clipboard !== '', 'copied')
    expect(mp.wx.log.calls).not.toContain('onNeedPrivacyAuthorization')
  })
})
