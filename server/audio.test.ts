// @vitest-environment node
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { main as publishCli } from '../scripts/publish'
import type { Issue } from '../src/domain/issue/types'
import { makeWav } from '../tools/lib/wav'
import { startServer, type RunningServer } from './server'
import { dumpDatabase, SAMPLE_ID, SAMPLE_ISSUE, tempDir } from './test-support'

// 听: npm run publish --audio, the sidecar the server's start-up scan reads, and /media/audio with byte ranges.
const dir = tempDir()
const dataDir = join(dir.path, 'data')
const contentDir = join(dir.path, 'content/issues')
const audioDir = join(dir.path, 'content/audio')
const incoming = join(dir.path, 'incoming')
const wav = makeWav(2)
let server: RunningServer
let articleId = ''
let second = ''

async function publish(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {})
  const error = vi.spyOn(console, 'error').mockImplementation(() => {})
  try {
    const code = await publishCli(args, { DATA_DIR: dataDir }, dir.path)
    const text = (spy: typeof log) => spy.mock.calls.map((c) => c.join(' ')).join('\n')
    return { code, out: text(log), err: text(error) }
  } finally {
    log.mockRestore()
    error.mockRestore()
  }
}

const issueAt = async (base: string): Promise<Issue> =>
  (await (await fetch(`${base}api/issues/${SAMPLE_ID}`)).json()) as Issue
const article = (issue: Issue, id: string) => issue.sections.flatMap((s) => s.articles).find((a) => a.id === id)!

beforeAll(async () => {
  mkdirSync(contentDir, { recursive: true })
  mkdirSync(incoming)
  writeFileSync(join(contentDir, `${SAMPLE_ID}.txt`), readFileSync(SAMPLE_ISSUE, 'utf8'))
  writeFileSync(join(incoming, 'reading.wav'), wav)
  writeFileSync(join(incoming, 'reading.ogg'), wav)
  writeFileSync(join(incoming, 'fake.mp3'), '<html>这不是音频</html>')
  server = await startServer({ dataDir, contentDir, audioDir }, { host: '127.0.0.1', port: 0 })
  const issue = await issueAt(server.url)
  articleId = issue.sections[0].articles[0].id
  second = issue.sections[0].articles[1].id
})
afterAll(async () => {
  await server.close()
  dir.remove()
})

describe('npm run publish --audio', () => {
  const file = () => join(contentDir, `${SAMPLE_ID}.txt`)

  it('refuses a wrong type, a file that is not what its name says, or an unknown article, naming the article; nothing changes', async () => {
    const before = dumpDatabase(dataDir)
    const ogg = await publish(file(), '--audio', `${articleId}=incoming/reading.ogg`)
    expect(ogg.code).toBe(1)
    expect(ogg.err).toContain(`--audio ${articleId}=incoming/reading.ogg: 只能附加 .mp3、.m4a、.aac 或 .wav 音频`)
    const fake = await publish(file(), `--audio=${articleId}=incoming/fake.mp3`)
    expect(fake.code).toBe(1)
    expect(fake.err).toContain(`${articleId}=incoming/fake.mp3: 文件内容不是 MP3 音频`)
    const unknown = await publish(file(), '--audio', 'deadbeef=incoming/reading.wav')
    expect(unknown.code).toBe(1)
    expect(unknown.err).toContain('--audio deadbeef=incoming/reading.wav: 要发布的期刊中没有文章 deadbeef')
    const missing = await publish(file(), '--audio', `${articleId}=incoming/none.wav`)
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('无法读取音频文件（ENOENT）')
    expect((await publish(file(), '--audio', 'no-equals-sign')).code).toBe(2)
    expect(dumpDatabase(dataDir)).toBe(before)
    expect(existsSync(audioDir)).toBe(false)
    expect(article(await issueAt(server.url), articleId).audio).toBeUndefined()
  })

  it('attaches the audio: the issue carries its reference and a new ETag, the file is served with ranges', async () => {
    const etag = (await fetch(`${server.url}api/issues/${SAMPLE_ID}`)).headers.get('etag')
    const result = await publish(file(), '--audio', `${articleId}=incoming/reading.wav`)
    expect(result.code).toBe(0)
    expect(result.out).toContain(`audio ${SAMPLE_ID}/${articleId} ← incoming/reading.wav (${wav.length} bytes, 2 s)`)
    const res = await fetch(`${server.url}api/issues/${SAMPLE_ID}`)
    expect(res.headers.get('etag')).not.toBe(etag)
    const ref = article((await res.json()) as Issue, articleId).audio!
    expect(ref).toMatchObject({ mime: 'audio/wav', bytes: wav.length, durationSec: 2 })
    expect(ref.url).toBe(`/media/audio/${ref.sha256}.wav`)

    const whole = await fetch(`${server.url}${ref.url.slice(1)}`)
    expect(whole.status).toBe(200)
    expect(whole.headers.get('accept-ranges')).toBe('bytes')
    expect(whole.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(whole.headers.get('content-type')).toMatch(/^audio\/(x-)?wav/)
    expect(Buffer.from(await whole.arrayBuffer()).equals(wav)).toBe(true)

    const part = await fetch(`${server.url}${ref.url.slice(1)}`, {
      headers: { range: 'bytes=100-1099', 'accept-encoding': 'gzip, br' }
    })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 100-1099/${wav.length}`)
    expect(Buffer.from(await part.arrayBuffer()).equals(wav.subarray(100, 1100))).toBe(true)

    const tail = await fetch(`${server.url}${ref.url.slice(1)}`, { headers: { range: 'bytes=-44' } })
    expect(tail.status).toBe(206)
    expect(Buffer.from(await tail.arrayBuffer()).equals(wav.subarray(wav.length - 44))).toBe(true)

    const beyond = await fetch(`${server.url}${ref.url.slice(1)}`, { headers: { range: `bytes=${wav.length + 10}-` } })
    expect(beyond.status).toBe(416)
    await beyond.arrayBuffer()
  })

  it('serves only content-addressed names from the audio folder', async () => {
    writeFileSync(join(audioDir, 'notes.txt'), 'secret')
    for (const path of [
      'media/audio/notes.txt',
      'media/audio/..%2F..%2Fdata%2Fapp.db',
      `media/audio/${'0'.repeat(64)}.wav`
    ]) {
      const res = await fetch(`${server.url}${path}`)
      expect([403, 404]).toContain(res.status)
      await res.arrayBuffer()
    }
  })

  it('keeps attachments when the issue is published again, adds new ones, and a fresh database gets them at start', async () => {
    const again = await publish(file(), '--audio', `${second}=incoming/reading.wav`)
    expect(again.code).toBe(0)
    const issue = await issueAt(server.url)
    expect(article(issue, articleId).audio?.bytes).toBe(wav.length)
    expect(article(issue, second).audio?.sha256).toBe(article(issue, articleId).audio?.sha256)
    const sidecar = JSON.parse(readFileSync(join(contentDir, `${SAMPLE_ID}.audio.json`), 'utf8')) as object
    expect(Object.keys(sidecar).sort()).toEqual([articleId, second].sort())

    const fresh = await startServer(
      { dataDir: join(dir.path, 'fresh-data'), contentDir, audioDir },
      { host: '127.0.0.1', port: 0 }
    )
    try {
      expect(await issueAt(fresh.url)).toEqual(issue)
    } finally {
      await fresh.close()
    }
  })
})
