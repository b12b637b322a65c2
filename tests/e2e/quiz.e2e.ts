// Issue #11 end to end: the scored 百题竞答 answered on a phone, kept through a reload and an offline stretch,
// handed in, scored by the server, reviewed, and a question's 出处 opened; then practice and the 错题本.
import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openMe, PHONE, screenshot, settled, topPage } from './support'
import { useAppAndBrowser } from './fixture'
import { tempDir, writeCurrentCampaign } from '../../server/test-support'

const BANK = 'dangshi-100'
// The shipped campaign (2020) has ended, which closes the scored quiz; this one's window includes today.
const campaigns = tempDir('dangshi-campaigns-')
writeCurrentCampaign(campaigns.path)
afterAll(() => campaigns.remove())
const ctx = useAppAndBrowser({ CAMPAIGNS_DIR: campaigns.path })

interface PaperQuestion {
  id: string
  type: 'single' | 'multiple' | 'truefalse' | 'fill'
  options: string[]
}
interface BankQuestion {
  id: string
  type: PaperQuestion['type']
  options?: string[]
  answer?: string | string[] | boolean
  answers?: string[]
}

/** The session token this browser signed in with. */
async function tokenOf(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    const raw = localStorage.getItem('session')
    return raw ? (JSON.parse(raw) as { state?: { token?: string } }).state?.token : undefined
  })
  if (!token) throw new Error('not signed in')
  return token
}

