// @vitest-environment node
// Publishing from the app: POST /api/publish/preview keeps the parsed file as a draft bound to the member and the
// file's sha256; /confirm publishes exactly that draft (members see it at once), /cancel discards it. Nothing is
// published before /confirm, and a refused file or a refused confirmation changes nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DRAFT_TTL_MS } from '../../../../src/domain/api/publish'
import { parseIssue } from '../../../../src/domain/issue/index'
import { issueDocx } from '../../../../tools/lib/issue-print'
import {
  bearer,
  dumpDatabase,
  SAMPLE_ID,
  SAMPLE_ISSUE,
  signInDevice,
  testEnv,
  type TestEnv
} from '../../../test-support'

const seedText = readFileSync(SAMPLE_ISSUE, 'utf8')
const seedBytes = Buffer.from(seedText)
/** The seed with one article's first paragraph changed: another version of the same issue. */
const changedText = seedText.replace('徐塞声同志在报告中指出', '徐塞声同志在报告中明确指出')

let env: TestEnv
const admins = new Set<string>()
beforeAll(async () => {
  env = await testEnv({ isAdmin: (memberId) => admins.has(memberId) })
})
afterAll(async () => env.close())

async function admin() {
  const a = await signInDevice(env.app)
  admins.add(a.memberId)
  return a
}

const post = (path: string, token: string, payload: Record<string, unknown>) =>
  env.app.inject({ method: 'POST', url: `/api/publish/${path}`, headers: bearer(token), payload })

