// Updating the mini-program: WeChat downloads a new version in the background at a cold start; when it is ready the
// app asks whether to restart now (WeChat's modal, not H5's banner), and 重启 applies it.
import { describe, expect, it } from 'vitest'
import { weappFixture } from './support'

const app = weappFixture()

describe('a new version of the mini-program', () => {
  it('asks to restart once WeChat has downloaded it, and restarts on 重启', async () => {
    const mp = app.start(app.device())
    await mp.see('已读 0/19')
    expect(mp.wx.log.modals).toEqual([])
    mp.wx.updateReady()
    await mp.until(() => mp.wx.log.calls.includes('applyUpdate'), 'the update applied')
    expect(mp.wx.log.modals).toEqual([
      { title: '发现新版本', content: '新版本已经准备好，重启小程序即可使用。现在重启吗？' }
    ])
    // The banner is H5's: nothing of it is on the page.
    expect(mp.page.has('新版本')).toBe(false)
  })
})
