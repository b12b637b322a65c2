// The campaign subpackage in the built mini-program: opened from the shelf, it shows the four phases of a campaign
// under way (the harness's campaign window includes today) and the member's progress, empty lists said so.
import { describe, expect, it } from 'vitest'
import { weappFixture } from './support'

const app = weappFixture()

describe('the campaign page in the mini-program', () => {
  it('opens pages/campaign from 书架 and shows the phases and the window', async () => {
    const phone = app.device({ user: 'campaign-weapp' })
    const mp = app.start(phone)
    const shelf = await mp.see('「读党史、守初心、担使命」· 活动进度')
    await mp.until(() => phone.storage.has('session'), 'signed in with wx.login')
    shelf.tap('「读党史、守初心、担使命」· 活动进度')
    const page = await mp.see('记录一次宣讲', 10_000)
    expect(page.route).toBe('pages/campaign/index/index')
    const text = page.texts().join('')
    for (const phase of ['读', '听', '讲', '答']) expect(page.texts()).toContain(phase)
    expect(text).toContain('组织者：市委党史研究室、市委直属机关工委')
    expect(text).toMatch(/进行中 · 还剩 \d+ 天/)
    expect(text).toContain('组织者还没有列出推荐书目')
    expect(text).toContain('组织者还没有列出宣讲安排')
    await mp.see('未参加竞答', 10_000)
  })
})
