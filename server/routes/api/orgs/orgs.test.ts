// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { main as orgCli } from '../../../../scripts/org'
import { createOrg, parseDuration, rotateJoinCode } from '../../../services/members'
import { JOIN_FAILURES_PER_IP, JOIN_FAILURES_PER_MEMBER, JOIN_LOCKOUT_MS } from '../../../services/join-guard'
import { bearer, signInDevice, testEnv, type TestEnv } from '../../../test-support'

let env: TestEnv
beforeAll(async () => {
  env = await testEnv()
})
afterAll(async () => env.close())

const join = (token: string, joinCode: unknown, remoteAddress = '127.0.0.1') =>
  env.app.inject({
    method: 'POST',
    url: '/api/orgs/join',
    headers: bearer(token),
    payload: { joinCode },
    remoteAddress
  })

describe('POST /api/orgs/join', () => {
  it('joins the organization with that code, and can move to another', async () => {
    const { orgs } = env.app.services.store
    const first = await createOrg(orgs, '第一党支部', env.clock.now())
    const second = await createOrg(orgs, '第二党支部', env.clock.now())
    const a = await signInDevice(env.app)
    const res = await join(a.token, first.joinCode)
    expect(res.statusCode).toBe(200)
    expect(res.json().member.org).toEqual({ id: first.id, name: '第一党支部' })
    const typed = `${second.joinCode.slice(0, 4).toLowerCase()} ${second.joinCode.slice(4)}`
    expect((await join(a.token, typed)).json().member.org.name).toBe('第二党支部')
    expect((await env.app.inject({ url: '/api/me', headers: bearer(a.token) })).json().member.org.id).toBe(second.id)
  })

  it('answers 404 unknown_join_code for a wrong code and keeps the membership', async () => {
    const org = await createOrg(env.app.services.store.orgs, '机关党支部', env.clock.now())
    const a = await signInDevice(env.app)
    await join(a.token, org.joinCode)
    const res = await join(a.token, 'ZZZZZZZZ')
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ error: 'unknown_join_code', message: expect.any(String) })
    expect((await env.app.inject({ url: '/api/me', headers: bearer(a.token) })).json().member.org.id).toBe(org.id)
  })

  it('refuses malformed bodies with 400 and anonymous callers with 401', async () => {
    const a = await signInDevice(env.app)
    for (const bad of ['', 'x'.repeat(33), 5, null]) expect((await join(a.token, bad)).statusCode).toBe(400)
    const anon = await env.app.inject({ method: 'POST', url: '/api/orgs/join', payload: { joinCode: 'ABCDEFGH' } })
    expect(anon.statusCode).toBe(401)
  })
})

describe('join-code guessing', () => {
  it('locks a member out after repeated wrong codes: 429 in Chinese with Retry-After, even for the right code', async () => {
    const org = await createOrg(env.app.services.store.orgs, '锁定测试支部', env.clock.now())
    const a = await signInDevice(env.app)
    const ip = '198.51.100.1'
    for (let i = 0; i < JOIN_FAILURES_PER_MEMBER; i++)
      expect((await join(a.token, 'ZZZZZZZZ', ip)).statusCode).toBe(404)
    const locked = await join(a.token, org.joinCode, ip)
    expect(locked.statusCode).toBe(429)
    expect(locked.json()).toEqual({ error: 'join_code_locked', message: expect.stringMatching(/请 15 分钟后再试/) })
    expect(Number(locked.headers['retry-after'])).toBe(JOIN_LOCKOUT_MS / 1000)
    // Another member on another address is not affected.
    const b = await signInDevice(env.app)
    expect((await join(b.token, org.joinCode, '198.51.100.2')).statusCode).toBe(200)
    env.clock.advance(JOIN_LOCKOUT_MS)
    expect((await join(a.token, org.joinCode, ip)).statusCode).toBe(200)
  })

  it('locks an IP address out after repeated wrong codes from many members', async () => {
    const org = await createOrg(env.app.services.store.orgs, '地址锁定支部', env.clock.now())
    const ip = '203.0.113.9'
    for (let i = 0; i < JOIN_FAILURES_PER_IP; i++) {
      const m = await signInDevice(env.app)
      expect((await join(m.token, 'ZZZZZZZZ', ip)).statusCode).toBe(404)
    }
    const fresh = await signInDevice(env.app)
    expect((await join(fresh.token, org.joinCode, ip)).statusCode).toBe(429)
    expect((await join(fresh.token, org.joinCode, '203.0.113.10')).statusCode).toBe(200)
    env.clock.advance(JOIN_LOCKOUT_MS)
  })

  it('answers 429 rate_limited past the per-IP request budget', async () => {
    const limited = await testEnv({ rateLimits: { joinOrg: { max: 3, windowMs: 60_000 } } })
    try {
      const a = await signInDevice(limited.app)
      const send = () =>
        limited.app.inject({
          method: 'POST',
          url: '/api/orgs/join',
          headers: bearer(a.token),
          payload: { joinCode: 'x' }
        })
      for (let i = 0; i < 3; i++) expect((await send()).statusCode).toBe(404)
      const res = await send()
      expect(res.statusCode).toBe(429)
      expect(res.json()).toEqual({ error: 'rate_limited', message: expect.stringMatching(/^操作太频繁/) })
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
    } finally {
      await limited.close()
    }
  })
})

