// @vitest-environment node
import { Value } from '@sinclair/typebox/value'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MyDataReplySchema } from '../../../../src/domain/api/privacy'
import type { Issue } from '../../../../src/domain/issue/types'
import { createOrg } from '../../../services/members'
import { shippedBanks } from '../../../services/quiz'
import { bearer, SAMPLE_ID, signInDevice, testEnv, type TestEnv } from '../../../test-support'

let env: TestEnv
let articleId: string
beforeAll(async () => {
  env = await testEnv({ quizBanks: shippedBanks() })
  const issue = JSON.parse((await env.app.services.content.issue(SAMPLE_ID))!.body) as Issue
  articleId = issue.sections[0].articles[0].id
})
afterAll(async () => env.close())

const data = (token?: string) => env.app.inject({ url: '/api/me/data', headers: token ? bearer(token) : {} })
const post = (token: string | null, url: string, payload?: object) =>
  env.app.inject({ method: 'POST', url, headers: token ? bearer(token) : {}, payload })

async function pushRead(token: string, clientId: string) {
  const mutations = [
    { clientId, id: 1, name: 'markRead', args: { issueId: SAMPLE_ID, articleId, at: 1 }, at: 1 },
    { clientId, id: 2, name: 'markRead', args: { issueId: 'no-such-issue', articleId: 'x', at: 1 }, at: 1 }
  ]
  const res = await post(token, '/api/sync/push', { mutations })
  expect(res.statusCode).toBe(200)
}

describe('GET /api/me/data', () => {
  it('lists everything stored about the caller: member, devices, organization, sync facts and quiz answers', async () => {
    const org = await createOrg(env.app.services.store.orgs, '第一党支部', env.clock.now())
    const a = await signInDevice(env.app, 'A phone')
    expect((await post(a.token, '/api/orgs/join', { joinCode: org.joinCode })).statusCode).toBe(200)
    await pushRead(a.token, 'a-client')
    const started = (await post(a.token, '/api/quiz/attempts', { bankId: 'dangshi-100' })).json()
    const q = started.questions[0].id
    const submitted = await post(a.token, `/api/quiz/attempts/${started.id}/submit`, {
      answers: [{ questionId: q, answer: ['A'], at: started.startedAt }]
    })
    expect(submitted.statusCode).toBe(200)

    const res = await data(a.token)
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const body = res.json()
    expect(Value.Check(MyDataReplySchema, body)).toBe(true)
    expect(body.member).toEqual({ id: a.memberId, displayName: expect.any(String), createdAt: env.clock.now() })
    expect(body.wechat).toEqual([])
    expect(body.org).toEqual({ id: org.id, name: '第一党支部' })
    expect(body.devices).toEqual([
      {
        id: expect.any(String),
        name: 'A phone',
        kind: 'device',
        createdAt: env.clock.now(),
        revokedAt: null,
        current: true
      }
    ])
    expect(body.sync.clients).toEqual([{ clientId: 'a-client', lastMutationId: 2, updatedAt: env.clock.now() }])
    expect(body.sync.mutations).toEqual({ total: 2, rejected: 1 })
    expect(body.sync.facts.reads).toEqual({
      count: 1,
      items: [{ issueId: SAMPLE_ID, articleId, readAt: expect.any(Number) }]
    })
    expect(body.sync.facts.sessions).toEqual({ count: 0, items: [] })
    expect(body.quiz).toEqual([
      {
        id: started.id,
        bankId: 'dangshi-100',
        startedAt: started.startedAt,
        deadline: started.deadline,
        submittedAt: submitted.json().submittedAt,
        total: submitted.json().result.total,
        max: submitted.json().result.max,
        answers: [{ questionId: q, answer: ['A'] }]
      }
    ])
    // Secrets kept hashed never leave the database.
    expect(res.body).not.toMatch(/token|hash/i)
    expect(res.body).not.toContain(a.token)
  })

  it('lists signed-out devices too, and the WeChat identity a member signs in with', async () => {
    const code = env.wechat.issueCode('openid-data-test')
    const signIn = (await post(null, '/api/auth/wechat', { code })).json()
    env.clock.advance(1000)
    const second = (await post(null, '/api/auth/wechat', { code: env.wechat.issueCode('openid-data-test') })).json()
    expect(second.member.id).toBe(signIn.member.id)
    expect((await post(signIn.token, '/api/auth/logout')).statusCode).toBe(200)
    const body = (await data(second.token)).json()
    expect(body.wechat).toEqual([{ openid: expect.any(String), unionid: null, linkedAt: expect.any(Number) }])
    expect(
      body.devices.map((d: { revokedAt: number | null; current: boolean }) => [d.revokedAt !== null, d.current])
    ).toEqual([
      [true, false],
      [false, true]
    ])
  })

  it("never shows another member's data", async () => {
    const a = await signInDevice(env.app, 'A secret phone')
    await pushRead(a.token, 'a-only-client')
    const b = await signInDevice(env.app, 'B phone')
    const res = await data(b.token)
    expect(res.statusCode).toBe(200)
    expect(res.json().member.id).toBe(b.memberId)
    expect(res.body).not.toContain(a.memberId)
    expect(res.body).not.toContain('A secret phone')
    expect(res.body).not.toContain('a-only-client')
    expect(res.json().sync.facts.reads.count).toBe(0)
    expect(res.json().quiz).toEqual([])
    // No member id to aim at: a query parameter is ignored.
    const viaQuery = await env.app.inject({ url: `/api/me/data?memberId=${a.memberId}`, headers: bearer(b.token) })
    expect(viaQuery.json().member.id).toBe(b.memberId)
  })

  it('is 401 without a token', async () => {
    const res = await data()
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ error: 'unauthorized', message: expect.any(String) })
  })
})

