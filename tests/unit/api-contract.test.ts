// The API contract, checked from both ends: every route the server registers takes its schemas from
// src/domain/api (the same objects the client checks answers with), and one round trip per route family goes
// through the real client (platform fetch client + ApiClient) against the real app via app.inject.
import { readFileSync } from 'node:fs'
import type { RouteOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatCode } from '../../src/domain/account'
import { ErrorBodySchema } from '../../src/domain/api/errors'
import { API, type RouteContract } from '../../src/domain/api/routes'
import { createFetchClient } from '../../src/platform/http.fetch'
import { ApiError, createApiClient } from '../../src/services/api/client'
import { createAccountApi } from '../../src/services/account/api'
import { createAccountManagementApi } from '../../src/services/account/manage'
import { createCampaignApi } from '../../src/services/campaign/api'
import { createContentApi } from '../../src/services/content/api'
import { createMyDataApi } from '../../src/services/my-data/api'
import { createOrg } from '../../server/services/members'
import { shippedBanks, type BankSpec } from '../../server/services/quiz'
import { SAMPLE_ID, SAMPLE_ISSUE, testEnv, type TestEnv } from '../../server/test-support'
import type { App } from '../../server/types'

/** The platform's fetch client, with fetch answered by app.inject instead of a socket. */
function injectedHttp(app: App) {
  return createFetchClient(async (input, init) => {
    const res = await app.inject({
      method: (init?.method ?? 'GET') as 'GET',
      url: String(input),
      headers: init?.headers as Record<string, string>,
      payload: init?.body as string | undefined
    })
    const headers = new Headers()
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, String(v))
    const empty = res.statusCode === 204 || res.statusCode === 304
    return new Response(empty ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers })
  })
}

/** Sign-in (main package) and 账号与设备's actions (its subpackage) over one token. */
const accountApis = (http: ReturnType<typeof injectedHttp>, token: () => string | null) => ({
  ...createAccountApi(http, '', token),
  ...createAccountManagementApi(http, '', token)
})

const strip = (url: string) => (url.length > 1 ? url.replace(/\/$/, '') : url)

let env: TestEnv
// The member the preview route treats as an organization admin (the admin role itself is wired by the lead).
let adminId = ''
const registered = new Map<string, RouteOptions>()

beforeAll(async () => {
  const contestOnly: BankSpec = { ...shippedBanks()[0], id: 'contest-only', title: '只用于竞答', use: 'contest' }
  env = await testEnv({
    quizBanks: [...shippedBanks(), contestOnly],
    // The shipped campaign (2020) names dangshi-100: on the test clock (2026) its scored quiz is closed.
    campaignsDir: 'content/campaigns',
    isAdmin: (memberId) => memberId === adminId,
    onRoute: (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method]
      for (const m of methods) registered.set(`${m} ${strip(route.url)}`, route)
    }
  })
})
afterAll(async () => env.close())

