// Helpers of the end-to-end tests. Starting the app and the browser is shared with the benches through tools/lib.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'

export { startApp, type RunningApp } from '../../tools/lib/app'
import { PHONE } from '../../tools/lib/browser'
import { run } from '../../tools/lib/run'

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

/**
 * The contrast ratio (WCAG) of each selector's text against the page's `.screen` background, inside `root`. A
 * selector that matches nothing reports 0 (a failure), or 99 when `optional` (parts a page may not show).
 */
export async function textContrast(
  root: Locator,
  selectors: string[],
  optional = false
): Promise<Array<readonly [string, number]>> {
  return root.evaluate(
    (el, [sels, missing]) => {
      const lum = (c: string) => {
        const [r, g, b] = (c.match(/\d+(\.\d+)?/g) ?? [])
          .slice(0, 3)
          .map(Number)
          .map((v) => v / 255)
          .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
      }
      const bg = lum(getComputedStyle(el.querySelector('.screen') as Element).backgroundColor)
      return sels.map((sel) => {
        const node = el.querySelector(sel)
        if (!node) return [sel, missing] as const
        const fg = lum(getComputedStyle(node).color)
        return [sel, (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05)] as const
      })
    },
    [selectors, optional ? 99 : 0] as const
  )
}

/** The page on top of Taro's H5 page stack (the pages under it stay in the DOM, hidden). */
export const topPage = (page: Page): Locator => page.locator('.taro_page:not(.taro_page_shade)').last()

/** `npm run org -- ARGS` against a running app's database (its DATA_DIR). */
export async function orgCli(dataDir: string, ...args: string[]): Promise<string> {
  const res = await run('npx', ['tsx', 'scripts/org.ts', ...args], { env: { DATA_DIR: dataDir } })
  if (res.code !== 0) throw new Error(`npm run org -- ${args.join(' ')}: ${res.output}`)
  return res.output
}

/** 我的 → 账号与设备: taps the row on 我的 (the top page) and waits for the account page. */
export async function openAccount(page: Page): Promise<void> {
  await topPage(page).locator('[data-testid=open-account]').click()
  await page.waitForURL(/pages\/account\/index/)
  await topPage(page).locator('[data-testid=account-page] [data-testid=member-name]').waitFor({ timeout: 30000 })
}

/**
 * One of 账号与设备's actions that asks for a value (修改名字, 加入党组织): from 我的 (opening 账号与设备 first) or
 * from 账号与设备 itself, tap it, type the value, submit. Stays on 账号与设备.
 */
export async function meAction(page: Page, action: string, value: string): Promise<void> {
  if ((await topPage(page).locator('[data-testid=account-page]').count()) === 0) await openAccount(page)
  await topPage(page).getByText(action, { exact: true }).click()
  await topPage(page).locator('[data-testid=me-input] input').fill(value)
  await topPage(page).locator('[data-testid=me-submit]').click()
}

/** Opens 我的 and waits until the device has signed in; returns the member's name as shown. */
export async function openMe(page: Page, appUrl: string): Promise<string> {
  await page.goto(`${appUrl}#/pages/me/index`)
  await settled(page)
  const name = page.locator('.taro_page:not(.taro_page_shade)').last().locator('[data-testid=member-name]')
  await name.waitFor({ timeout: 30000 })
  return (await name.textContent()) ?? ''
}

/** Two phones (browser contexts at phone size) on 我的, each signed in as a device account of its own. */
export async function twoPhonesOnMe(
  browser: Browser,
  appUrl: string
): Promise<{ a: Page; b: Page; nameA: string; nameB: string }> {
  const a = await (await browser.newContext(PHONE)).newPage()
  const nameA = await openMe(a, appUrl)
  const b = await (await browser.newContext(PHONE)).newPage()
  const nameB = await openMe(b, appUrl)
  return { a, b, nameA, nameB }
}
