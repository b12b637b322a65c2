// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, signInDevice, testEnv, type TestEnv } from '../../../test-support'

let env: TestEnv
beforeAll(async () => {
  env = await testEnv()
})
afterAll(async () => env.close())

const patch = (token: string, payload: unknown) =>
  env.app.inject({
    method: 'PATCH',
    url: '/api/me',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    payload: JSON.stringify(payload)
  })

describe('GET /api/me', () => {
  it('returns the caller with organization and devices', async () => {
    const a = await signInDevice(env.app, 'Chrome')
    const res = await env.app.inject({ url: '/api/me', headers: bearer(a.token) })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      member: {
        id: a.memberId,
        displayName: expect.any(String),
        org: null,
        devices: [
          {
            id: expect.any(String),
            name: 'Chrome',
            kind: 'device',
            createdAt: env.clock.now(),
            lastUsedAt: env.clock.now(),
            current: true
          }
        ]
      }
    })
    expect(res.headers['cache-control']).toBe('no-store')
  })

  it('is 401 without a token', async () => {
    const res = await env.app.inject({ url: '/api/me' })
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ error: 'unauthorized', message: expect.any(String) })
  })
})

describe('PATCH /api/me', () => {
  it('sets a trimmed display name', async () => {
    const a = await signInDevice(env.app)
    const res = await patch(a.token, { displayName: '  张三  ' })
    expect(res.statusCode).toBe(200)
    expect(res.json().member.displayName).toBe('张三')
    expect((await env.app.inject({ url: '/api/me', headers: bearer(a.token) })).json().member.displayName).toBe('张三')
  })

  it('counts characters, not UTF-16 units: 20 CJK or emoji characters fit', async () => {
    const a = await signInDevice(env.app)
    expect((await patch(a.token, { displayName: '党'.repeat(20) })).statusCode).toBe(200)
    expect((await patch(a.token, { displayName: '🇨🇳'.repeat(10) })).statusCode).toBe(200)
    expect((await patch(a.token, { displayName: '党'.repeat(21) })).statusCode).toBe(400)
  })

  it.each([
    [{ displayName: '' }, 'bad_request'],
    [{ displayName: '   ' }, 'invalid_display_name'],
    [{ displayName: 'a\u0000b' }, 'invalid_display_name'],
    [{ displayName: 'a\u202eb' }, 'invalid_display_name'],
    [{ displayName: 12 }, 'bad_request'],
    [{ displayName: 'ok', id: 'someone-else' }, 'bad_request'],
    [{}, 'bad_request'],
    [null, 'bad_request']
  ])('refuses %j with 400 %s', async (payload, error) => {
    const a = await signInDevice(env.app)
    const res = await patch(a.token, payload)
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toBe(error)
  })

  it('is 401 without a token', async () => {
    const res = await env.app.inject({ method: 'PATCH', url: '/api/me', payload: { displayName: 'x' } })
    expect(res.statusCode).toBe(401)
  })
})

describe('isolation between members', () => {
  it("member B's token can neither see nor change A's profile", async () => {
    const a = await signInDevice(env.app, 'A phone')
    const b = await signInDevice(env.app, 'B phone')
    await patch(a.token, { displayName: '甲' })
    const seenByB = await env.app.inject({ url: '/api/me', headers: bearer(b.token) })
    expect(seenByB.json().member.id).toBe(b.memberId)
    expect(seenByB.body).not.toContain(a.memberId)
    expect(seenByB.body).not.toContain('A phone')

    // There is no member id anywhere in the API to aim at: extra fields, ids in the path and query are refused or ignored.
    expect((await patch(b.token, { displayName: '乙', id: a.memberId })).statusCode).toBe(400)
    expect((await env.app.inject({ url: `/api/me/${a.memberId}`, headers: bearer(b.token) })).statusCode).toBe(404)
    const viaQuery = await env.app.inject({
      method: 'PATCH',
      url: `/api/me?id=${a.memberId}`,
      headers: bearer(b.token),
      payload: { displayName: '乙' }
    })
    expect(viaQuery.json().member.id).toBe(b.memberId)

    const aNow = (await env.app.inject({ url: '/api/me', headers: bearer(a.token) })).json().member
    expect(aNow.displayName).toBe('甲')
    expect(aNow.devices.map((d: { name: string }) => d.name)).toEqual(['A phone'])
  })
})