describe('POST /api/orgs/leave', () => {
  it('leaves the organization and answers the updated member; leaving again is a no-op', async () => {
    const org = await createOrg(env.app.services.store.orgs, '机关党支部', env.clock.now())
    const a = await signInDevice(env.app)
    const other = await signInDevice(env.app)
    await post(a.token, '/api/orgs/join', { joinCode: org.joinCode })
    await post(other.token, '/api/orgs/join', { joinCode: org.joinCode })
    const res = await post(a.token, '/api/orgs/leave')
    expect(res.statusCode).toBe(200)
    expect(res.json().member).toMatchObject({ id: a.memberId, org: null })
    expect((await env.app.inject({ url: '/api/me', headers: bearer(a.token) })).json().member.org).toBeNull()
    const again = await post(a.token, '/api/orgs/leave')
    expect(again.statusCode).toBe(200)
    expect(again.json().member.org).toBeNull()
    // Only the caller left.
    expect((await env.app.inject({ url: '/api/me', headers: bearer(other.token) })).json().member.org.id).toBe(org.id)
    const counts = await env.app.services.store.orgs.list()
    expect(counts.find((o) => o.id === org.id)?.memberCount).toBe(1)
    // And can join again.
    expect((await post(a.token, '/api/orgs/join', { joinCode: org.joinCode })).json().member.org.id).toBe(org.id)
  })

  it('refuses a body-less anonymous caller with 401 and ignores a body naming another member', async () => {
    expect((await post(null, '/api/orgs/leave')).statusCode).toBe(401)
    const org = await createOrg(env.app.services.store.orgs, '另一党支部', env.clock.now())
    const a = await signInDevice(env.app)
    const b = await signInDevice(env.app)
    await post(a.token, '/api/orgs/join', { joinCode: org.joinCode })
    const res = await post(b.token, '/api/orgs/leave', { memberId: a.memberId })
    expect(res.statusCode).toBe(200)
    expect(res.json().member.id).toBe(b.memberId)
    expect((await env.app.inject({ url: '/api/me', headers: bearer(a.token) })).json().member.org.id).toBe(org.id)
  })
})
