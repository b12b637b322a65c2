// @vitest-environment node
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { main as publishCli } from '../scripts/publish'
import { parseIssue } from '../src/domain/issue/index'
import { issueDocx } from '../tools/lib/issue-print'
import { startServer, type RunningServer } from './server'
import { dumpDatabase, SAMPLE_ID, SAMPLE_ISSUE, tempDir } from './test-support'

const dir = tempDir()
const dataDir = join(dir.path, 'data')
const contentDir = join(dir.path, 'content/issues')
const incoming = join(dir.path, 'incoming')
const sample = readFileSync(SAMPLE_ISSUE, 'utf8')
let server: RunningServer

beforeAll(async () => {
  mkdirSync(contentDir, { recursive: true })
  mkdirSync(incoming)
  writeFileSync(join(contentDir, `${SAMPLE_ID}.txt`), sample)
  server = await startServer({ dataDir, contentDir }, { host: '127.0.0.1', port: 0 })
})
afterAll(async () => {
  await server.close()
  dir.remove()
})

/** Runs `npm run publish -- …` in-process against the temp project; returns exit code and printed lines. */
async function publish(...files: string[]): Promise<{ code: number; out: string; err: string }> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {})
  const error = vi.spyOn(console, 'error').mockImplementation(() => {})
  try {
    const code = await publishCli(files, { DATA_DIR: dataDir }, dir.path)
    const text = (spy: typeof log) => spy.mock.calls.map((c) => c.join(' ')).join('\n')
    return { code, out: text(log), err: text(error) }
  } finally {
    log.mockRestore()
    error.mockRestore()
  }
}

async function index(): Promise<{ ids: string[]; etag: string | null }> {
  const res = await fetch(`${server.url}api/issues`)
  return { ids: ((await res.json()) as Array<{ id: string }>).map((s) => s.id), etag: res.headers.get('etag') }
}

describe('npm run publish', () => {
  it('refuses a broken file with FILE:LINE, exit 1, and leaves the published set unchanged', async () => {
    const before = dumpDatabase(dataDir)
    const broken = join(incoming, 'broken.txt')
    writeFileSync(broken, '这不是一期简报\n只有两行\n')
    const result = await publish(broken)
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/broken\.txt:\d+: \S/)
    expect(dumpDatabase(dataDir)).toBe(before)
    expect(existsSync(join(contentDir, 'broken.txt'))).toBe(false)
    expect((await index()).ids).toEqual([SAMPLE_ID])
  })

  it('is all or nothing: one broken file among good ones publishes none', async () => {
    const before = dumpDatabase(dataDir)
    const good = join(incoming, 'good-one.txt')
    const broken = join(incoming, 'broken-two.txt')
    writeFileSync(good, sample)
    writeFileSync(broken, '\n\n\n')
    const result = await publish(good, broken)
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/broken-two\.txt:\d+:/)
    expect(dumpDatabase(dataDir)).toBe(before)
  })

  it('refuses file names that cannot be issue ids and files that do not exist', async () => {
    const odd = join(incoming, '.hidden.txt')
    writeFileSync(odd, sample)
    expect((await publish(odd)).code).toBe(1)
    expect((await publish(join(incoming, 'missing.txt'))).err).toMatch(/missing\.txt: 无法读取文件（ENOENT）/)
    expect(await publishCli([], {}, dir.path)).toBe(2)
  })

  it('shows a newly published issue in GET /api/issues of the running server, without restart', async () => {
    const before = await index()
    const file = join(incoming, 'new-issue-2020-03.txt')
    writeFileSync(file, sample)
    const result = await publish(file)
    expect(result).toMatchObject({ code: 0, out: 'published new-issue-2020-03' })
    // Warnings are printed the way npm run import prints them, and do not stop the publishing.
    expect(result.err.split('\n')[0]).toBe(`${file}:115: warning: 中文段落中夹有外文单词“and”，请核对是否录入有误`)
    const after = await index()
    expect(after.ids.sort()).toEqual(['chongqing-dangshi-gongzuo-2020-02', 'new-issue-2020-03'])
    expect(after.etag).not.toBe(before.etag)
    const issue = await fetch(`${server.url}api/issues/new-issue-2020-03`)
    expect(issue.status).toBe(200)
    expect(((await issue.json()) as { id: string }).id).toBe('new-issue-2020-03')
    // The source is kept with the content, so a fresh database gets it too.
    expect(readFileSync(join(contentDir, 'new-issue-2020-03.txt'), 'utf8')).toBe(sample)
    // Publishing the same text again changes nothing.
    const dump = dumpDatabase(dataDir)
    expect((await publish(file)).out).toBe('unchanged new-issue-2020-03')
    expect(dumpDatabase(dataDir)).toBe(dump)
  })
})

