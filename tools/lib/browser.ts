import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const PHONE = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN'
}

/**
 * Debian's Chromium, headless, with the flags this machine needs (no background networking). Playwright closes it
 * on Ctrl-C, SIGTERM, SIGHUP and when this process exits (its handleSIGINT/SIGTERM/SIGHUP defaults, kept here).
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    handleSIGINT: true,
    handleSIGTERM: true,
    handleSIGHUP: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  })
}
