// 听 on H5: an article read aloud paragraph by paragraph (a stubbed speechSynthesis that reports boundaries and
// ends), the paragraph being read highlighted; an attached audio file (published with npm run publish --audio)
// played, paused, and resumed at the same position after a reload.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { makeWav } from '../../tools/lib/wav'
import { PHONE, screenshot, settled, topPage } from './support'
import { useAppAndBrowser } from './fixture'

const ISSUE = 'chongqing-dangshi-gongzuo-2020-02'
/** A short article with an attached reading, and a long one to read aloud (ids are stable: hashes of the text). */
const WITH_AUDIO = '56ed60b1'
const LONG = '5634a58a'

// The organizer's step, as a user runs it: the sample issue published with a 20-second WAV into folders of this run.
const root = mkdtempSync(join(tmpdir(), 'dangshi-listen-'))
const issuesDir = join(root, 'issues')
const audioDir = join(root, 'audio')
mkdirSync(issuesDir)
copyFileSync(`content/issues/${ISSUE}.txt`, join(issuesDir, `${ISSUE}.txt`))
writeFileSync(join(root, 'reading.wav'), makeWav(20))
execFileSync(
  process.execPath,
  [
    '--import',
    'tsx',
    'scripts/publish.ts',
    join(issuesDir, `${ISSUE}.txt`),
    '--audio',
    `${WITH_AUDIO}=${join(root, 'reading.wav')}`
  ],
  { env: { ...process.env, DATA_DIR: join(root, 'data'), ISSUES_DIR: issuesDir, AUDIO_DIR: audioDir }, stdio: 'pipe' }
)

const ctx = useAppAndBrowser({ ISSUES_DIR: issuesDir, AUDIO_DIR: audioDir })

const articleUrl = (id: string) => `${ctx.app.url}#/pages/article/index?issue=${ISSUE}&article=${id}`

/** speechSynthesis that speaks nothing: each utterance reports a word boundary, then its end, `ms` later. */
function stubSpeech(voices: Array<{ lang: string; name: string }>, ms = 700) {
  const w = window as unknown as Record<string, unknown>
  const spoken: string[] = []
  w.__spoken = spoken
  type U = { text: string; onend?: () => void; onboundary?: (e: { charIndex: number }) => void }
  let current: U | null = null
  let paused = false
  const run = (u: U, step: number) => {
    setTimeout(() => {
      if (current !== u) return
      if (paused) return run(u, step)
      if (step === 0) {
        u.onboundary?.({ charIndex: 2 })
        return run(u, 1)
      }
      current = null
      u.onend?.()
    }, ms / 2)
  }
  w.SpeechSynthesisUtterance = class {
    lang = ''
    rate = 1
    voice: unknown = null
    constructor(public text: string) {}
  }
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: {
      getVoices: () => voices.map((v) => ({ ...v, voiceURI: v.name, localService: true, default: true })),
      speak(u: U) {
        spoken.push(u.text)
        current = u
        paused = false
        run(u, 0)
      },
      cancel() {
        current = null
      },
      pause() {
        paused = true
      },
      resume() {
        paused = false
      },
      addEventListener() {},
      removeEventListener() {}
    }
  })
}

async function phone(voices: Array<{ lang: string; name: string }>) {
  const context = await ctx.browser.newContext(PHONE)
  await context.addInitScript(stubSpeech, voices)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  return { page, errors, close: () => context.close() }
}

/** The paragraph marked as being read, or -1. */
const readingNow = (page: Page) =>
  topPage(page)
    .locator('.para--aloud')
    .evaluateAll((els) => (els.length === 1 ? Number(els[0].id.replace('para-', '')) : els.length === 0 ? -1 : -2))

const tap = (page: Page, testId: string) => topPage(page).getByTestId(testId).click()

