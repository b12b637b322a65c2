// Helpers of the end-to-end tests. Starting the app and the browser is shared with the benches through tools/lib.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'

export { freePort, startApp, type RunningApp } from '../../tools/lib/app'
export { CHROMIUM, launchBrowser, PHONE } from '../../tools/lib/browser'

export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots')

/** Waits until Taro H5 has finished sliding the current page in. */
export async function settled(page: Page): Promise<void> {
  // The page on top of Taro's stack is the last .taro_page that is shown; the ones under it keep their classes.
  await page.waitForFunction(
    () => {
      const shown = [...document.querySelectorAll('.taro_page')].filter(
        (el) => (el as HTMLElement).style.display !== 'none' && !el.classList.contains('taro_page_shade')
      )
      const top = shown[shown.length - 1]
      return !!top && top.classList.contains('taro_page_stationed')
    },
    undefined,
    { timeout: 20000 }
  )
  await page.waitForTimeout(350)
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const path = join(SCREENSHOTS, `${name}.png`)
  await page.screenshot({ path })
  return path
}
