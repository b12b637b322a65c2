// @vitest-environment node
// Loads the real H5 build in Chromium under the server's headers: the CSP must not block anything the app needs.
// Skipped when there is no Chromium or no H5 build (`npm run build:h5`).
import { cpSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startServer } from './server'
import { CHROMIUM, launchBrowser } from '../tools/lib/browser'
import { SAMPLE_ISSUE, tempDir } from './test-support'

const BUILD = 'dist/h5'
const ready = existsSync(CHROMIUM) && existsSync(join(BUILD, 'index.html'))

describe.skipIf(!ready)('the H5 build under the CSP', () => {
  it('loads and renders with no CSP violation, page error or failed request', async () => {
    const dir = tempDir()
    // A private copy, so a rebuild running meanwhile cannot pull files from under the test.
    cpSync(BUILD, join(dir.path, 'h5'), { recursive: true })
    cpSync(SAMPLE_ISSUE, join(dir.path, 'issues', 'sample.txt'))
    const server = await startServer(
      { dataDir: join(dir.path, 'data'), staticDir: join(dir.path, 'h5'), contentDir: join(dir.path, 'issues') },
      { host: '127.0.0.1', port: 0 }
    )
    const browser = await launchBrowser()
    const problems: string[] = []
    try {
      const page = await browser.newPage()
      page.on('console', (m) => void (m.type() === 'error' && problems.push(`console: ${m.text()}`)))
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
      page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`))
      page.on('response', (r) => void (r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`)))
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) =>
          console.error(`CSP blocked ${e.violatedDirective} ${e.blockedURI}`)
        )
      )
      const res = await page.goto(server.url)
      expect(res?.headers()['content-security-policy']).toMatch(/script-src 'self' 'sha256-/)
      await page.waitForSelector('.taro_page_stationed', { timeout: 20_000 })
      await page.waitForTimeout(500)
      expect(problems).toEqual([])
      expect((await page.textContent('body'))?.trim().length).toBeGreaterThan(0)
    } finally {
      await browser.close()
      await server.close()
      dir.remove()
    }
  })
})