describe('听 on H5', () => {
  it('reads an article aloud paragraph by paragraph, the highlight following; pause, skip and stop', async () => {
    const { page, errors, close } = await phone([
      { lang: 'en-US', name: 'English' },
      { lang: 'zh-CN', name: '普通话' }
    ])
    try {
      await page.goto(articleUrl(LONG))
      await settled(page)
      const paragraphs = await topPage(page).locator('.article-text .para').count()
      expect(paragraphs).toBeGreaterThanOrEqual(5)
      await tap(page, 'tool-listen')
      await tap(page, 'listen-aloud-start')
      await expect.poll(() => readingNow(page), { timeout: 10000 }).toBe(0)
      await expect.poll(() => readingNow(page), { timeout: 10000 }).toBe(1)
      await expect.poll(() => readingNow(page), { timeout: 10000 }).toBe(2)
      await expect(topPage(page).getByTestId('listen-status').textContent()).resolves.toContain(`/${paragraphs} 段`)

      await tap(page, 'listen-pause')
      const paused = await readingNow(page)
      await page.waitForTimeout(1500) // three utterance lengths
      expect(await readingNow(page)).toBe(paused)
      await screenshot(page, 'listen-aloud')
      await tap(page, 'listen-resume')
      await expect.poll(() => readingNow(page), { timeout: 10000 }).toBe(paused + 1)

      await tap(page, 'listen-forward')
      await expect.poll(() => readingNow(page), { timeout: 10000 }).toBeGreaterThanOrEqual(paused + 2)
      // The paragraph being read is scrolled into view.
      const box = await topPage(page).locator('.para--aloud').boundingBox()
      expect(box!.y).toBeGreaterThanOrEqual(0)
      expect(box!.y).toBeLessThan(PHONE.viewport.height)

      const spoken = (await page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken)).join('')
      const texts = await topPage(page).locator('.article-text .para').allTextContents()
      expect(spoken.startsWith(texts[0] + texts[1] + texts[2])).toBe(true)

      await tap(page, 'listen-close')
      expect(await readingNow(page)).toBe(-1)
      // The time read aloud is a listening session (SPEC F6): in the sync outbox, or already in the pulled facts.
      const stored = await page.evaluate(() => Object.values(localStorage).join('\n'))
      expect(stored).toMatch(new RegExp(`"name":"listenArticle"[^}]*"mode":"aloud"|article:${ISSUE}/${LONG}@aloud#`))
      expect(errors).toEqual([])
    } finally {
      await close()
    }
  })

  it('says so when the system has no Chinese voice', async () => {
    const { page, close } = await phone([{ lang: 'en-US', name: 'English' }])
    try {
      await page.goto(articleUrl(LONG))
      await settled(page)
      await tap(page, 'tool-listen')
      await tap(page, 'listen-aloud-start')
      await expect
        .poll(() => topPage(page).getByTestId('listen-message').textContent(), { timeout: 10000 })
        .toContain('本机没有中文朗读语音')
      expect(await readingNow(page)).toBe(-1)
    } finally {
      await close()
    }
  })

  it('plays the attached audio, and after a reload resumes at the same position', async () => {
    const { page, errors, close } = await phone([{ lang: 'zh-CN', name: '普通话' }])
    const audioTime = () => page.evaluate(() => document.querySelector('audio')?.currentTime ?? -1)
    try {
      await page.goto(articleUrl(WITH_AUDIO))
      await settled(page)
      await tap(page, 'tool-listen')
      await expect(topPage(page).getByTestId('listen-audio-play').textContent()).resolves.toContain('0:20')
      await tap(page, 'listen-audio-play')
      await expect.poll(audioTime, { timeout: 20000 }).toBeGreaterThan(2.5)
      await tap(page, 'listen-pause')
      await expect.poll(() => page.evaluate(() => document.querySelector('audio')?.paused)).toBe(true)
      const at = await audioTime()
      expect(await topPage(page).getByTestId('listen-status').textContent()).toMatch(/^0:0[2-9] \/ 0:20$/)
      await screenshot(page, 'listen-audio')

      await page.reload()
      await settled(page)
      await tap(page, 'tool-listen')
      await tap(page, 'listen-audio-play')
      await expect.poll(audioTime, { timeout: 20000 }).toBeGreaterThanOrEqual(at - 0.3)
      const resumed = await audioTime()
      // Resumed where it was paused, not from the start (a second of play at most has gone by).
      expect(resumed).toBeLessThan(at + 1.5)
      const stored = await page.evaluate(() => Object.values(localStorage).join('\n'))
      expect(stored).toMatch(
        new RegExp(`"name":"listenArticle"[^}]*"mode":"audio"|article:${ISSUE}/${WITH_AUDIO}@audio#`)
      )
      expect(errors).toEqual([])
    } finally {
      await close()
    }
  })
})
