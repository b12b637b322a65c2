// Issue #17 end to end: axe-core (WCAG 2 A/AA) on every screen in normal, night and 关怀模式 (AAA contrast there),
// touch targets of every action, and a keyboard-only reading path from the shelf to the next article.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { run } from '../../tools/lib/run'
import { tempDir, writeCurrentCampaign } from '../../server/test-support'
import { useAppAndBrowser } from './fixture'
import { openAccount, openMe, PHONE, screenshot, settled, topPage } from './support'

const ISSUE = 'chongqing-dangshi-gongzuo-2020-02'
const BANK = 'dangshi-100'
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

// An open 百题竞答 (the shipped campaign has ended), so the contest screens can be reached.
const campaigns = tempDir('dangshi-a11y-campaigns-')
writeCurrentCampaign(campaigns.path)
afterAll(() => campaigns.remove())
const ctx = useAppAndBrowser({ CAMPAIGNS_DIR: campaigns.path })

/** Opens a hash route of the app and waits for `ready` on the page shown. */
async function go(page: Page, route: string, ready: string): Promise<void> {
  await page.goto(`${ctx.app.url}#${route}`)
  await settled(page)
  await topPage(page).locator(ready).first().waitFor({ timeout: 30000 })
}

/** Answers Taro's dialog (Taro.showModal on H5) with its confirm button. */
async function confirm(page: Page): Promise<void> {
  const dialog = page.locator('.taro-modal__content').last()
  await dialog.waitFor({ state: 'visible' })
  await dialog.locator('.taro-model__confirm').click()
  await dialog.waitFor({ state: 'hidden' })
}

let firstArticle = ''
beforeAll(async () => {
  const issue = (await (await fetch(`${ctx.app.url}api/issues/${ISSUE}`)).json()) as {
    sections: Array<{ articles: Array<{ id: string }> }>
  }
  firstArticle = issue.sections[0].articles[0].id
})

/**
 * Every screen of the app, opened the way a member gets there. A new screen is one more line here: it is then
 * checked with axe in every mode, and its actions for their size.
 */
