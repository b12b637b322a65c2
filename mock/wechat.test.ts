// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest'
import { CODE_TTL_MS, startMockWechat, type MockWechat, type MockWechatOptions } from './wechat'

let mock: MockWechat | null = null
afterEach(async () => {
  await mock?.close()
  mock = null
})

async function start(options: MockWechatOptions = {}): Promise<MockWechat> {
  mock = await startMockWechat(options)
  return mock
}

async function exchange(
  m: MockWechat,
  code: string,
  extra: Record<string, string> = {}
): Promise<Record<string, unknown>> {
  const q = new URLSearchParams({ appid: 'a', secret: 's', js_code: code, grant_type: 'authorization_code', ...extra })
  const res = await fetch(`${m.url}/sns/jscode2session?${q}`)
  expect(res.status).toBe(200) // WeChat reports errors in the body, not the status
  return (await res.json()) as Record<string, unknown>
}

describe('mock jscode2session', () => {
  it('listens on loopback on a free port', async () => {
    const m = await start()
    expect(m.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('maps mock-<user> codes to a stable openid and never repeats a code', async () => {
    const m = await start()
    const first = await exchange(m, 'mock-alice~1')
    expect(first.openid).toBe(m.openidFor('alice'))
    expect(first.openid).toMatch(/^o[\w-]{27}$/)
    expect(typeof first.session_key).toBe('string')
    expect(first.unionid).toBeUndefined()
    expect((await exchange(m, 'mock-alice~2')).openid).toBe(first.openid)
    expect((await exchange(m, 'mock-bob')).openid).not.toBe(first.openid)
    expect(await exchange(m, 'mock-alice~1')).toEqual({ errcode: 40029, errmsg: 'invalid code' })
  })

  it('rejects unknown codes with 40029', async () => {
    const m = await start()
    expect((await exchange(m, 'whatever')).errcode).toBe(40029)
  })

  it('expires issued codes after 5 minutes', async () => {
    let t = 1_000_000
    const m = await start({ now: () => t })
    const fresh = m.issueCode('carol')
    const stale = m.issueCode('carol')
    expect((await exchange(m, fresh)).openid).toBe(m.openidFor('carol'))
    t += CODE_TTL_MS + 1
    expect((await exchange(m, stale)).errcode).toBe(40029)
  })

  it('issues codes over HTTP like wx.login', async () => {
    const m = await start()
    const { code } = (await (await fetch(`${m.url}/mock/login?user=dave`)).json()) as { code: string }
    expect((await exchange(m, code)).openid).toBe(m.openidFor('dave'))
  })

  it('answers 45011 for the rate-limit code and past N calls per minute for one prefix', async () => {
    let t = 0
    const m = await start({ rateLimitPerMinute: 3, now: () => t })
    expect((await exchange(m, 'rate-limit')).errcode).toBe(45011)
    for (let i = 0; i < 3; i++) expect((await exchange(m, `mock-eve~${i}`)).openid).toBeDefined()
    expect((await exchange(m, 'mock-eve~9')).errcode).toBe(45011)
    expect((await exchange(m, 'mock-frank')).openid).toBeDefined()
    t += 61_000
    expect((await exchange(m, 'mock-eve~10')).openid).toBeDefined()
  })

  it('checks appid, secret, grant_type and a missing code', async () => {
    const m = await start({ appid: 'a', secret: 's' })
    expect((await exchange(m, 'mock-x', { appid: 'other' })).errcode).toBe(40013)
    expect((await exchange(m, 'mock-x', { secret: 'other' })).errcode).toBe(40125)
    expect((await exchange(m, 'mock-x', { grant_type: 'password' })).errcode).toBe(40002)
    expect((await exchange(m, '')).errcode).toBe(41008)
    expect((await exchange(m, 'busy')).errcode).toBe(-1)
  })

  it('includes a unionid when asked to', async () => {
    const m = await start({ unionid: true })
    expect((await exchange(m, 'mock-gina')).unionid).toMatch(/^u/)
  })

  it('counts calls and 404s other paths', async () => {
    const m = await start()
    await exchange(m, 'mock-h')
    expect(m.calls()).toBe(1)
    expect((await fetch(`${m.url}/other`)).status).toBe(404)
  })
})
