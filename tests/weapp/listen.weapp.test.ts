// 听 in the mini-program: an article's attached audio played through WeChat's BackgroundAudioManager (the fake
// wx records what is set and called), with the lock-screen fields set before src, the speed, and the position
// kept on the phone so a new run of the app resumes there. Read-aloud is hidden without the WechatSI plugin.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { AudioRef } from '../../src/domain/api/issue'
import { publishIssueText } from '../../src/domain/publish'
import { attachAudio } from '../../src/domain/publish/audio'
import { toRecord } from '../../server/services/content'
import { SAMPLE_ID, weappFixture } from './support'

const app = weappFixture()
const sha256 = (d: string | Uint8Array) => createHash('sha256').update(d).digest('hex')
const ref: AudioRef = {
  url: `/media/audio/${'ab'.repeat(32)}.mp3`,
  mime: 'audio/mpeg',
  bytes: 4_800_000,
  sha256: 'ab'.repeat(32),
  durationSec: 300
}

/** Publishes the sample issue with the audio attached to its first article without 听 in its text. */
async function publishWithAudio() {
  const result = publishIssueText(readFileSync(`content/issues/${SAMPLE_ID}.txt`, 'utf8'), `${SAMPLE_ID}.txt`, sha256)
  if (!result.ok) throw new Error('sample does not parse')
  const article = result.published.issue.sections
    .flatMap((s) => s.articles)
    .find((a) => a.title && !a.title.includes('听') && !a.paragraphs.join('').includes('听'))!
  const { published } = attachAudio(result.published, { [article.id]: ref }, sha256)
  await app.server().env.app.services.store.content.publish([toRecord(published)], Date.now())
  return { issue: published.issue, article }
}

describe('听 (weapp)', () => {
  it('plays the attached audio in the background with lock-screen fields, a speed, and resumes where it was', async () => {
    const { issue, article } = await publishWithAudio()
    const device = app.device()
    const open = { path: 'pages/article/index', query: { issue: SAMPLE_ID, article: article.id } }
    const mp = app.start(device, open)
    const page = await mp.see(article.title!)
    page.tap('听')
    await mp.see('播放音频 5:00')
    // No WechatSI plugin in this build: read-aloud is not offered.
    expect(page.has('朗读全文')).toBe(false)
    page.tap('播放音频')
    await mp.until(() => mp.wx.log.backgroundAudio.some((c) => c.startsWith('src=')), 'the audio started')
    const log = mp.wx.log.backgroundAudio
    expect(log).toContain(`title=${article.title}`)
    expect(log).toContain(`epname=${issue.title} 第${issue.number}期`)
    expect(log).toContain(`singer=${article.source}`)
    expect(log).toContain('startTime=0')
    const src = log.findIndex((c) => c.startsWith('src='))
    expect(log[src]).toMatch(new RegExp(`^src=https?://[^/]+${ref.url}$`))
    expect(log.indexOf(`title=${article.title}`)).toBeLessThan(src)
    expect(mp.wx.log.calls).toContain('getBackgroundAudioManager')

    // Time passes with the screen locked; the bar shows it; the lock screen pauses it.
    // Listening time is the member's own time (wall clock while playing), so it passes for real here.
    for (let k = 0; k < 3; k++) {
      await new Promise((r) => setTimeout(r, 1100))
      mp.wx.backgroundAudio.advance(11)
    }
    // The manager's own duration wins over the published one (the fake reports 10 minutes for any file).
    await mp.see('0:33 / 10:00')
    page.tap('1.0×')
    await mp.until(() => mp.wx.log.backgroundAudio.includes('playbackRate=1.25'), 'the speed set')
    await mp.see('1.25×')
    mp.wx.backgroundAudio.lockScreenPause()
    await mp.see('继续')
    await mp.until(() => device.storage.get(`listen.position.${ref.sha256}`) !== undefined, 'the position kept')
    expect(JSON.parse(String(device.storage.get(`listen.position.${ref.sha256}`))).position).toBe(33)
    // The time listened waits in the sync outbox (SPEC F6).
    // In the outbox, or (pushed and pulled already) in the synced facts: the same mode and seconds either way.
    const stored = `${String(device.storage.get('sync.outbox'))}\n${String(device.storage.get('sync.server'))}`
    const seconds = Number(/"mode":"audio","seconds":(\d+)/.exec(stored)?.[1])
    expect(seconds).toBeGreaterThanOrEqual(3)
    expect(seconds).toBeLessThanOrEqual(20) // a slow machine: each step counts at most 5 s
    mp.kill()

    const again = app.start(device, open)
    const next = await again.see(article.title!)
    next.tap('听')
    await again.see('播放音频')
    next.tap('播放音频')
    await again.until(() => again.wx.log.backgroundAudio.some((c) => c.startsWith('src=')), 'the audio started again')
    expect(again.wx.log.backgroundAudio).toContain('startTime=33')
    expect(again.wx.log.backgroundAudio).toContain('playbackRate=1.25')
  })
})