async function api<T>(path: string, token: string): Promise<T> {
  const res = await fetch(`${ctx.app.url}api${path}`, { headers: { authorization: `Bearer ${token}` } })
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`)
  return (await res.json()) as T
}

/** Answers Taro's dialog (Taro.showModal on H5) with its confirm button, checking what it says. */
async function confirm(page: Page, label: string): Promise<string> {
  const dialog = page.locator('.taro-modal__content').last()
  await dialog.waitFor({ state: 'visible' })
  const text = (await dialog.textContent()) ?? ''
  const button = dialog.locator('.taro-model__confirm')
  await expect(button.textContent()).resolves.toBe(label)
  await button.click()
  await dialog.waitFor({ state: 'hidden' })
  return text
}

/** What the test answers: the first shown option (two for 多选), a fixed text for 填空. */
async function answerCurrent(page: Page, q: PaperQuestion): Promise<void> {
  const root = topPage(page)
  if (q.type === 'fill') {
    await root.locator('[data-testid=quiz-fill] input').fill('测试答案')
    await root.locator('[data-testid=contest-fill-save]').click()
  } else {
    await root.locator('[data-testid=quiz-option]').nth(0).click()
    if (q.type === 'multiple') await root.locator('[data-testid=quiz-option]').nth(1).click()
  }
}

const progressText = (page: Page) => topPage(page).locator('[data-testid=contest-progress]').textContent()

describe('答题 (H5 in Chromium at 375×812)', () => {
  it('百题竞答: 30 answers survive a reload, more are answered offline, and the server scores what was chosen', async () => {
    const context = await ctx.browser.newContext(PHONE)
    const page = await context.newPage()
    await openMe(page, ctx.app.url)
    const token = await tokenOf(page)

    // From 书架 to 答题, and the contest started after its confirmation.
    await page.goto(`${ctx.app.url}#/pages/library/index`)
    await settled(page)
    await topPage(page).locator('[data-testid=open-quiz]').click()
    await page.waitForURL(/pages\/quiz\/home\/index/)
    await settled(page)
    const contestCard = topPage(page).locator('[data-testid=contest-card]')
    await contestCard.waitFor({ timeout: 20000 })
    await expect(contestCard.textContent()).resolves.toContain('每人一次')
    await topPage(page).locator('[data-testid=contest-open]').click()
    expect(await confirm(page, '开始答题')).toContain('限时 60 分钟')
    await page.waitForURL(/pages\/quiz\/contest\/index/)
    await settled(page)

    const banks = await api<{ banks: Array<{ id: string; attempt: { id: string } | null }> }>('/quiz/banks', token)
    const attemptId = banks.banks.find((b) => b.id === BANK)?.attempt?.id
    expect(attemptId).toBeTruthy()
    const attempt = await api<{ questions: PaperQuestion[]; paper: { options: Record<string, number[]> } }>(
      `/quiz/attempts/${attemptId}`,
      token
    )
    expect(attempt.questions).toHaveLength(100)

    // 30 answers, one after another.
    for (let i = 0; i < 30; i++) {
      await expect.poll(() => progressText(page)).toContain(`第 ${i + 1} / 100 题`)
      await answerCurrent(page, attempt.questions[i])
      await expect.poll(() => progressText(page)).toContain(`已答 ${i + 1}`)
      await topPage(page).locator('[data-testid=contest-next]').click()
    }
    await screenshot(page, 'quiz-question')

    // Reloaded (the app killed): at question 31 with the 30 answers.
    await page.reload()
    await settled(page)
    await expect.poll(() => progressText(page), { timeout: 20000 }).toContain('第 31 / 100 题 · 已答 30')

    // Offline: 10 more, kept and synced later.
    await context.setOffline(true)
    for (let i = 30; i < 40; i++) {
      await answerCurrent(page, attempt.questions[i])
      await expect.poll(() => progressText(page)).toContain(`已答 ${i + 1}`)
      await topPage(page).locator('[data-testid=contest-next]').click()
    }
    await page.reload().catch(() => undefined) // the service worker serves the shell offline
    await settled(page)
    await expect.poll(() => progressText(page), { timeout: 20000 }).toContain('第 41 / 100 题 · 已答 40')
    await context.setOffline(false)

    // The answer sheet: 40 answered cells; jump to question 5 and back.
    await topPage(page).locator('[data-testid=contest-sheet]').click()
    const sheet = topPage(page).locator('[data-testid=answer-sheet]')
    await sheet.waitFor()
    await expect(sheet.locator('.quiz-cell.is-done').count()).resolves.toBe(40)
    await screenshot(page, 'quiz-answer-sheet')
    await sheet.locator('[data-testid=sheet-cell]').nth(4).click()
    await expect.poll(() => progressText(page)).toContain('第 5 / 100 题')

    // Hand in: warned about the 60 unanswered ones.
    await topPage(page).locator('[data-testid=contest-sheet]').click()
    await topPage(page).locator('[data-testid=sheet-submit]').click()
    expect(await confirm(page, '交卷')).toContain('还有 60 题未作答')
    await page.waitForURL(/pages\/quiz\/result\/index/, { timeout: 30000 })
    await settled(page)

    // The score is the server's, and it is what the chosen answers are worth.
    const bank = await api<{ questions: BankQuestion[] }>(`/quiz/banks/${BANK}`, token)
    const byId = new Map(bank.questions.map((q) => [q.id, q]))
    let expected = 0
    for (const q of attempt.questions.slice(0, 40)) {
      const full = byId.get(q.id) as BankQuestion & { score?: number }
      const perm = attempt.paper.options[q.id]
      const original = (shown: number) => String.fromCharCode(65 + (perm ? perm[shown] : shown))
      let right = false
      if (q.type === 'single') right = full.answer === original(0)
      if (q.type === 'truefalse') right = full.answer === true
      if (q.type === 'multiple')
        right = JSON.stringify([original(0), original(1)].sort()) === JSON.stringify(full.answer)
      if (q.type === 'fill') right = (full.answers ?? []).includes('测试答案')
      if (right) expected += full.score ?? 1
    }
    const score = topPage(page).locator('[data-testid=result-score]')
    await score.waitFor({ timeout: 20000 })
    expect(Number(await score.textContent())).toBe(expected)
    await expect(topPage(page).locator('[data-testid=result-topic]').count()).resolves.toBeGreaterThan(1)
    await screenshot(page, 'quiz-result')

    // The review: every question with the right answer and 解析; one opens its source article at the paragraph.
    const items = topPage(page).locator('[data-testid=review-item]')
    await expect(items.count()).resolves.toBe(20)
    const withArticle = items.filter({ has: page.locator('[data-testid=quiz-source]') }).first()
    await withArticle.scrollIntoViewIfNeeded()
    await screenshot(page, 'quiz-review')
    await expect(withArticle.textContent()).resolves.toContain('正确答案')
    const sourceText = (await withArticle.locator('[data-testid=quiz-source]').textContent()) ?? ''
    await withArticle.locator('[data-testid=quiz-source]').click()
    await page.waitForURL(/pages\/article\/index\?.*p=\d+/)
    await settled(page)
    // The quoted paragraph is the highlighted one, and it holds the quote the review showed.
    const quote = /“(.+?)(…)?”/.exec(sourceText)?.[1] ?? ''
    const linked = topPage(page).locator('.para--linked')
    await linked.waitFor({ timeout: 20000 })
    expect((await linked.textContent())?.replace(/\s/g, '')).toContain(quote.replace(/\s/g, ''))
    await context.close()
  })

  it('practice offline: a wrong answer goes to the 错题本, shown with 解析 and 出处', async () => {
    const context = await ctx.browser.newContext(PHONE)
    const page = await context.newPage()
    await openMe(page, ctx.app.url)
    await page.goto(`${ctx.app.url}#/pages/quiz/home/index`)
    await settled(page)
    const random = topPage(page).locator('[data-testid=practice-random]')
    await random.waitFor({ timeout: 20000 })
    await topPage(page).locator('[data-testid=practice-section]').first().waitFor({ timeout: 20000 })
    await screenshot(page, 'quiz-home')
    // Once the bank is on the device (and the app shell in the service worker's cache), practice needs no network.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 })
    await context.setOffline(true)
    await random.click()
    await page.waitForURL(/pages\/quiz\/practice\/index/)
    await settled(page)
    const root = topPage(page)
    let wrong = 0
    for (let i = 0; i < 10; i++) {
      // The question of this step is shown (not the one before 下一题), and then what kind it is.
      await root.getByText(`第 ${i + 1} / 10 题`).waitFor({ timeout: 20000 })
      await root.locator('[data-testid=quiz-stem]').waitFor()
      const fill = root.locator('[data-testid=quiz-fill] input')
      if (await fill.count()) {
        await fill.fill('不是这个答案')
        await root.locator('[data-testid=practice-confirm]').click()
      } else {
        const multiple = await root.locator('[data-testid=practice-confirm]').count()
        await root.locator('[data-testid=quiz-option]').nth(0).click()
        if (multiple) {
          await root.locator('[data-testid=quiz-option]').nth(1).click()
          await root.locator('[data-testid=practice-confirm]').click()
        }
      }
      const explain = root.locator('[data-testid=quiz-explain]')
      await explain.waitFor()
      const text = (await explain.textContent()) ?? ''
      expect(text).toContain('正确答案')
      expect(text).toContain('出处')
      if (text.includes('回答错误')) wrong++
      if (i === 0) await screenshot(page, 'quiz-practice')
      if (i < 9) await root.locator('[data-testid=practice-next]').click()
    }
    expect(wrong).toBeGreaterThan(0)
    await root.locator('[data-testid=practice-finish]').click()
    await confirm(page, '返回')
    await page.waitForURL(/pages\/quiz\/home\/index/)
    await settled(page)
    await expect
      .poll(() => topPage(page).locator('[data-testid=practice-wrong]').textContent())
      .toBe(`错题本（${wrong}）`)
    await context.close()
  })
})