describe('rotating and expiring join codes', () => {
  it('a rotated code stops working; the new one works; members stay in', async () => {
    const { orgs } = env.app.services.store
    const org = await createOrg(orgs, '轮换支部', env.clock.now())
    const a = await signInDevice(env.app)
    expect((await join(a.token, org.joinCode)).statusCode).toBe(200)
    const { joinCode, expiresAt } = await rotateJoinCode(orgs, org.id, env.clock.now(), null)
    expect(joinCode).not.toBe(org.joinCode)
    expect(expiresAt).toBeNull()
    const b = await signInDevice(env.app)
    expect((await join(b.token, org.joinCode)).json().error).toBe('unknown_join_code')
    expect((await join(b.token, joinCode)).json().member.org.id).toBe(org.id)
    expect((await env.app.inject({ url: '/api/me', headers: bearer(a.token) })).json().member.org.id).toBe(org.id)
  })

  it('an expired code answers like a wrong one', async () => {
    const { orgs } = env.app.services.store
    const org = await createOrg(orgs, '限期支部', env.clock.now())
    const { joinCode } = await rotateJoinCode(orgs, org.id, env.clock.now(), 60_000)
    const a = await signInDevice(env.app)
    env.clock.advance(59_999)
    expect((await join(a.token, joinCode)).statusCode).toBe(200)
    env.clock.advance(1)
    const b = await signInDevice(env.app)
    expect((await join(b.token, joinCode)).json()).toEqual({ error: 'unknown_join_code', message: expect.any(String) })
  })

  it('reads durations', () => {
    expect(parseDuration('30d')).toBe(30 * 86_400_000)
    expect(parseDuration('12h')).toBe(12 * 3_600_000)
    expect(parseDuration('90m')).toBe(90 * 60_000)
    for (const bad of ['', '0d', '30', 'd', '1.5d', '-1d', '30w']) expect(parseDuration(bad)).toBeNull()
  })
})

describe('npm run org', () => {
  it('creates an organization in DATA_DIR, prints its join code, and lists it', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      expect(await orgCli(['create', '市委党史研究室', '党支部'], { DATA_DIR: env.dataDir })).toBe(0)
      const printed = log.mock.calls.map((c) => String(c[0])).join('\n')
      const joinCode = /join code: ([A-Z0-9]{8})/.exec(printed)?.[1]
      expect(joinCode).toBeDefined()
      // The running server sees the organization at once: same database file.
      const a = await signInDevice(env.app)
      expect((await join(a.token, joinCode)).json().member.org.name).toBe('市委党史研究室 党支部')
      log.mockClear()
      expect(await orgCli(['list'], { DATA_DIR: env.dataDir })).toBe(0)
      expect(log.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(
        new RegExp(`${joinCode}\\s+1 members\\s+市委党史研究室 党支部`)
      )
      log.mockClear()
      expect(await orgCli(['rotate', joinCode as string, '--expires', '30d'], { DATA_DIR: env.dataDir })).toBe(0)
      const rotated = log.mock.calls.map((c) => String(c[0])).join('\n')
      const next = /join code: ([A-Z0-9]{8})/.exec(rotated)?.[1]
      expect(next).toBeDefined()
      expect(next).not.toBe(joinCode)
      expect(rotated).toMatch(/expires: \d{4}-/)
      const b = await signInDevice(env.app)
      expect((await join(b.token, joinCode)).statusCode).toBe(404)
      expect((await join(b.token, next)).statusCode).toBe(200)
      log.mockClear()
      expect(await orgCli(['list'], { DATA_DIR: env.dataDir })).toBe(0)
      expect(log.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(new RegExp(`${next}.*code expires`))
      expect(await orgCli(['rotate', '市委党史研究室 党支部', '--expires', 'soon'], { DATA_DIR: env.dataDir })).toBe(2)
      expect(await orgCli(['rotate', '没有这个组织'], { DATA_DIR: env.dataDir })).toBe(1)
      expect(await orgCli(['create', '  '], { DATA_DIR: env.dataDir })).toBe(1)
      expect(await orgCli(['frobnicate'], { DATA_DIR: env.dataDir })).toBe(2)
    } finally {
      log.mockRestore()
      errors.mockRestore()
    }
  })
})
