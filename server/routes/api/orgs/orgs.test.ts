// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { main as orgCli } from '../../../../scripts/org'
import { createOrg } from '../../../services/members'
import { bearer, signInDevice, testEnv, type TestEnv } from '../../../test-support'

let env: TestEnv
beforeAll(async () => {
  env = await testEnv()
})
afterAll(async () => env.close())

const join = (token: string, joinCode: unknown) =>
  env.app.inject({ method: 'POST', url: '/api/orgs/join', headers: bearer(token), payload: { joinCode } })

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
      expect(await orgCli(['create', '  '], { DATA_DIR: env.dataDir })).toBe(1)
      expect(await orgCli(['frobnicate'], { DATA_DIR: env.dataDir })).toBe(2)
    } finally {
      log.mockRestore()
      errors.mockRestore()
    }
  })
})
