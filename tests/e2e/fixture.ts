// Kept apart from support.ts: this one needs vitest's hooks.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchBrowser, startApp, type RunningApp } from './support'

/** Starts `npm start` and a browser before a test file's tests and stops both after them. */
export function useAppAndBrowser(env: Record<string, string> = {}): { app: RunningApp; browser: Browser } {
  const ctx = {} as { app: RunningApp; browser: Browser }
  beforeAll(async () => {
    ctx.app = await startApp(env)
    ctx.browser = await launchBrowser()
  })
  afterAll(async () => {
    // Each on its own: a browser that fails to close must not keep the server running.
    try {
      await ctx.browser?.close()
    } finally {
      await ctx.app?.stop()
    }
  })
  return ctx
}
