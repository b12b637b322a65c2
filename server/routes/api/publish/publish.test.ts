// @vitest-environment node
// POST /api/publish/preview: an issue file parsed as `npm run publish` would, answered with its warnings and never
// stored; only for callers the `isAdmin` option accepts, by default an organization's admins.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseIssue } from '../../../../src/domain/issue/index'
import { issueDocx } from '../../../../tools/lib/issue-print'
import { createOrg } from '../../../services/members'
import { previewIssueFile } from '../../../services/publish-preview'
import { bearer, signInDevice, testEnv, type TestEnv } from '../../../test-support'

const SEED = fileURLToPath(new URL('../../../../content/issues/chongqing-dangshi-gongzuo-2020-02.txt', import.meta.url))
const seedBytes = readFileSync(SEED)

let admins: TestEnv
let plain: TestEnv
let adminId = ''
beforeAll(async () => {
  admins = await testEnv({ isAdmin: (memberId) => memberId === adminId })
  plain = await testEnv()
})
afterAll(async () => {
  await admins.close()
  await plain.close()
})

const preview = (env: TestEnv, token: string | null, payload: unknown) =>
  env.app.inject({
    method: 'POST',
    url: '/api/publish/preview',
    headers: token ? bearer(token) : {},
    payload: payload as Record<string, unknown>
  })

describe('POST /api/publish/preview', () => {
  it('an admin gets the parsed issue and its warnings; nothing is published', async () => {
    const a = await signInDevice(admins.app)
    adminId = a.memberId
    const res = await preview(admins, a.token, { fileName: 'new-issue.txt', data: seedBytes.toString('base64') })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.issue.id).toBe('new-issue')
    expect(body.issue.sections.flatMap((s: { articles: unknown[] }) => s.articles)).toHaveLength(19)
    expect(body.warnings).toHaveLength(3)
    const index = await admins.app.inject({ url: '/api/issues' })
    expect(JSON.stringify(index.json())).not.toContain('new-issue')
  })

  it('a refused file is a 422 naming the line; a file of another kind a 400', async () => {
    const a = await signInDevice(admins.app)
    adminId = a.memberId
    const empty = await preview(admins, a.token, { fileName: 'x.txt', data: Buffer.from(' \n').toString('base64') })
    expect(empty.statusCode).toBe(422)
    expect(empty.json()).toEqual({ error: 'issue_refused', message: 'x.txt:1: 文件是空的，没有任何文字' })
    const exe = await preview(admins, a.token, { fileName: 'x.exe', data: 'AAAA' })
    expect(exe.statusCode).toBe(400)
  })

  it('by default an admin of their own organization may preview; a plain member of it may not', async () => {
    const org = await createOrg(plain.app.services.store.orgs, '预览党支部', plain.clock.now())
    const admin = await signInDevice(plain.app)
    const member = await signInDevice(plain.app)
    for (const m of [admin, member]) {
      const joined = await plain.app.inject({
        method: 'POST',
        url: '/api/orgs/join',
        headers: bearer(m.token),
        payload: { joinCode: org.joinCode }
      })
      expect(joined.statusCode).toBe(200)
    }
    await plain.app.services.orgStats.makeAdmin(org.id, admin.memberId)
    const body = { fileName: 'by-admin.txt', data: seedBytes.toString('base64') }
    expect((await preview(plain, admin.token, body)).statusCode).toBe(200)
    expect((await preview(plain, member.token, body)).statusCode).toBe(403)
  })

  it('members who are no admin get 403, anonymous callers 401, malformed bodies 400', async () => {
    const m = await signInDevice(plain.app)
    const data = seedBytes.toString('base64')
    expect((await preview(plain, m.token, { fileName: 'x.txt', data })).statusCode).toBe(403)
    expect((await preview(plain, null, { fileName: 'x.txt', data })).statusCode).toBe(401)
    expect((await preview(plain, m.token, { fileName: '', data })).statusCode).toBe(400)
  })
})

describe('previewIssueFile', () => {
  it('a Word file: warnings carry the paragraph they are in', async () => {
    const seed = parseIssue(seedBytes.toString('utf8'), { id: 'seed' })
    const out = await previewIssueFile(await issueDocx(seed), 'seed.docx', true)
    if (!out.ok) throw new Error(out.message)
    expect(out.preview.warnings).toEqual([
      {
        line: expect.any(Number),
        message: expect.stringContaining('and'),
        where: expect.stringMatching(/^第 \d+ 段$/),
        text: expect.stringContaining(' and ')
      }
    ])
  })
  it('refuses non-admins before reading anything', async () => {
    expect(await previewIssueFile(new Uint8Array(), 'x.txt', false)).toMatchObject({ ok: false, status: 403 })
  })
})
