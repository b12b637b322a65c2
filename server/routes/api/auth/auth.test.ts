// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockWechat } from '../../../../mock/wechat'
import { buildApp } from '../../../app'
import { MAX_SESSIONS_PER_MEMBER } from '../../../services/auth'
import { bearer, signInDevice, tempDir, testEnv, type TestEnv } from '../../../test-support'

let env: TestEnv
beforeAll(async () => {
  env = await testEnv()
})
afterAll(async () => env.close())

const wechat = (code: unknown) => env.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code } })

describe('POST /api/auth/device', () => {
  it('creates a new member with one device and returns its token', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/device',
      payload: { deviceName: 'iPhone Safari' }
    })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(body.member).toMatchObject({ displayName: expect.stringMatching(/^党员\d{4}$/), org: null })
    expect(body.member.devices).toEqual([
      {
        id: expect.any(String),
        name: 'iPhone Safari',
        kind: 'device',
        createdAt: env.clock.now(),
        lastUsedAt: env.clock.now(),
        current: true
      }
    ])
    const me = await env.app.inject({ url: '/api/me', headers: bearer(body.token) })
    expect(me.json().member.id).toBe(body.member.id)
  })

  it('accepts a bodyless request and an empty JSON body', async () => {
    expect((await env.app.inject({ method: 'POST', url: '/api/auth/device' })).statusCode).toBe(200)
    const empty = await env.app.inject({
      method: 'POST',
      url: '/api/auth/device',
      headers: { 'content-type': 'application/json' },
      payload: ''
    })
    expect(empty.statusCode).toBe(200)
  })

  it('gives two sign-ins two different members', async () => {
    const a = await signInDevice(env.app)
    const b = await signInDevice(env.app)
    expect(a.memberId).not.toBe(b.memberId)
    expect(a.token).not.toBe(b.token)
  })

  it.each([
    [{ deviceName: '' }],
    [{ deviceName: 'x'.repeat(41) }],
    [{ deviceName: 42 }],
    [{ deviceName: 'ok', admin: true }],
    [[]],
    ['"string"']
  ])('refuses %j with 400', async (payload) => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/device',
      headers: { 'content-type': 'application/json' },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload)
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ error: 'bad_request', message: expect.any(String) })
  })
})