describe('republishing an issue', () => {
  it('serves the new body at once and answers 200, not 304, to the old ETag', async () => {
    const url = `${server.url}api/issues/${SAMPLE_ID}`
    const first = await fetch(url)
    const oldBody = await first.text()
    const oldEtag = first.headers.get('etag') ?? ''
    expect(oldEtag).not.toBe('')
    // Warm the server's cache with the old body and check the old ETag is honoured before the change.
    expect((await fetch(url, { headers: { 'if-none-match': oldEtag } })).status).toBe(304)

    const changed = sample.replace('4月14日下午', '4月15日下午')
    expect(changed).not.toBe(sample)
    const file = join(incoming, `${SAMPLE_ID}.txt`)
    writeFileSync(file, changed)
    expect((await publish(file)).out).toBe(`published ${SAMPLE_ID}`)

    const conditional = await fetch(url, { headers: { 'if-none-match': oldEtag } })
    expect(conditional.status).toBe(200)
    const newBody = await conditional.text()
    expect(newBody).not.toBe(oldBody)
    expect(newBody).toContain('4月15日下午')
    expect(conditional.headers.get('etag')).not.toBe(oldEtag)
    expect(await (await fetch(url)).text()).toBe(newBody)
  })
})

describe('publishing at start', () => {
  it('publishes new and changed files, and keeps the old version of a file that no longer parses', async () => {
    const sub = tempDir()
    const issues = join(sub.path, 'issues')
    mkdirSync(issues)
    writeFileSync(join(issues, 'a.txt'), sample)
    const first = await startServer({ dataDir: sub.path, contentDir: issues }, { host: '127.0.0.1', port: 0 })
    const aBefore = await (await fetch(`${first.url}api/issues/a`)).text()
    await first.close()

    writeFileSync(join(issues, 'a.txt'), 'broken now')
    writeFileSync(join(issues, 'b.txt'), sample)
    const warnings: string[] = []
    const second = await startServer(
      {
        dataDir: sub.path,
        contentDir: issues,
        logger: { level: 'warn', stream: { write: (l: string) => void warnings.push(l) } }
      },
      { host: '127.0.0.1', port: 0 }
    )
    try {
      const ids = ((await (await fetch(`${second.url}api/issues`)).json()) as Array<{ id: string }>).map((s) => s.id)
      expect(ids.sort()).toEqual(['a', 'b'])
      expect(await (await fetch(`${second.url}api/issues/a`)).text()).toBe(aBefore)
      expect(warnings.join('')).toMatch(/not published: .*a\.txt:\d+:/)
    } finally {
      await second.close()
      sub.remove()
    }
  })
})

describe('npm run publish with a Word file', () => {
  it('publishes a .docx and keeps the text read out of it in content/issues/ID.txt', async () => {
    const docx = join(incoming, 'word-issue.docx')
    writeFileSync(docx, await issueDocx(parseIssue(sample, { id: 'x' })))
    const r = await publish(docx)
    expect(r.code).toBe(0)
    expect(r.out).toContain('published word-issue')
    expect(r.err).toMatch(/word-issue\.docx:\d+: warning: 中文段落中夹有外文单词“and”.*（第 \d+ 段）/)
    const kept = readFileSync(join(contentDir, 'word-issue.txt'), 'utf8')
    expect(kept.startsWith('重庆党史工作\n')).toBe(true)
    expect(parseIssue(kept, { id: 'word-issue' }).sections).toEqual(parseIssue(sample, { id: 'word-issue' }).sections)
  })
})