const SCREENS: Array<{ name: string; open(page: Page): Promise<void> }> = [
  { name: 'library', open: (p) => go(p, '/pages/library/index', '[data-testid=issue-card]') },
  { name: 'issue', open: (p) => go(p, `/pages/issue/index?issue=${ISSUE}`, '[data-testid=article-row]') },
  {
    name: 'article',
    open: (p) => go(p, `/pages/article/index?issue=${ISSUE}&article=${firstArticle}`, '.article-title')
  },
  { name: '我的', open: (p) => go(p, '/pages/me/index', '[data-testid=member-name]') },
  { name: '账号与设备', open: (p) => go(p, '/pages/account/index', '[data-testid=create-pairing]') },
  {
    name: 'devices',
    open: async (p) => {
      await go(p, '/pages/account/index', '[data-testid=devices-toggle]')
      await topPage(p).locator('[data-testid=devices-toggle]').click()
      await topPage(p).locator('[data-testid=device]').first().waitFor()
    }
  },
  { name: 'offline', open: (p) => go(p, '/pages/offline/index', '[data-testid=storage-meter]') },
  { name: 'quiz home', open: (p) => go(p, '/pages/quiz/home/index', '[data-testid=contest-card]') },
  {
    name: 'quiz practice',
    open: async (p) => {
      await go(p, '/pages/quiz/home/index', '[data-testid=practice-random]')
      await topPage(p).locator('[data-testid=practice-random]').first().click()
      await p.waitForURL(/pages\/quiz\/practice\/index/)
      await settled(p)
      // A question of the random round: options, or a 填空 field (a round may start with one, which has no options).
      await topPage(p).locator('[data-testid=quiz-stem]').first().waitFor({ timeout: 30000 })
      await topPage(p).locator('[data-testid=quiz-option], [data-testid=quiz-fill]').first().waitFor()
    }
  },
  {
    name: 'quiz contest',
    open: async (p) => {
      await go(p, '/pages/quiz/home/index', '[data-testid=contest-open]')
      // Started once (每人一次, after a confirmation); afterwards the contest page shows that attempt.
      const open = topPage(p).locator('[data-testid=contest-open]')
      if (/继续|成绩/.test((await open.textContent()) ?? '')) {
        await go(p, `/pages/quiz/contest/index?bank=${BANK}`, '[data-testid=contest-progress]')
      } else {
        await open.click()
        await confirm(p)
      }
      await p.waitForURL(/pages\/quiz\/contest\/index/)
      await settled(p)
      await topPage(p).locator('[data-testid=contest-progress]').waitFor({ timeout: 30000 })
    }
  },
  {
    name: 'quiz result',
    open: async (p) => {
      await go(p, `/pages/quiz/contest/index?bank=${BANK}`, '[data-testid=contest-progress]')
      if ((await topPage(p).locator('[data-testid=contest-submit], [data-testid=contest-sheet]').count()) > 0) {
        const sheet = topPage(p).locator('[data-testid=contest-sheet]')
        await sheet.click()
        const submit = topPage(p).locator('[data-testid=sheet-submit]')
        if ((await submit.count()) > 0) {
          await submit.click()
          await confirm(p)
          await p.waitForURL(/pages\/quiz\/result\/index/, { timeout: 30000 })
        }
      }
      await go(p, `/pages/quiz/result/index?bank=${BANK}`, '[data-testid=quiz-result]')
    }
  },
  { name: 'campaign', open: (p) => go(p, '/pages/campaign/index/index', '[data-testid=phase-answer]') },
  { name: 'org', open: (p) => go(p, '/pages/org/index', '[data-testid=org-admin]') },
  { name: 'privacy data', open: (p) => go(p, '/pages/privacy/data/index', '[data-testid=local-data]') },
  // The issue is on the device by now (the screens above read it), so the search has hits of both kinds.
  { name: 'search', open: (p) => go(p, '/pages/search/index?q=党史', '[data-testid=search-hit]') },
  { name: 'publish', open: (p) => go(p, '/pages/publish/index', '[data-testid=publish-pick]') }
]

/** The reading modes every screen is checked in; 关怀模式 asks for 7:1 text contrast (axe's AAA rule). */
const MODES = [
  { name: 'normal', night: false, care: false },
  { name: 'night', night: true, care: false },
  { name: '关怀模式', night: false, care: true },
  { name: '关怀模式 night', night: true, care: true }
] as const

/** Sets night mode and 关怀模式 through 我的, by the toggles' aria-pressed state. */
async function setMode(page: Page, mode: (typeof MODES)[number]): Promise<void> {
  await go(page, '/pages/me/index', '[data-testid=me-care]')
  for (const [id, on] of [
    ['me-care', mode.care],
    ['me-night', mode.night]
  ] as const) {
    const toggle = topPage(page).locator(`[data-testid=${id}]`)
    if ((await toggle.getAttribute('aria-pressed')) !== String(on)) await toggle.click()
    await topPage(page).locator(`[data-testid=${id}][aria-pressed="${on}"]`).waitFor()
  }
}

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: Array<{ target: unknown[]; failureSummary?: string }>
}