describe('POST /api/auth/wechat', () => {
  it('finds or creates the member by openid and never returns session_key', async () => {
    const first = await wechat(env.wechat.issueCode('alice'))
    expect(first.statusCode).toBe(200)
    expect(first.body).not.toMatch(/session_key|openid/)
    const second = await wechat(env.wechat.issueCode('alice'))
    expect(second.json().member.id).toBe(first.json().member.id)
    expect(second.json().token).not.toBe(first.json().token)
    expect(second.json().member.devices.map((d: { kind: string }) => d.kind)).toEqual(['wechat', 'wechat'])
    const other = await wechat(env.wechat.issueCode('bob'))
    expect(other.json().member.id).not.toBe(first.json().member.id)
  })

  it(`keeps the newest ${MAX_SESSIONS_PER_MEMBER} sessions of a member, revoking the oldest`, async () => {
    const first = (await wechat(env.wechat.issueCode('many'))).json().token as string
    let last = ''
    for (let i = 0; i < MAX_SESSIONS_PER_MEMBER; i++) {
      env.clock.advance(1)
      last = (await wechat(env.wechat.issueCode('many'))).json().token
    }
    expect((await env.app.inject({ url: '/api/me', headers: bearer(first) })).statusCode).toBe(401)
    const me = await env.app.inject({ url: '/api/me', headers: bearer(last) })
    expect(me.json().member.devices).toHaveLength(MAX_SESSIONS_PER_MEMBER)
  })

  it('maps an invalid, reused or expired code to 401 invalid_code', async () => {
    expect((await wechat('not-a-code')).json()).toMatchObject({ error: 'invalid_code' })
    const code = env.wechat.issueCode('carol')
    expect((await wechat(code)).statusCode).toBe(200)
    const reused = await wechat(code)
    expect(reused.statusCode).toBe(401)
    expect(reused.json().error).toBe('invalid_code')
    const stale = env.wechat.issueCode('carol')
    env.clock.advance(5 * 60 * 1000 + 1)
    expect((await wechat(stale)).statusCode).toBe(401)
  })

  it('maps WeChat rate limiting (45011) to 429', async () => {
    const res = await wechat('rate-limit')
    expect(res.statusCode).toBe(429)
    expect(res.json().error).toBe('rate_limited')
    expect(res.headers['retry-after']).toBe('60')
  })

  it('maps WeChat being busy to 502 wechat_unavailable', async () => {
    const res = await wechat('busy')
    expect(res.statusCode).toBe(502)
    expect(res.json().error).toBe('wechat_unavailable')
  })

  it('refuses malformed codes with 400 before calling WeChat', async () => {
    const before = env.wechat.calls()
    for (const code of ['', 'x'.repeat(129), 'with space', '中文', 7, null]) {
      expect((await wechat(code)).statusCode).toBe(400)
    }
    expect((await env.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: {} })).statusCode).toBe(400)
    expect(env.wechat.calls()).toBe(before)
  })

  it('answers 502 when WeChat cannot be reached or times out', async () => {
    const dir = tempDir()
    const gone = await startMockWechat()
    await gone.close()
    const down = await buildApp({
      dataDir: dir.path,
      wechat: { apiBase: gone.url, appid: 'a', secret: 's', timeoutMs: 300 }
    })
    const slow = await buildApp({
      dataDir: dir.path,
      wechat: { apiBase: env.wechat.url, appid: 'test-appid', secret: 'test-secret', timeoutMs: 200 }
    })
    try {
      const refused = await down.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'mock-x' } })
      expect(refused.statusCode).toBe(502)
      expect(refused.json()).toEqual({ error: 'wechat_unavailable', message: expect.any(String) })
      const hung = await slow.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'hang' } })
      expect(hung.statusCode).toBe(502)
    } finally {
      await down.close()
      await slow.close()
      dir.remove()
    }
  })

  it('is 404 when WeChat sign-in is not configured', async () => {
    const dir = tempDir()
    const app = await buildApp({ dataDir: dir.path })
    try {
      const res = await app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'mock-a' } })
      expect(res.statusCode).toBe(404)
    } finally {
      await app.close()
      dir.remove()
    }
  })
})

describe('POST /api/auth/logout and tokens', () => {
  it('revokes only the current token', async () => {
    const code = env.wechat.issueCode('dora')
    const phone = (await wechat(code)).json().token as string
    const laptop = (await wechat(env.wechat.issueCode('dora'))).json().token as string
    const out = await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(phone) })
    expect(out.statusCode).toBe(200)
    expect(out.json()).toEqual({ ok: true })
    const revoked = await env.app.inject({ url: '/api/me', headers: bearer(phone) })
    expect(revoked.statusCode).toBe(401)
    expect(revoked.json().error).toBe('unauthorized')
    expect((await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(phone) })).statusCode).toBe(
      401
    )
    const still = await env.app.inject({ url: '/api/me', headers: bearer(laptop) })
    expect(still.statusCode).toBe(200)
    expect(still.json().member.devices).toHaveLength(1)
  })

  it('refuses missing, malformed and unknown tokens with 401', async () => {
    const { token } = await signInDevice(env.app)
    for (const authorization of [
      undefined,
      '',
      'Bearer',
      `Basic ${token}`,
      `Bearer ${token}x`,
      `Bearer ${token.slice(1)}`,
      `Bearer ${'A'.repeat(43)}`,
      `Bearer  ${token}`,
      `${token}`
    ]) {
      const res = await env.app.inject({
        url: '/api/me',
        headers: authorization === undefined ? {} : { authorization }
      })
      expect(res.statusCode, String(authorization)).toBe(401)
      expect(res.json().error).toBe('unauthorized')
    }
    expect((await env.app.inject({ url: '/api/me', headers: { authorization: `bearer ${token}` } })).statusCode).toBe(
      200
    )
  })
})