async function preview(token: string, fileName: string, data: Uint8Array, id?: string) {
  const res = await post('preview', token, {
    fileName,
    data: Buffer.from(data).toString('base64'),
    ...(id ? { id } : {})
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as {
    issue: { id: string; title: string }
    warnings: Array<{ line: number; message: string; text?: string }>
    draft: { token: string; sha256: string; expiresAt: number }
    existing: null | { title: string; number: number; publishedOn: string; same: boolean }
  }
}

const index = async () => {
  const res = await env.app.inject({ url: '/api/issues' })
  return { ids: (res.json() as Array<{ id: string }>).map((s) => s.id), etag: res.headers.etag }
}

describe('publishing a previewed issue', () => {
  it('confirm publishes exactly the preview: listed at once, the index ETag moves, the text kept with the content', async () => {
    const a = await admin()
    const before = await index()
    const p = await preview(a.token, 'new-issue.txt', seedBytes)
    expect(p.existing).toBeNull()
    expect(p.draft.expiresAt).toBe(env.clock.now() + DRAFT_TTL_MS)
    // Every warning carries the text of its line.
    expect(p.warnings.length).toBeGreaterThan(0)
    for (const w of p.warnings) expect(seedText.split('\n')[w.line - 1].trim()).toBe(w.text)
    expect((await index()).ids).not.toContain('new-issue')

    const res = await post('confirm', a.token, { token: p.draft.token, sha256: p.draft.sha256, replace: false })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ id: 'new-issue', changed: true, replaced: false })
    const after = await index()
    expect(after.ids).toContain('new-issue')
    expect(after.etag).not.toBe(before.etag)
    const served = await env.app.inject({ url: '/api/issues/new-issue' })
    expect(served.json()).toEqual(p.issue)
    expect(readFileSync(join(env.contentDir, 'new-issue.txt'), 'utf8')).toBe(seedText)

    // A draft publishes once.
    const again = await post('confirm', a.token, { token: p.draft.token, sha256: p.draft.sha256, replace: false })
    expect(again.statusCode).toBe(404)
    expect(again.json()).toEqual({ error: 'unknown_draft', message: '预览已过期或不存在，请重新上传文件' })
  })

  it('an id taken by a published issue: the preview says so, confirming needs replace, then members get the new version', async () => {
    const a = await admin()
    const old = await env.app.inject({ url: `/api/issues/${SAMPLE_ID}` })
    const p = await preview(a.token, `${SAMPLE_ID}.txt`, Buffer.from(changedText))
    expect(p.existing).toMatchObject({ title: '重庆党史工作', same: false })

    const dump = dumpDatabase(env.dataDir)
    const refused = await post('confirm', a.token, { token: p.draft.token, sha256: p.draft.sha256, replace: false })
    expect(refused.statusCode).toBe(409)
    expect(refused.json()).toMatchObject({ error: 'issue_exists', message: expect.stringContaining(SAMPLE_ID) })
    expect(dumpDatabase(env.dataDir)).toBe(dump)

    const res = await post('confirm', a.token, { token: p.draft.token, sha256: p.draft.sha256, replace: true })
    expect(res.json()).toEqual({ id: SAMPLE_ID, changed: true, replaced: true })
    const now = await env.app.inject({
      url: `/api/issues/${SAMPLE_ID}`,
      headers: { 'if-none-match': old.headers.etag }
    })
    expect(now.statusCode).toBe(200)
    expect(now.body).toContain('在报告中明确指出')
    expect(readFileSync(join(env.contentDir, `${SAMPLE_ID}.txt`), 'utf8')).toBe(changedText)
  })

  it('a publish the database fails leaves the kept file and the served issue as they were, and the draft to retry', async () => {
    const a = await admin()
    const before = readFileSync(join(env.contentDir, `${SAMPLE_ID}.txt`), 'utf8')
    const served = (await env.app.inject({ url: `/api/issues/${SAMPLE_ID}` })).body
    const p = await preview(
      a.token,
      `${SAMPLE_ID}.txt`,
      Buffer.from(seedText.replace('徐塞声同志', '徐塞声同志（数据库失败）'))
    )
    const content = (env.app.services.publish as unknown as { content: { publish: (...args: unknown[]) => unknown } })
      .content
    const publish = content.publish
    content.publish = () => Promise.reject(new Error('disk I/O error'))
    try {
      const res = await post('confirm', a.token, { token: p.draft.token, sha256: p.draft.sha256, replace: true })
      expect(res.statusCode).toBeGreaterThanOrEqual(500)
    } finally {
      content.publish = publish
    }
    expect(readFileSync(join(env.contentDir, `${SAMPLE_ID}.txt`), 'utf8')).toBe(before)
    expect(readdirSync(env.contentDir).filter((f) => f.endsWith('.tmp'))).toEqual([])
    expect((await env.app.inject({ url: `/api/issues/${SAMPLE_ID}` })).body).toBe(served)
    // The draft is still there: confirming again publishes it.
    const retry = await post('confirm', a.token, { token: p.draft.token, sha256: p.draft.sha256, replace: true })
    expect(retry.statusCode, retry.body).toBe(200)
    expect(readFileSync(join(env.contentDir, `${SAMPLE_ID}.txt`), 'utf8')).toContain('（数据库失败）')
  })

  it('a Word file named in Chinese gets the id the admin chose; what is published is the text read out of it', async () => {
    const a = await admin()
    const docx = await issueDocx(parseIssue(seedText, { id: 'seed' }))
    const p = await preview(a.token, '重庆党史工作第2期.docx', docx, 'cq-2020-02-word')
    expect(p.issue.id).toBe('cq-2020-02-word')
    const res = await post('confirm', a.token, { token: p.draft.token, sha256: p.draft.sha256, replace: false })
    expect(res.statusCode).toBe(200)
    const served = await env.app.inject({ url: '/api/issues/cq-2020-02-word' })
    expect(served.json()).toEqual(p.issue)
    expect(readFileSync(join(env.contentDir, 'cq-2020-02-word.txt'), 'utf8')).toContain('重庆党史工作')
    // An id that is no id (or that would leave the content folder) is a 400, and nothing is kept.
    const dump = dumpDatabase(env.dataDir)
    for (const id of ['../escape', '第2期', '.hidden', '']) {
      const res = await post('preview', a.token, { fileName: 'x.docx', data: Buffer.from(docx).toString('base64'), id })
      expect(res.statusCode, id).toBe(400)
    }
    expect(dumpDatabase(env.dataDir)).toBe(dump)
  })

  it('cancel discards the draft; nothing is published', async () => {
    const a = await admin()
    const p = await preview(a.token, 'cancelled.txt', seedBytes)
    expect((await post('cancel', a.token, { token: p.draft.token })).json()).toEqual({ ok: true })
    const res = await post('confirm', a.token, { token: p.draft.token, sha256: p.draft.sha256, replace: false })
    expect(res.statusCode).toBe(404)
    expect((await index()).ids).not.toContain('cancelled')
    expect(existsSync(join(env.contentDir, 'cancelled.txt'))).toBe(false)
    expect((await post('cancel', a.token, { token: p.draft.token })).statusCode).toBe(404)
  })

  it('refused confirmations change nothing: another sha256, another member, no admin, expired', async () => {
    const a = await admin()
    const other = await admin()
    const plain = await signInDevice(env.app)
    const p = await preview(a.token, 'guarded.txt', seedBytes)
    const body = { token: p.draft.token, sha256: p.draft.sha256, replace: false }
    const dump = dumpDatabase(env.dataDir)

    const mismatch = await post('confirm', a.token, { ...body, sha256: '0'.repeat(64) })
    expect(mismatch.statusCode).toBe(409)
    expect(mismatch.json().error).toBe('draft_mismatch')
    // Another admin cannot publish (or learn of) someone else's draft.
    expect((await post('confirm', other.token, body)).statusCode).toBe(404)
    expect((await post('cancel', other.token, { token: p.draft.token })).statusCode).toBe(404)
    expect((await post('confirm', plain.token, body)).statusCode).toBe(403)
    expect((await post('cancel', plain.token, { token: p.draft.token })).statusCode).toBe(403)
    const anonymous = await env.app.inject({ method: 'POST', url: '/api/publish/confirm', payload: body })
    expect(anonymous.statusCode).toBe(401)
    expect((await post('confirm', a.token, { ...body, token: 'short' })).statusCode).toBe(400)
    expect(dumpDatabase(env.dataDir)).toBe(dump)

    // An admin who lost the role cannot publish the draft they made.
    admins.delete(a.memberId)
    expect((await post('confirm', a.token, body)).statusCode).toBe(403)
    admins.add(a.memberId)

    env.clock.advance(DRAFT_TTL_MS)
    const expired = await post('confirm', a.token, body)
    expect(expired.statusCode).toBe(404)
    expect(expired.json()).toEqual({ error: 'unknown_draft', message: '预览已超过 30 分钟，请重新上传文件' })
    expect((await index()).ids).not.toContain('guarded')
  })

  it('a refused file keeps the earlier draft; a new preview replaces it', async () => {
    const a = await admin()
    const first = await preview(a.token, 'first.txt', seedBytes)
    const dump = dumpDatabase(env.dataDir)
    const bad = await post('preview', a.token, { fileName: 'bad.txt', data: Buffer.from('标题\n').toString('base64') })
    expect(bad.statusCode).toBe(422)
    expect(bad.json()).toMatchObject({ error: 'issue_refused', message: expect.stringMatching(/^bad\.txt:\d+: /) })
    expect(dumpDatabase(env.dataDir)).toBe(dump)

    const second = await preview(a.token, 'second.txt', seedBytes)
    const old = await post('confirm', a.token, { token: first.draft.token, sha256: first.draft.sha256, replace: false })
    expect(old.statusCode).toBe(404)
    const ok = await post('confirm', a.token, {
      token: second.draft.token,
      sha256: second.draft.sha256,
      replace: false
    })
    expect(ok.json()).toMatchObject({ id: 'second', changed: true })
  })
})
