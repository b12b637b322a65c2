// Opening an article stored on the device, cold: H5's pre-paint shows its text at the saved position in the first
// painted frame, and the app takes over the same region with no layout shift. Nothing is pre-painted for an issue
// that is stale, damaged or not stored.
import { describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { PHONE, screenshot, settled, topPage } from './support'
import { useAppAndBrowser } from './fixture'

const ISSUE = 'chongqing-dangshi-gongzuo-2020-02'
const ctx = useAppAndBrowser()

interface Frame {
  t: number
  /** The pre-painted node is there. */
  pre: boolean
  preScroll: number
  preRootHeight: number
  /** The first paragraph whose bottom is on screen, in the pre-paint / in the app's page. */
  preTop: string | null
  app: boolean
  appScroll: number
  appTop: string | null
  /** Any text on screen at all. */
  text: boolean
}

interface Probe {
  frames: Frame[]
  paints: Array<{ name: string; t: number }>
  shifts: Array<{ value: number; t: number }>
}

// Installed before any script of the page: one record per animation frame (the state about to be painted), the
// paint timings and every layout shift not caused by input.
const PROBE = `(() => {
  const probe = (window.__probe = { frames: [], paints: [], shifts: [] });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) probe.paints.push({ name: e.name, t: e.startTime }) })
    .observe({ type: 'paint', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) probe.shifts.push({ value: e.value, t: e.startTime }) })
    .observe({ type: 'layout-shift', buffered: true });
  const topPara = (root) => {
    if (!root) return null;
    for (const p of root.querySelectorAll('.para')) if (p.getBoundingClientRect().bottom > 0) return p.textContent.slice(0, 40);
    return null;
  };
  const frame = () => {
    const pre = document.getElementById('prepaint');
    const text = document.querySelector('.taro_page .article-text');
    const page = text && text.closest('.taro_page');
    const body = document.body;
    probe.frames.push({
      t: performance.now(),
      pre: !!pre,
      preScroll: pre ? pre.scrollTop : 0,
      preRootHeight: pre ? pre.querySelector('.article-root').getBoundingClientRect().height : 0,
      preTop: topPara(pre),
      app: !!text,
      appScroll: page ? page.scrollTop : 0,
      appTop: topPara(page),
      text: !!body && body.innerText.trim().length > 0
    });
    if (probe.frames.length < 3000) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`

async function longestArticle(): Promise<{ id: string; paragraphs: number }> {
  const issue = (await (await fetch(`${ctx.app.url}api/issues/${ISSUE}`)).json()) as {
    sections: Array<{ articles: Array<{ id: string; paragraphs: string[] }> }>
  }
  const all = issue.sections.flatMap((s) => s.articles)
  const longest = all.reduce((a, b) => (b.paragraphs.length > a.paragraphs.length ? b : a))
  return { id: longest.id, paragraphs: longest.paragraphs.length }
}

/** A context whose offline store holds the issue (downloaded through the app) under a service worker. */
async function withDownload(): Promise<BrowserContext> {
  const context = await ctx.browser.newContext(PHONE)
  const page = await context.newPage()
  await page.goto(`${ctx.app.url}#/pages/issue/index?issue=${ISSUE}`)
  await settled(page)
  await topPage(page).locator('[data-testid=download-issue]').click()
  await topPage(page).locator('[data-testid=offline-badge]').waitFor({ timeout: 20000 })
  await page.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, { timeout: 20000 })
  await page.close()
  return context
}

/** Opens the article, scrolls it to about 60 % and waits until the app has saved that position. */
async function readTo(context: BrowserContext, url: string, key: string): Promise<number> {
  const page = await context.newPage()
  await page.goto(url)
  await settled(page)
  await topPage(page).locator('.para').last().waitFor()
  await page.waitForTimeout(300)
  await page.evaluate(() => {
    const el = document.querySelector('.taro_page .article-text')!.closest('.taro_page') as HTMLElement
    el.scrollTop = Math.round((el.scrollHeight - el.clientHeight) * 0.6)
  })
  const position = await page
    .waitForFunction(
      (k) => {
        const p = JSON.parse(localStorage.getItem('progress') ?? '{}')?.state?.articles?.[k]?.position
        return typeof p === 'number' && p > 0.3 ? p : null
      },
      key,
      { timeout: 15000 }
    )
    .then((h) => h.jsonValue() as Promise<number>)
  await page.close()
  return position
}

