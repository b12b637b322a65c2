// The H5 service worker: the shell loads offline, and a new version waits until the user accepts the banner.
// Needs the H5 build with its worker: `npm run build:h5` (or `taro build --type h5 && tsx scripts/build-sw.ts`).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, PHONE, screenshot, settled, startApp, type RunningApp } from './support'

const BUILD = join(process.cwd(), 'dist/h5')
const BANNER = '有新版本，点击更新'

let app: RunningApp
let browser: Browser
// The server gets its own copy of the build (H5_DIR), so publishing a "new version" here never touches dist/h5.
let h5Dir: string
let swFile: string

beforeAll(async () => {
  if (!existsSync(join(BUILD, 'sw.js')))
    throw new Error('dist/h5/sw.js is missing: run `npm run build:h5` (it runs scripts/build-sw.ts).')
  h5Dir = mkdtempSync(join(tmpdir(), 'dangshi-sw-h5-'))
  cpSync(BUILD, h5Dir, { recursive: true })
  swFile = join(h5Dir, 'sw.js')
  app = await startApp({ H5_DIR: h5Dir })
  browser = await launchBrowser()
})
afterAll(async () => {
  // Each on its own: a browser that fails to close must not keep the server running.
  try {
    await browser?.close()
  } finally {
    try {
      await app?.stop()
    } finally {
      if (h5Dir) rmSync(h5Dir, { recursive: true, force: true })
    }
  }
})

async function waitForController(page: Page, hint = ''): Promise<void> {
  try {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 })
  } catch (err) {
    throw new Error(`no service worker took control of the page${hint}`, { cause: err })
  }
}

describe('H5 service worker', () => {
  it('serves sw.js as JavaScript that browsers always revalidate', async () => {
    const res = await fetch(new URL('sw.js', app.url))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type') ?? '').toMatch(/javascript/)
    // A long-cached sw.js would pin users to an old version (the browser caps it at 24 h, still too long).
    const cacheControl = res.headers.get('cache-control') ?? ''
    expect(cacheControl).not.toMatch(/immutable/)
    expect(Number(/max-age=(\d+)/.exec(cacheControl)?.[1] ?? 0)).toBe(0)
  })

  it('loads the app shell offline once the worker controls the page', async () => {
    const context = await browser.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(app.url)
    await settled(page)
    // The app registers /sw.js itself once src/app.ts is wired; registering again is a no-op then,
    // and until then it lets this test check the worker that scripts/build-sw.ts generated.
    await page.evaluate(() => navigator.serviceWorker.register('/sw.js').then(() => undefined))
    await waitForController(page)

    await context.setOffline(true)
    // Proves the network is really gone for the page: a URL the worker does not cache must fail.
    const probe = await page.evaluate(() =>
      fetch(`/not-cached-${Date.now()}`).then(
        () => 'online',
        () => 'offline'
      )
    )
    expect(probe).toBe('offline')

    await page.reload()
    await settled(page)
    await expect(page.getByText('期刊', { exact: true }).first().isVisible()).resolves.toBe(true)
    await screenshot(page, 'sw-offline-library')
    await context.close()
  })

  it('offers a new version with the banner and applies it only when tapped', async () => {
    const original = readFileSync(swFile)
    const context = await browser.newContext(PHONE)
    try {
      const page = await context.newPage()
      await page.goto(app.url)
      await settled(page)
      // Registered by the app itself, not by the test.
      await waitForController(page, ': is serviceWorker.register wired into src/app.ts?')

      // A byte-different sw.js is a new version for the browser.
      writeFileSync(swFile, Buffer.concat([original, Buffer.from(`\n// e2e new version ${Date.now()}\n`)]))
      await page.evaluate(() => {
        ;(window as unknown as { beforeUpdate: boolean }).beforeUpdate = true
      })
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()))

      const banner = page.getByText(BANNER, { exact: true })
      await banner.waitFor({ state: 'visible', timeout: 30000 })
      await screenshot(page, 'sw-update-banner')

      // Never skipped silently: the new worker keeps waiting and the page stays as it was.
      await page.waitForTimeout(1000)
      const waiting = await page.evaluate(() =>
        navigator.serviceWorker.getRegistration().then((r) => Boolean(r?.waiting))
      )
      expect(waiting).toBe(true)
      expect(await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)).toBe(true)

      // Tapping activates the new worker and reloads the page once.
      await Promise.all([page.waitForEvent('load', { timeout: 30000 }), banner.click()])
      await settled(page)
      expect(await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)).toBeUndefined()
      const after = await page.evaluate(() =>
        navigator.serviceWorker.getRegistration().then((r) => ({
          waiting: Boolean(r?.waiting),
          controlled: navigator.serviceWorker.controller !== null
        }))
      )
      expect(after).toEqual({ waiting: false, controlled: true })
      await expect(page.getByText(BANNER, { exact: true }).count()).resolves.toBe(0)
    } finally {
      writeFileSync(swFile, original)
      await context.close()
    }
  })
})
