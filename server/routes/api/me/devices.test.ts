// @vitest-environment node
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DB_FILE } from '../../../db/sqlite/open'
import { SESSION_IDLE_MS, SESSION_MAX_AGE_MS, SESSION_RENEW_AFTER_MS } from '../../../services/auth'
import { bearer, signInDevice, testEnv, type TestEnv } from '../../../test-support'

const DAY = 24 * 60 * 60 * 1000

let env: TestEnv
beforeAll(async () => {
  env = await testEnv({ pruneIntervalMs: 0 })
})
afterAll(async () => env.close())

const me = (token: string) => env.app.inject({ url: '/api/me', headers: bearer(token) })

/** A second device of the same member, through a pairing code. */
async function pair(token: string, deviceName: string): Promise<string> {
  const code = (await env.app.inject({ method: 'POST', url: '/api/auth/pairing', headers: bearer(token) })).json().code
  const res = await env.app.inject({ method: 'POST', url: '/api/auth/pairing/claim', payload: { code, deviceName } })
  return res.json().token as string
}

describe('sessions that end', () => {
  it('an idle session answers 401 session_expired, in Chinese', async () => {
    const a = await signInDevice(env.app)
    env.clock.advance(SESSION_IDLE_MS - 1)
    expect((await me(a.token)).statusCode).toBe(200)
    const b = await signInDevice(env.app)
    env.clock.advance(SESSION_IDLE_MS)
    const res = await me(b.token)
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ error: 'session_expired', message: '登录已过期，请重新登录' })
    // Revoked on the way: from now on the token is simply unknown.
    expect((await me(b.token)).json().error).toBe('unauthorized')
  })

  it('use renews a session at most once a day; the absolute limit ends it however much it is used', async () => {
    const a = await signInDevice(env.app)
    const start = env.clock.now()
    env.clock.advance(SESSION_RENEW_AFTER_MS - 1)
    expect((await me(a.token)).json().member.devices[0].lastUsedAt).toBe(start)
    env.clock.advance(1)
    expect((await me(a.token)).json().member.devices[0].lastUsedAt).toBe(start + SESSION_RENEW_AFTER_MS)
    let used = SESSION_RENEW_AFTER_MS
    while (used + 20 * DAY < SESSION_MAX_AGE_MS) {
      env.clock.advance(20 * DAY)
      used += 20 * DAY
      expect((await me(a.token)).statusCode).toBe(200)
    }
    env.clock.advance(SESSION_MAX_AGE_MS - used)
    expect((await me(a.token)).json().error).toBe('session_expired')
  })
})

describe('devices', () => {
  it('lists devices with their last use, signs one out, and answers 404 for an unknown or foreign one', async () => {
    const a = await signInDevice(env.app, '电脑')
    env.clock.advance(1)
    const phone = await pair(a.token, '手机')
    const listed = (await me(a.token)).json().member.devices
    expect(listed.map((d: { name: string }) => d.name)).toEqual(['电脑', '手机'])
    expect(listed[1]).toMatchObject({ lastUsedAt: env.clock.now(), current: false })

    const other = await signInDevice(env.app)
    const del = (token: string, id: string) =>
      env.app.inject({ method: 'DELETE', url: `/api/me/devices/${id}`, headers: bearer(token) })
    expect((await del(other.token, listed[1].id)).json()).toEqual({
      error: 'unknown_device',
      message: expect.any(String)
    })
    expect((await me(phone)).statusCode).toBe(200)
    const res = await del(a.token, listed[1].id)
    expect(res.statusCode).toBe(200)
    expect(res.json().member.devices.map((d: { name: string }) => d.name)).toEqual(['电脑'])
    expect((await me(phone)).json().error).toBe('unauthorized')
    expect((await del(a.token, listed[1].id)).statusCode).toBe(404)
    expect((await del(a.token, 'x'.repeat(65))).statusCode).toBe(400)
    expect((await env.app.inject({ method: 'DELETE', url: `/api/me/devices/${listed[0].id}` })).statusCode).toBe(401)
  })

  it('signs out every other device and keeps this one', async () => {
    const a = await signInDevice(env.app, '电脑')
    const phones = [await pair(a.token, '手机'), await pair(a.token, '平板')]
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/me/devices/sign-out-others',
      headers: bearer(a.token)
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ signedOut: 2, member: { devices: [{ name: '电脑', current: true }] } })
    for (const p of phones) expect((await me(p)).statusCode).toBe(401)
    expect((await me(a.token)).statusCode).toBe(200)
  })
})

describe('pruning', () => {
  it('revokes expired sessions and deletes device accounts nobody kept, but not members with anything stored', async () => {
    const abandoned = await signInDevice(env.app)
    const named = await signInDevice(env.app)
    env.clock.advance(1)
    await env.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer(named.token),
      payload: { displayName: '小王' }
    })
    const kept = await signInDevice(env.app)
    env.clock.advance(SESSION_IDLE_MS - DAY)
    await me(kept.token)
    env.clock.advance(DAY)
    const { sessions, members } = await env.app.services.auth.prune()
    expect(sessions).toBeGreaterThanOrEqual(2)
    expect(members).toBeGreaterThanOrEqual(1)
    const { accounts } = env.app.services.store
    expect(await accounts.getMember(abandoned.memberId)).toBeNull()
    expect(await accounts.getMember(named.memberId)).not.toBeNull()
    expect((await me(named.token)).statusCode).toBe(401)
    expect((await me(kept.token)).statusCode).toBe(200)
  })

  it('runs as a job started with the server and stopped on close', async () => {
    const jobEnv = await testEnv({ pruneIntervalMs: 20 })
    try {
      const a = await signInDevice(jobEnv.app)
      jobEnv.clock.advance(SESSION_IDLE_MS + DAY)
      const db = new Database(join(jobEnv.dataDir, DB_FILE), { readonly: true })
      try {
        const count = () => db.prepare('SELECT COUNT(*) FROM members WHERE id = ?').pluck().get(a.memberId)
        for (let i = 0; i < 100 && count() !== 0; i++) await new Promise((r) => setTimeout(r, 20))
        expect(count()).toBe(0)
      } finally {
        db.close()
      }
    } finally {
      await jobEnv.close()
    }
  })
})
