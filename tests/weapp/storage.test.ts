// WeChat's storage limits, hit for real: 10 MB of wx storage (cache gives way, progress stays) and the user data
// quota of the file system (a download that does not fit says so).
import { describe, expect, it } from 'vitest'
import { firstArticles, weappFixture } from './support'

const app = weappFixture()

describe('storage full', () => {
  it('evicts the cached index to save progress, and keeps progress', async () => {
    const { first } = firstArticles(await app.issue())
    const device = app.device()
    const mp = app.start(device)
    ;(await mp.see('重庆党史工作')).tap('重庆党史工作')
    ;(await mp.see(first.title!)).tap(first.title!)
    await mp.see(first.paragraphs[0])
    expect(device.storage.has('cache.content.index')).toBe(true)

    // The rest of this user's 10 MB is taken: nothing more fits.
    device.fillStorage(0)
    const fillers = [...device.storage.keys()].filter((k) => k.startsWith('filler.'))
    mp.hide() // saves reading time and position
    await mp.until(() => device.storage.has('progress'), 'progress saved')
    const progress = JSON.parse(String(device.storage.get('progress'))).state.articles
    expect(Object.keys(progress).some((k) => k.includes(first.id))).toBe(true)
    expect(device.storage.has('cache.content.index')).toBe(false)
    for (const k of fillers) expect(device.storage.has(k)).toBe(true)
    expect(device.storageBytes()).toBeLessThanOrEqual(device.storageTotalBytes)
    mp.show()
    await mp.settle(100)
    expect(mp.page.has('手机存储空间已满')).toBe(false)
  })

  it('refuses a setStorage entry over 1 MB and a total over 10 MB with WeChat\'s messages', () => {
    const mp = app.start(app.device())
    const wx = mp.wx.wx
    expect(() => wx.setStorageSync('big', 'x'.repeat(1024 * 1024))).toThrow('setStorageSync:fail entry size limit reached')
    mp.device.fillStorage(10)
    expect(() => wx.setStorageSync('more', 'x'.repeat(100))).toThrow('setStorageSync:fail exceed storage max size 10Mb')
  })

  it('says so when a download does not fit in the user data quota, and the issue is still readable', async () => {
    const { first } = firstArticles(await app.issue())
    const device = app.device({ userDataBytes: 4 * 1024 })
    const mp = app.start(device, { path: 'pages/issue/index', query: { id: 'chongqing-dangshi-gongzuo-2020-02' } })
    const page = await mp.see(first.title!)
    page.tap('下载离线阅读')
    await mp.see('存储空间不足')
    expect(device.files.size).toBe(0)
    expect(page.has('下载离线阅读')).toBe(true)
  })
})
