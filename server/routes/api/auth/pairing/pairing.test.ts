// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PAIRING_TTL_MS } from '../../../../services/auth'
import { bearer, signInDevice, testEnv, type TestEnv } from '../../../../test-support'

let env: TestEnv
beforeAll(async () => {
  // High budgets here; the limits themselves are tested below with their own app.
  env = await testEnv({
    rateLimits: { pairing: { max: 1000, windowMs: 60_000 }, claim: { max: 1000, windowMs: 60_000 } }
  })
})
afterAll(async () => env.close())

const create = (token: string) => env.app.inject({ method: 'POST', url: '/api/auth/pairing', headers: bearer(token) })
const claim = (code: unknown, deviceName?: string) =>
  env.app.inject({
    method: 'POST',
    url: '/api/auth/pairing/claim',
    payload: { code, ...(deviceName ? { deviceName } : {}) }
  })

describe('pairing a second device', () => {
  it('signs the second device in as the same member, once', async () => {
    const a = await signInDevice(env.app, 'phone')
    const made = await create(a.token)
    expect(made.statusCode).toBe(200)
    const { code, expiresAt } = made.json()
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/)
    expect(expiresAt).toBe(env.clock.now() + PAIRING_TTL_MS)
    env.clock.advance(1000)

    const claimed = await claim(code, 'laptop')
    expect(claimed.statusCode).toBe(200)
    const second = claimed.json()
    expect(second.member.id).toBe(a.memberId)
    expect(second.token).not.toBe(a.token)
    expect(
      second.member.devices.map((d: { name: string; kind: string; current: boolean }) => [d.name, d.kind, d.current])
    ).toEqual([
      ['phone', 'device', false],
      ['laptop', 'paired', true]
    ])

    const again = await claim(code)
    expect(again.statusCode).toBe(404)
    expect(again.json().error).toBe('invalid_pairing_code')
  })

  it('accepts the code typed in lower case with a dash or spaces', async () => {
    const a = await signInDevice(env.app)
    const { code } = (await create(a.token)).json()
    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4, 6)} ${code.slice(6)}`
    expect((await claim(typed)).json().member.id).toBe(a.memberId)
  })

  it('expires codes after 10 minutes', async () => {
    const a = await signInDevice(env.app)
    const { code } = (await create(a.token)).json()
    env.clock.advance(PAIRING_TTL_MS)
    expect((await claim(code)).statusCode).toBe(404)
  })

  it('voids the earlier code when a new one is made', async () => {
    const a = await signInDevice(env.app)
    const first = (await create(a.token)).json().code
    const second = (await create(a.token)).json().code
    expect((await claim(first)).statusCode).toBe(404)
    expect((await claim(second)).statusCode).toBe(200)
  })

  it('needs a signed-in member to make a code', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/pairing' })
    expect(res.statusCode).toBe(401)
    expect((await create('x'.repeat(43))).statusCode).toBe(401)
  })

  it('refuses unknown and malformed codes', async () => {
    expect((await claim('ABCDEFGH')).statusCode).toBe(404)
    expect((await claim('123')).statusCode).toBe(404)
    for (const bad of ['', 'x'.repeat(33), 12345678, null, ['ABCDEFGH']])
      expect((await claim(bad)).statusCode).toBe(400)
  })

  it('a revoked first device cannot make codes, but its member stays reachable from the paired one', async () => {
    const a = await signInDevice(env.app)
    const { code } = (await create(a.token)).json()
    const b = (await claim(code)).json().token as string
    await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(a.token) })
    expect((await create(a.token)).statusCode).toBe(401)
    expect((await create(b)).statusCode).toBe(200)
  })
})

describe('pairing rate limits', () => {
  it('limits making and claiming codes per IP', async () => {
    const limited = await testEnv({
      rateLimits: { pairing: { max: 2, windowMs: 60_000 }, claim: { max: 3, windowMs: 60_000 } }
    })
    try {
      const a = await signInDevice(limited.app)
      const post = (url: string, payload?: object, headers = {}) =>
        limited.app.inject({ method: 'POST', url, payload, headers })
      expect((await post('/api/auth/pairing', undefined, bearer(a.token))).statusCode).toBe(200)
      expect((await post('/api/auth/pairing', undefined, bearer(a.token))).statusCode).toBe(200)
      const third = await post('/api/auth/pairing', undefined, bearer(a.token))
      expect(third.statusCode).toBe(429)
      expect(third.json()).toEqual({ error: 'rate_limited', message: expect.any(String) })
      expect(third.headers['retry-after']).toBeDefined()
      const statuses = []
      for (let i = 0; i < 4; i++)
        statuses.push((await post('/api/auth/pairing/claim', { code: 'ABCDEFGH' })).statusCode)
      expect(statuses).toEqual([404, 404, 404, 429])
      // Another address has its own budget.
      const elsewhere = await limited.app.inject({
        method: 'POST',
        url: '/api/auth/pairing/claim',
        payload: { code: 'ABCDEFGH' },
        remoteAddress: '10.0.0.2'
      })
      expect(elsewhere.statusCode).toBe(404)
    } finally {
      await limited.close()
    }
  })
})