describe('routes and client share one contract', () => {
  const contracts = Object.entries(API) as Array<[string, RouteContract]>

  it.each(contracts)(
    '%s: the server validates and serializes with the very schemas the client checks',
    (_name, contract) => {
      const route = registered.get(`${contract.method} ${contract.path}`)
      expect(route, `${contract.method} ${contract.path} is registered`).toBeDefined()
      const schema = route?.schema as { body?: unknown; querystring?: unknown; response?: Record<number, unknown> }
      expect(schema.body ?? null).toBe(contract.body)
      expect(schema.querystring ?? null).toBe(contract.query ?? null)
      expect(schema.response?.[200]).toBe(contract.reply)
      for (const status of contract.errors) expect(schema.response?.[status], `${status}`).toBe(ErrorBodySchema)
    }
  )

  it('has a contract for every /api route the server registers', () => {
    const known = new Set(Object.values(API).map((c) => `${c.method} ${c.path}`))
    const api = [...registered.keys()].filter((k) => / \/api\//.test(k) && !k.startsWith('HEAD '))
    expect(api.filter((k) => !known.has(k))).toEqual([])
  })
})

describe('round trips through the client', () => {
  const client = () => createApiClient(injectedHttp(env.app), '')

  it('health', async () => {
    expect(await client().call(API.health)).toEqual({ ok: true })
  })

  it('issues: the index and a whole issue pass the client check; a missing one is a Chinese ApiError', async () => {
    const content = createContentApi(injectedHttp(env.app), '')
    const index = await content.listIssues()
    expect(index.map((s) => s.id)).toContain(SAMPLE_ID)
    const issue = await content.getIssue(SAMPLE_ID)
    expect(issue.id).toBe(SAMPLE_ID)
    expect(issue.sections.length).toBeGreaterThan(0)
    const missing = await content.getIssue('no-such-issue').catch((e: unknown) => e)
    expect(missing).toBeInstanceOf(ApiError)
    expect(missing).toMatchObject({ status: 404, code: 'not_found', message: '没有找到要访问的内容' })
  })

  it('auth, pairing, me and orgs', async () => {
    let token: string | null = null
    const account = accountApis(injectedHttp(env.app), () => token)

    const device = await account.signInDevice('测试设备')
    token = device.token
    expect(device.member.devices).toEqual([
      expect.objectContaining({ name: '测试设备', kind: 'device', current: true })
    ])

    const wechat = await account.signInWechat(env.wechat.issueCode('contract'))
    expect(wechat.member.devices[0].kind).toBe('wechat')

    expect((await account.me()).member.id).toBe(device.member.id)
    expect((await account.rename('  小王 ')).member.displayName).toBe('小王')
    const badName = await account.rename(' ').catch((e: unknown) => e)
    expect(badName).toMatchObject({ status: 400 })

    const org = await createOrg(env.app.services.store.orgs, '第一党支部', env.clock.now())
    // Typed the way people type it: lower case, grouped with a dash.
    const typed = formatCode(org.joinCode).toLowerCase().replace(' ', '-')
    expect((await account.joinOrg(typed)).member.org).toEqual({ id: org.id, name: '第一党支部' })
    const unknown = await account.joinOrg('2345-6789').catch((e: unknown) => e)
    expect(unknown).toMatchObject({ status: 404, code: 'unknown_join_code', message: '没有找到这个组织，请核对加入码' })

    const mine = await createMyDataApi(injectedHttp(env.app), '', () => token).get()
    expect(mine.member.id).toBe(device.member.id)
    expect(mine.org).toEqual({ id: org.id, name: '第一党支部' })
    expect(mine.devices).toEqual([expect.objectContaining({ name: '测试设备', revokedAt: null, current: true })])
    expect(mine.sync.facts.reads).toEqual({ count: 0, items: [] })
    expect((await account.leaveOrg()).member.org).toBeNull()
    expect((await account.leaveOrg()).member.org).toBeNull()
    expect((await account.joinOrg(org.joinCode)).member.org?.id).toBe(org.id)

    const pairing = await account.createPairing()
    expect(pairing.code).toMatch(/^[23456789A-HJKMNP-Z]{8}$/)
    const claimed = await account.claimPairing(` ${formatCode(pairing.code).toLowerCase()} `, '第二台')
    expect(claimed.member.id).toBe(device.member.id)
    const again = await account.claimPairing(pairing.code).catch((e: unknown) => e)
    expect(again).toMatchObject({ status: 404, code: 'invalid_pairing_code' })

    expect(await account.logout()).toEqual({ ok: true })
    const after = await account.me().catch((e: unknown) => e)
    expect(after).toMatchObject({ status: 401, code: 'unauthorized', message: '登录已失效，请重新登录' })
  })

  it('orgs: the ranking, my organization, and member lines refused to a non-admin', async () => {
    const account = accountApis(injectedHttp(env.app), () => null)
    const { token } = await account.signInDevice('统计')
    const api = createApiClient(injectedHttp(env.app), '', () => token)
    const notIn = await api.call(API.myOrgStats).catch((e: unknown) => e)
    expect(notIn).toMatchObject({ status: 409, code: 'not_in_org' })
    const org = await createOrg(env.app.services.store.orgs, '契约支部', env.clock.now())
    await accountApis(injectedHttp(env.app), () => token).joinOrg(org.joinCode)
    const ranking = await api.call(API.orgRanking, { query: { page: '1', pageSize: '100' } })
    expect(ranking.mine).toMatchObject({ id: org.id, name: '契约支部', members: 1 })
    expect(ranking.orgs.map((o) => o.id)).toContain(org.id)
    const mine = await api.call(API.myOrgStats)
    expect(mine).toMatchObject({ admin: false, org: { id: org.id }, me: { articles: 0 } })
    const refused = await api.call(API.myOrgMembers, { query: { page: '1' } }).catch((e: unknown) => e)
    expect(refused).toMatchObject({
      status: 403,
      code: 'not_org_admin',
      message: '只有本组织的管理员可以查看成员明细和导出'
    })
    await env.app.services.orgStats.makeAdmin(org.id, mine.me.memberId)
    const lines = await api.call(API.myOrgMembers, { query: { page: '1', pageSize: '5' } })
    expect(lines.members.map((l) => l.memberId)).toEqual([mine.me.memberId])
    expect(await api.call(API.addOrgAdmin, { body: { memberId: mine.me.memberId } })).toEqual({ ok: true })
  })

  it('quiz: banks, a practice bank, an attempt started, submitted and read back; a contest-only bank is refused', async () => {
    const account = accountApis(injectedHttp(env.app), () => null)
    const { token } = await account.signInDevice('答题')
    const quiz = createApiClient(injectedHttp(env.app), '', () => token)

    const listed = await quiz.call(API.quizBanks)
    expect(listed.banks.map((b) => [b.id, b.attempt])).toEqual([
      ['dangshi-100', null],
      ['contest-only', null]
    ])
    const practice = await quiz.call(API.quizBank, { params: { id: 'dangshi-100' } })
    expect(practice.questions).toHaveLength(100)
    expect(practice.questions[0].explanation).not.toBe('')
    const refused = await quiz.call(API.quizBank, { params: { id: 'contest-only' } }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused).toMatchObject({
      status: 403,
      code: 'bank_not_for_practice',
      message: '这个题库只用于计分竞答，交卷前不能练习'
    })
    const missing = await quiz.call(API.quizBank, { params: { id: 'no-such-bank' } }).catch((e: unknown) => e)
    expect(missing).toMatchObject({ status: 404, code: 'unknown_bank' })

    const attempt = await quiz.call(API.startQuizAttempt, { body: { bankId: 'contest-only' } })
    expect(attempt.result).toBeNull()
    const done = await quiz.call(API.submitQuizAttempt, { params: { id: attempt.id }, body: { answers: [] } })
    expect(done.result?.total).toBe(0)
    expect(await quiz.call(API.getQuizAttempt, { params: { id: attempt.id } })).toEqual(done)
    const after = await quiz.call(API.quizBanks)
    expect(after.banks[1].attempt).toMatchObject({ id: attempt.id, submittedAt: done.submittedAt, total: 0 })
  })

  it('campaigns: the shipped campaign, public; its ended window closes the 百题竞答 with contest_closed', async () => {
    const account = accountApis(injectedHttp(env.app), () => null)
    const { token } = await account.signInDevice('活动')
    const campaigns = createCampaignApi(injectedHttp(env.app), '', () => null)
    const listed = await campaigns.campaigns()
    expect(listed.campaigns.map((c) => [c.id, c.start, c.end])).toEqual([
      ['du-dangshi-2020', '2020-04-01', '2020-09-30']
    ])
    const banks = await createCampaignApi(injectedHttp(env.app), '', () => token).banks()
    expect(banks.banks.find((b) => b.id === 'dangshi-100')?.window).toEqual({ start: '2020-04-01', end: '2020-09-30' })
    expect(banks.banks.find((b) => b.id === 'contest-only')?.window).toBeNull()
    const quiz = createApiClient(injectedHttp(env.app), '', () => token)
    const closed = await quiz.call(API.startQuizAttempt, { body: { bankId: 'dangshi-100' } }).catch((e: unknown) => e)
    expect(closed).toBeInstanceOf(ApiError)
    expect(closed).toMatchObject({
      status: 403,
      code: 'contest_closed',
      message: '百题竞答不在活动时间内，现在只能练习'
    })
  })

  it('publish preview: an admin gets the parsed issue, its warnings pass the client check; others a Chinese 403', async () => {
    const account = accountApis(injectedHttp(env.app), () => null)
    const admin = await account.signInDevice('管理员')
    const member = await account.signInDevice('党员')
    adminId = admin.member.id
    const body = { fileName: 'preview.txt', data: readFileSync(SAMPLE_ISSUE).toString('base64') }
    const preview = await createApiClient(injectedHttp(env.app), '', () => admin.token).call(API.previewIssue, { body })
    expect(preview.issue.id).toBe('preview')
    expect(preview.warnings.length).toBeGreaterThan(0)
    const refused = await createApiClient(injectedHttp(env.app), '', () => member.token)
      .call(API.previewIssue, { body })
      .catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused).toMatchObject({ status: 403, code: 'forbidden', message: '没有权限执行此操作' })
  })

  it('publish confirm and cancel: the answers pass the client check; an unknown draft is a Chinese 404', async () => {
    const account = accountApis(injectedHttp(env.app), () => null)
    const admin = await account.signInDevice('管理员')
    adminId = admin.member.id
    const client = createApiClient(injectedHttp(env.app), '', () => admin.token)
    const data = readFileSync(SAMPLE_ISSUE).toString('base64')
    const first = await client.call(API.previewIssue, { body: { fileName: 'contract-cancel.txt', data } })
    expect(await client.call(API.cancelPublish, { body: { token: first.draft.token } })).toEqual({ ok: true })
    const gone = await client
      .call(API.confirmPublish, { body: { token: first.draft.token, sha256: first.draft.sha256, replace: false } })
      .catch((e: unknown) => e)
    expect(gone).toMatchObject({ status: 404, code: 'unknown_draft', message: '预览已过期或不存在，请重新上传文件' })
    const second = await client.call(API.previewIssue, { body: { fileName: 'contract-confirm.txt', data } })
    expect(second.existing).toBeNull()
    const done = await client.call(API.confirmPublish, {
      body: { token: second.draft.token, sha256: second.draft.sha256, replace: false }
    })
    expect(done).toEqual({ id: 'contract-confirm', changed: true, replaced: false })
  })
})