/** Opens `url` in a new page of `context` with the probe, until the article page is shown and settled. */
async function openCold(context: BrowserContext, url: string): Promise<{ page: Page; probe: Probe }> {
  const page = await context.newPage()
  await page.addInitScript(PROBE)
  await page.goto(url)
  await topPage(page).locator('.article-text .para').first().waitFor({ timeout: 20000 })
  // The hand-over, then a second of quiet in which a late shift would still be counted.
  await page.waitForFunction(() => !document.getElementById('prepaint'), undefined, { timeout: 20000 })
  await page.waitForTimeout(1000)
  const probe = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe)
  return { page, probe }
}

/** Opens the app at its root address in a new page of `context` with the probe, until 书架 is shown. */
async function openRoot(context: BrowserContext): Promise<{ page: Page; probe: Probe }> {
  const page = await context.newPage()
  await page.addInitScript(PROBE)
  await page.goto(ctx.app.url)
  await settled(page)
  await topPage(page).locator('[data-testid=issue-card]').first().waitFor({ timeout: 20000 })
  const probe = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe)
  return { page, probe }
}

describe('opening a stored article cold (H5 in Chromium at 375×812)', () => {
  it('paints its text at the saved position in the first frame, then the app takes over with no layout shift', async () => {
    const article = await longestArticle()
    expect(article.paragraphs).toBeGreaterThan(5)
    const context = await withDownload()
    const url = `${ctx.app.url}#/pages/article/index?issue=${ISSUE}&article=${article.id}`
    const position = await readTo(context, url, `${ISSUE}/${article.id}`)

    const { page, probe } = await openCold(context, url)
    const first = probe.frames.find((f) => f.text)
    expect(first, 'a frame with text').toBeTruthy()
    // The first frame with any text is the pre-painted article, at the saved position (the page's own rule).
    expect(first!.pre).toBe(true)
    expect(first!.app).toBe(false)
    expect(first!.preScroll).toBeGreaterThan(0)
    const innerHeight = await page.evaluate(() => window.innerHeight)
    expect(
      Math.abs(first!.preScroll - Math.round(position * (first!.preRootHeight - innerHeight)))
    ).toBeLessThanOrEqual(1)
    // The first contentful paint came before the app had rendered the article.
    const fcp = probe.paints.find((p) => p.name === 'first-contentful-paint')
    const appFirst = probe.frames.find((f) => f.app)
    expect(fcp).toBeTruthy()
    expect(fcp!.t).toBeLessThan(appFirst!.t)

    // The hand-over: the last pre-painted frame and the first frame without it show the same paragraph at the top,
    // and the page did not need a second scroll after it.
    const lastPre = probe.frames.reduce((i, f, j) => (f.pre ? j : i), -1)
    const before = probe.frames[lastPre]
    const after = probe.frames[lastPre + 1]
    expect(after.pre).toBe(false)
    expect(after.app).toBe(true)
    expect(after.appTop).toBe(before.preTop)
    const settledFrames = probe.frames.slice(lastPre + 1)
    expect(new Set(settledFrames.map((f) => f.appScroll)).size).toBe(1)
    // The app's position (a fraction of the same height) is the saved one.
    const appFraction = await page.evaluate(() => {
      const el = document.querySelector('.taro_page .article-root') as HTMLElement
      const pageEl = el.closest('.taro_page') as HTMLElement
      return pageEl.scrollTop / (el.getBoundingClientRect().height - window.innerHeight)
    })
    expect(Math.abs(appFraction - position)).toBeLessThan(0.01)

    const cls = probe.shifts.reduce((s, e) => s + e.value, 0)
    expect(cls).toBeLessThanOrEqual(0.05)
    await screenshot(page, 'instant-after-hand-over')
    await context.close()
  })

  it('a start without a route goes on at the article the app was left on, over 书架; left elsewhere, 书架', async () => {
    const article = await longestArticle()
    const context = await withDownload()
    const url = `${ctx.app.url}#/pages/article/index?issue=${ISSUE}&article=${article.id}`
    // Read to about 60 %, and the app closed on the article.
    const position = await readTo(context, url, `${ISSUE}/${article.id}`)

    const { page, probe } = await openCold(context, ctx.app.url)
    expect(page.url()).toContain(`article=${article.id}`)
    const first = probe.frames.find((f) => f.text)
    expect(first?.pre, 'the first frame with text is the pre-painted article').toBe(true)
    expect(first!.preScroll).toBeGreaterThan(0)
    const appFraction = await page.evaluate(() => {
      const el = document.querySelector('.taro_page .article-root') as HTMLElement
      const pageEl = el.closest('.taro_page') as HTMLElement
      return pageEl.scrollTop / (el.getBoundingClientRect().height - window.innerHeight)
    })
    expect(Math.abs(appFraction - position)).toBeLessThan(0.01)
    expect(probe.shifts.reduce((sum, e) => sum + e.value, 0)).toBeLessThanOrEqual(0.05)

    // Back (the phone's back gesture) is 书架, as in the mini-program (homePageAndLatestPage).
    await page.goBack()
    await settled(page)
    await topPage(page).locator('[data-testid=issue-card]').first().waitFor({ timeout: 20000 })
    expect(page.url()).toContain('pages/library/index')
    await screenshot(page, 'instant-resume-back')
    await page.close()

    // Left on 书架: the next start opens 书架, with nothing pre-painted.
    const again = await openRoot(context)
    expect(again.probe.frames.some((f) => f.pre)).toBe(false)
    expect(again.page.url()).not.toContain('pages/article')
    await context.close()
  })

  it('paints nothing for a stale issue (its hash changed) or a damaged stored copy, and nothing when not stored', async () => {
    const article = await longestArticle()
    const url = `${ctx.app.url}#/pages/article/index?issue=${ISSUE}&article=${article.id}`
    const context = await withDownload()
    const setup = await context.newPage()
    await setup.goto(`${ctx.app.url}#/pages/me/index`)
    // Stale: the last index seen online names another hash than the stored copy's.
    await setup.evaluate((id) => {
      const catalog = JSON.parse(localStorage.getItem('content.catalog')!)
      catalog.entries[id].hash = 'old-hash'
      localStorage.setItem('content.catalog', JSON.stringify(catalog))
      localStorage.setItem('cache.content.index', JSON.stringify([{ ...catalog.summaries[id], hash: 'new-hash' }]))
    }, ISSUE)
    await setup.close()
    let { page, probe } = await openCold(context, url)
    expect(probe.frames.some((f) => f.pre)).toBe(false)
    await expect(topPage(page).locator('.para').first().textContent()).resolves.toBeTruthy()
    await page.close()

    // Damaged: the index agrees again, but the stored text is not the issue.
    const damage = await context.newPage()
    await damage.goto(`${ctx.app.url}#/pages/me/index`)
    await damage.evaluate(async (id) => {
      const catalog = JSON.parse(localStorage.getItem('content.catalog')!)
      localStorage.setItem(
        'cache.content.index',
        JSON.stringify([{ ...catalog.summaries[id], hash: catalog.entries[id].hash }])
      )
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('dangshi-content')
        open.onsuccess = () => {
          const tx = open.result.transaction('files', 'readwrite')
          tx.objectStore('files').put('{"id":"' + id + '","sections":[{"title":1', `issue-${id}.json`)
          tx.oncomplete = () => resolve()
          tx.onerror = () => reject(tx.error)
        }
      })
    }, ISSUE)
    await damage.close()
    ;({ page, probe } = await openCold(context, url))
    expect(probe.frames.some((f) => f.pre)).toBe(false)
    await page.close()
    await context.close()

    // Not stored: a fresh device.
    const fresh = await ctx.browser.newContext(PHONE)
    ;({ page, probe } = await openCold(fresh, url))
    expect(probe.frames.some((f) => f.pre)).toBe(false)
    await fresh.close()
  })
})