/** axe-core on the whole document (the screen shown; Taro hides the pages under it with display: none). */
async function axe(page: Page, care: boolean): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE })
  const violations = await page.evaluate(async (aaa) => {
    const w = window as unknown as {
      axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> }
    }
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
    const aa = await w.axe.run(document, { runOnly: { type: 'tag', values: tags } })
    // 关怀模式 promises 7:1: axe's AAA contrast rule, and no other AAA rule.
    const enhanced = aaa
      ? await w.axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast-enhanced'] } })
      : { violations: [] }
    return [...aa.violations, ...enhanced.violations]
  }, care)
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${JSON.stringify(n.target)} — ${n.failureSummary ?? v.help}`)
  )
}

/** Actions (role button/tab/radio/checkbox) on screen smaller than the touch target (inline text links excepted). */
async function smallTargets(page: Page, min: number): Promise<string[]> {
  return topPage(page).evaluate((root, least) => {
    const out: string[] = []
    for (const el of root.querySelectorAll('[role=button], [role=tab], [role=radio], [role=checkbox], button')) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || getComputedStyle(el).display === 'inline') continue
      // Below the bottom of the screen or hidden toolbars are still measured: they are the same elements.
      if (r.height < least - 0.5 || r.width < least - 0.5)
        out.push(`${el.getAttribute('aria-label') ?? el.textContent}: ${Math.round(r.width)}×${Math.round(r.height)}`)
    }
    return out
  }, min)
}

describe('accessibility (H5 in Chromium at 375×812)', () => {
  let context: BrowserContext
  let page: Page
  beforeAll(async () => {
    // The app's CSP allows no inline script; axe is injected as one (only into this test's pages).
    context = await ctx.browser.newContext({ ...PHONE, bypassCSP: true })
    page = await context.newPage()
    // A member of an organization and its admin, so 组织情况 shows everything.
    await openMe(page, ctx.app.url)
    const created = await run('npx', ['tsx', 'scripts/org.ts', 'create', '第一党支部'], {
      env: { DATA_DIR: ctx.app.dataDir }
    })
    const code = /join code: (\w+)/.exec(created.output)?.[1] ?? ''
    await openAccount(page)
    await topPage(page).getByText('修改名字', { exact: true }).click()
    await topPage(page).locator('[data-testid=me-input] input').fill('李明')
    await topPage(page).locator('[data-testid=me-submit]').click()
    await topPage(page).locator('[data-testid=member-name]', { hasText: '李明' }).waitFor({ timeout: 20000 })
    await topPage(page).getByText('加入党组织', { exact: true }).click()
    await topPage(page).locator('[data-testid=me-input] input').fill(code)
    await topPage(page).locator('[data-testid=me-submit]').click()
    await topPage(page).locator('[data-testid=open-org]').waitFor({ timeout: 20000 })
    const admin = await run('npx', ['tsx', 'scripts/org.ts', 'admin', code, '李明'], {
      env: { DATA_DIR: ctx.app.dataDir }
    })
    expect(admin.output).toContain('is now an admin')
  })
  afterAll(async () => {
    await context?.close()
  })

  describe.each(MODES)('$name', (mode) => {
    beforeAll(async () => {
      await setMode(page, mode)
    })
    it.each(SCREENS)('$name: no WCAG 2 A/AA violation, touch targets large enough', async (screen) => {
      await screen.open(page)
      const problems = await axe(page, mode.care)
      // Joined, so that a failure prints every rule id and target in full.
      expect(problems.join('\n'), `${screen.name} (${mode.name})`).toBe('')
      const small = await smallTargets(page, mode.care ? 48 : 44)
      expect(small.join('\n'), `${screen.name} (${mode.name}): touch targets`).toBe('')
    })
  })
})

describe('keyboard only (H5)', () => {
  it('reads from the shelf with Tab, Enter and Space: an issue, an article, a larger font, the next article', async () => {
    const context = await ctx.browser.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(ctx.app.url)
    await settled(page)
    await topPage(page).locator('[data-testid=issue-card]').first().waitFor({ timeout: 30000 })

    /** Presses Tab until the focused element matches `selector` (at most `max` times). */
    const tabTo = async (selector: string, max = 60) => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press('Tab')
        const hit = await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)
        if (hit) return
      }
      throw new Error(`Tab never reached ${selector}`)
    }
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement
        return { label: el?.getAttribute('aria-label') ?? '', outline: el ? getComputedStyle(el).outlineStyle : '' }
      })

    // The shelf: the first issue card, by Enter.
    await tabTo('[data-testid=issue-card]')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('重庆党史工作')
    expect((await focused()).outline).toBe('solid') // the focus is visible
    await page.keyboard.press('Enter')
    await page.waitForURL(/pages\/issue\/index/)
    await settled(page)
    await topPage(page).locator('[data-testid=article-row]').first().waitFor()

    // The section bar is one tab stop; → moves to the next section.
    await tabTo('[role=tab]')
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).toBe('true')
    // An article, by Space.
    await tabTo('[data-testid=article-row]')
    const title = (await page.evaluate(() => document.activeElement?.textContent)) ?? ''
    await page.keyboard.press(' ')
    await page.waitForURL(/pages\/article\/index/)
    await settled(page)
    const article = topPage(page).locator('.article-title')
    await article.waitFor()
    expect(title).toContain((await article.textContent()) ?? '—')

    // Aa opens the type panel; focus is in it, A+ makes the text larger.
    const size = () =>
      topPage(page)
        .locator('.article-text')
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    const before = await size()
    await tabTo('[data-testid=tool-type]')
    await page.keyboard.press('Enter')
    await topPage(page).locator('[data-testid=type-panel]').waitFor()
    await tabTo('[data-testid=font-bigger]', 5)
    expect((await focused()).label).toBe('放大字号 A+')
    await page.keyboard.press('Enter')
    await expect.poll(size).toBeGreaterThan(before)
    await screenshot(page, 'a11y-keyboard-type-panel')
    await page.keyboard.press('Escape')
    await topPage(page).locator('[data-testid=type-panel]').waitFor({ state: 'detached' })
    // Focus is back on Aa, which opened the panel.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tool-type')

    // 下一篇 in the toolbar, by Enter: the next article.
    const first = await article.textContent()
    await tabTo('[data-testid=tool-next]')
    await page.keyboard.press('Enter')
    await expect
      .poll(async () => topPage(page).locator('.article-title').textContent(), { timeout: 20000 })
      .not.toBe(first)
    await context.close()
  })
})

describe('status changes (H5)', () => {
  it('are announced through the polite live region: 下载完成, then 网络已断开 and 网络已恢复', async () => {
    const context = await ctx.browser.newContext(PHONE)
    const page = await context.newPage()
    await go(page, `/pages/issue/index?issue=${ISSUE}`, '[data-testid=download-issue]')
    const region = topPage(page).locator('[data-testid=live-region]')
    await expect(region.getAttribute('aria-live')).resolves.toBe('polite')
    await expect(region.getAttribute('role')).resolves.toBe('status')
    await topPage(page).locator('[data-testid=download-issue]').click()
    await expect.poll(() => region.textContent(), { timeout: 30000 }).toContain('下载完成')
    await context.setOffline(true)
    await expect.poll(() => region.textContent(), { timeout: 20000 }).toContain('网络已断开')
    await context.setOffline(false)
    await expect.poll(() => region.textContent(), { timeout: 20000 }).toContain('网络已恢复')
    await context.close()
  })
})

describe('screenshots with a focused element (375×812)', () => {
  it('article, normal and 关怀模式 night', async () => {
    const context = await ctx.browser.newContext(PHONE)
    const page = await context.newPage()
    await go(page, `/pages/article/index?issue=${ISSUE}&article=${firstArticle}`, '.article-title')
    await page.keyboard.press('Tab')
    await topPage(page).locator('[data-testid=tool-next]').focus()
    await screenshot(page, 'a11y-article-focus')
    await setMode(page, MODES[3])
    await go(page, `/pages/article/index?issue=${ISSUE}&article=${firstArticle}`, '.article-title')
    await page.keyboard.press('Tab')
    await topPage(page).locator('[data-testid=tool-type]').focus()
    await screenshot(page, 'a11y-article-care-night-focus')
    await context.close()
  })
})
