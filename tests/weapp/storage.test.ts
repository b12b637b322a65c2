// WeChat's storage limits, hit for real: 10 MB of wx storage (cache gives way, progress stays) and the user data
// quota of the file system (a download that does not fit says so).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { firstArticles, SAMPLE_ID, weappFixture } from './support'

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

  it("refuses a setStorage entry over 1 MB and a total over 10 MB with WeChat's messages", () => {
    const mp = app.start(app.device())
    const wx = mp.wx.wx
    expect(() => wx.setStorageSync('big', 'x'.repeat(1024 * 1024))).toThrow(
      'setStorageSync:fail entry size limit reached'
    )
    mp.device.fillStorage(10)
    expect(() => wx.setStorageSync('more', 'x'.repeat(100))).toThrow('setStorageSync:fail exceed storage max size 10Mb')
  })

  it('says so when a download does not fit in the user data quota, and the issue is still readable', async () => {
    const { first } = firstArticles(await app.issue())
    const device = app.device({ userDataBytes: 4 * 1024 })
    const mp = app.start(device, { path: 'pages/issue/index', query: { issue: SAMPLE_ID } })
    const page = await mp.see(first.title!)
    page.tap('下载离线阅读')
    await mp.see('存储空间不足')
    expect(device.files.size).toBe(0)
    expect(page.has('下载离线阅读')).toBe(true)
  })
})

describe('user data full', () => {
  // Last in this file: it publishes a second issue on the shared server.
  it('evicts a cached issue from the file system to make room for another, keeps the download and the progress', async () => {
    const { first } = firstArticles(await app.issue())
    const sample = readFileSync('content/issues/chongqing-dangshi-gongzuo-2020-02.txt', 'utf8')
    const nextId = await app
      .server()
      .publish(
        sample.replace('第 2 期', '第 3 期').replace('总第 197 期', '总第 198 期'),
        'chongqing-dangshi-gongzuo-2020-03.txt'
      )
    const issueBytes = Buffer.byteLength(JSON.stringify(await app.issue()))
    // Room for one issue and a half: the second one only fits if the first one goes.
    const device = app.device({ userDataBytes: Math.round(issueBytes * 1.5) })
    const mp = app.start(device)
    ;(await mp.see('第2期 · 总第197期')).tap('第2期 · 总第197期')
    ;(await mp.see(first.title!)).tap(first.title!)
    await mp.see(first.paragraphs[0])
    mp.page.tap('目录')
    await mp.until(() => mp.page.route === 'pages/issue/index', 'contents')
    const cached = `wxfile://usr/issues/issue-${SAMPLE_ID}.json`
    await mp.until(
      () => device.files.has(cached) && device.storage.has('progress'),
      'the first issue cached and progress saved'
    )

    mp.navigateBackFromUser()
    ;(await mp.see('第3期 · 总第198期')).tap('第3期 · 总第198期')
    const page = await mp.see('下载离线阅读')
    page.tap('下载离线阅读')
    await mp.see('✓ 已下载，可离线阅读')
    expect(device.files.has(`wxfile://usr/issues/issue-${nextId}.json`)).toBe(true)
    expect(device.files.has(cached)).toBe(false)
    expect(device.userDataUsed()).toBeLessThanOrEqual(device.userDataBytes)
    const catalog = JSON.parse(String(device.storage.get('content.catalog')))
    expect(Object.keys(catalog.entries)).toEqual([nextId])
    expect(catalog.entries[nextId].downloaded).toBe(true)
    const progress = JSON.parse(String(device.storage.get('progress'))).state.articles
    expect(Object.keys(progress).some((k) => k.includes(first.id))).toBe(true)
  })
})
