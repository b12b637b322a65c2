// @vitest-environment node
// Fuzzes every route with seeded hostile input: malformed and oversized bodies, wrong types, bad tokens and path
// tricks. The server must answer each with a 4xx (never a 5xx) and leave the database exactly as it was. A second
// suite sends bodies the schemas accept, with a valid token, whose values the services must refuse: those reach
// handler code, so "the database is unchanged" there shows a refusal writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrg } from './services/members'
import { mulberry32 } from '../src/domain/random'
import { cleanName, DEVICE_NAME_MAX } from '../src/domain/names'
import { bearer, dumpDatabase, signInDevice, tempDir, testEnv, writeH5Fixture, type TestEnv } from './test-support'

const SEED = 20260101
const COUNT = 1500

/** mulberry32, so a failure can be replayed from its seed. */
const prng = mulberry32

type Rand = ReturnType<typeof prng>
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1))

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '../../etc/passwd',
  '..\\..\\windows',
  '%2e%2e%2f',
  '\u202e\u202d',
  '\ud800',
  '😀'.repeat(30),
  '党'.repeat(21),
  "'; DROP TABLE members; --",
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '\r\nX-Injected: 1',
  'null',
  'true',
  '0',
  '-1',
  '1e309',
  '__proto__',
  'constructor',
  'A'.repeat(70_000),
  '\t\n\u000b\f\r',
  '\u3000\u3000'
]

function randomString(r: Rand): string {
  if (r() < 0.4) return pick(r, NASTY_STRINGS)
  const len = pick(r, [1, 2, 8, 33, 129, 300, 5000])
  let s = ''
  for (let i = 0; i < len; i++)
    s += String.fromCodePoint(
      pick(r, [int(r, 0, 0x7f), int(r, 0x80, 0x7ff), int(r, 0x4e00, 0x9fff), int(r, 0x1f600, 0x1f64f)])
    )
  return s
}

/** A JSON value of the wrong kind for a string field. */
function wrongType(r: Rand, depth = 0): unknown {
  switch (int(r, 0, 6)) {
    case 0:
      return int(r, -1e9, 1e9)
    case 1:
      return r() < 0.5
    case 2:
      return null
    case 3:
      return depth > 3 ? [] : [wrongType(r, depth + 1)]
    case 4:
      return depth > 3 ? {} : { [randomString(r).slice(0, 20)]: wrongType(r, depth + 1) }
    case 5:
      return 1.5
    default:
      return -0
  }
}

/** A body that must be refused by the route, whoever sends it (valid bodies would legitimately change data). */
function badBody(r: Rand, field: string): { payload: string | Buffer; contentType?: string } {
  switch (int(r, 0, 9)) {
    case 0:
      return { payload: '{"' + field + '":' } // truncated
    case 1:
      return { payload: Buffer.from(Array.from({ length: int(r, 1, 300) }, () => int(r, 0, 255))) } // binary
    case 2:
      return { payload: JSON.stringify({ [field]: 'x'.repeat(int(r, 65 * 1024, 200 * 1024)) }) } // oversized
    case 3:
      return { payload: JSON.stringify({ [field]: wrongType(r) }) }
    case 4:
      return { payload: JSON.stringify({ [field]: 'ABCDEFGH', [randomString(r).slice(0, 10) || 'x']: 1, extra: true }) }
    case 5:
      return { payload: '['.repeat(int(r, 100, 5000)) + ']'.repeat(int(r, 0, 5000)) } // deep nesting
    case 6:
      return { payload: JSON.stringify(wrongType(r)) } // not an object at all
    case 7:
      return {
        payload: `{"${field}":"x"}`,
        contentType: pick(r, [
          'text/plain',
          'application/xml',
          'multipart/form-data; boundary=x',
          'application/x-www-form-urlencoded',
          'application/jsonx'
        ])
      }
    case 8:
      return { payload: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}' }
    default:
      return { payload: JSON.stringify({ [field]: '' }) } // below minLength
  }
}

/** Headers as a raw client would send them: any Unicode ends up as its UTF-8 bytes read as latin1. */
const latin1 = (s: string): string =>
  Buffer.from(s, 'utf8')
    .toString('latin1')
    .replace(/[\r\n\u0000]/g, '')

function badToken(r: Rand, valid: string): string | undefined {
  switch (int(r, 0, 8)) {
    case 0:
      return undefined
    case 1:
      return ''
    case 2:
      return `Bearer ${valid}x`
    case 3:
      return `Bearer ${valid.slice(0, 42)}`
    case 4:
      return `Basic ${valid}`
    case 5:
      return `Bearer ${'A'.repeat(43)}`
    case 6:
      return `Bearer ${latin1(randomString(r)).slice(0, 8000)}`
    case 7:
      return `Bearer ${valid.toUpperCase() === valid ? 'a' + valid.slice(1) : valid.toUpperCase()}`
    default:
      return latin1(randomString(r)).slice(0, 8000)
  }
}

const PATH_TRICKS = [
  '../',
  '..%2f',
  '%2e%2e',
  '%2e%2e%2f',
  '..%5c',
  '%00',
  '%2500',
  'a%00.txt',
  '%c0%ae%c0%ae/',
  '%E0%A4%A',
  '%ff',
  '....//',
  '.%2e/',
  '%252e%252e',
  '\u5154',
  '%E5%85%9A%E5%8F%B2',
  '?id=1&id=2',
  '#frag',
  ';jsessionid=1',
  '~',
  '.',
  'con',
  'nul',
  'app.db',
  '.env',
  '../data/app.db'
]

/** Percent-encodes the UTF-8 bytes of any string (lone surrogates included, which encodeURIComponent throws on). */
const percentEncode = (s: string): string =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9._~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`
    )
    .join('')

function trickyPath(r: Rand): string {
  const base = pick(r, [
    '/api/issues/',
    '/api/',
    '/api/me/',
    '/api/auth/',
    '/api/orgs/',
    '/',
    '/js/',
    '//api//issues/',
    '/API/issues/',
    '/api/sync/'
  ])
  const parts: string[] = []
  for (let i = int(r, 1, 4); i > 0; i--)
    parts.push(r() < 0.7 ? pick(r, PATH_TRICKS) : percentEncode(randomString(r).slice(0, 300)))
  if (r() < 0.1) parts.push('x'.repeat(int(r, 101, 20_000)))
  return base + parts.join('')
}

interface Attack {
  method: string
  url: string
  headers: Record<string, string>
  payload?: string | Buffer
}

/** One hostile request; `valid` is a live token that may ride along with bodies that must still be refused. */
function attack(r: Rand, valid: string): Attack {
  const kind = int(r, 0, 5)
  const auth = (): Record<string, string> => {
    const t = r() < 0.5 ? `Bearer ${valid}` : badToken(r, valid)
    return t === undefined ? {} : { authorization: t }
  }
  const withBody = (method: string, url: string, field: string, headers: Record<string, string>): Attack => {
    const body = badBody(r, field)
    return {
      method,
      url,
      headers: { ...headers, 'content-type': body.contentType ?? 'application/json' },
      payload: body.payload
    }
  }
  switch (kind) {
    case 0:
      return withBody('PATCH', '/api/me', 'displayName', auth())
    case 1:
      return withBody('POST', '/api/orgs/join', 'joinCode', auth())
    case 2:
      return withBody(
        'POST',
        pick(r, ['/api/auth/device', '/api/auth/pairing/claim', '/api/auth/wechat']),
        pick(r, ['deviceName', 'code']),
        auth()
      )
    case 3: {
      // Routes that act on a valid token (logout, pairing, me) get only bad tokens here.
      const t = badToken(r, valid)
      const [method, url] = pick(r, [
        ['POST', '/api/auth/logout'],
        ['POST', '/api/auth/pairing'],
        ['GET', '/api/me'],
        ['PATCH', '/api/me'],
        ['POST', '/api/orgs/join']
      ] as const)
      return {
        method,
        url,
        headers: t === undefined ? {} : { authorization: t },
        payload: method === 'GET' ? undefined : '{"displayName":"攻击者","joinCode":"ABCDEFGH"}'
      }
    }
    case 4: {
      // Well-formed codes that WeChat (the mock) or the pairing table will not know.
      const code =
        latin1(randomString(r))
          .replace(/^mock-/, 'x')
          .slice(0, 128) || 'x'
      const url = pick(r, ['/api/auth/wechat', '/api/auth/pairing/claim'])
      return { method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ code }) }
    }
    default: {
      const method = pick(r, ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])
      const headers: Record<string, string> = {
        ...auth(),
        ...(r() < 0.3 ? { 'if-none-match': latin1(randomString(r)).slice(0, 3000) } : {})
      }
      return {
        method,
        url: trickyPath(r),
        headers,
        payload: method === 'GET' || method === 'HEAD' ? undefined : latin1(randomString(r))
      }
    }
  }
}

let env: TestEnv
let token: string
let org: { id: string; name: string; joinCode: string }
const h5 = tempDir('h5-')
beforeAll(async () => {
  writeH5Fixture(h5.path)
  // Budgets high enough that the handlers, not the rate limiter, answer (the limiter's store is in memory).
  const lots = { max: 1e9, windowMs: 60_000 }
  env = await testEnv({ staticDir: h5.path, rateLimits: { signIn: lots, pairing: lots, claim: lots } })
  token = (await signInDevice(env.app, 'victim')).token
  org = await createOrg(env.app.services.store.orgs, '党支部', env.clock.now())
  await env.app.inject({ method: 'POST', url: '/api/auth/pairing', headers: bearer(token) })
})
afterAll(async () => {
  await env.close()
  h5.remove()
})

describe('hostile input', () => {
  it(`${COUNT} seeded hostile requests: no 5xx, every API error is {error, message}, database unchanged`, async () => {
    const before = dumpDatabase(env.dataDir)
    const r = prng(SEED)
    const statuses = new Map<number, number>()
    const failures: string[] = []
    for (let i = 0; i < COUNT; i++) {
      const a = attack(r, token)
      const res = await env.app.inject({
        method: a.method as 'GET',
        url: a.url,
        headers: a.headers,
        payload: a.payload
      })
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1)
      const where = `#${i} ${a.method} ${a.url.slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 200)}`
      if (res.statusCode >= 500) failures.push(where)
      else if (res.statusCode >= 400 && a.method !== 'HEAD') {
        const body = (() => {
          try {
            return res.json() as Record<string, unknown>
          } catch {
            return null
          }
        })()
        if (typeof body?.error !== 'string' || typeof body?.message !== 'string') failures.push(`shape: ${where}`)
      }
      // The only successes allowed are reads (content, static files, the victim's own profile) and preflights.
      if (res.statusCode < 300 && !['GET', 'HEAD', 'OPTIONS'].includes(a.method))
        failures.push(`accepted: ${where} ${String(a.payload).slice(0, 200)}`)
    }
    expect(failures).toEqual([])
    expect(dumpDatabase(env.dataDir)).toBe(before)
    // The run really exercised refusals of every kind, not just one path.
    for (const status of [400, 401, 404, 413, 415])
      expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(10)
  })
})

/** Display names the schema accepts (a string of 1–100) but that show as nothing, or hide a bidi trick. */
const BLANK_OR_BIDI_NAMES = [
  '\u202E张三',
  '张\u202E三',
  '\u202Dabc',
  '\u2066党\u2069',
  '\u200F名',
  '\u3000\u3000',
  '\u3000',
  ' \u3000 ',
  '\u00A0\u00A0',
  '\u3164',
  '\u3164\u3164',
  '\u115F',
  '\u1160',
  '\uFFA0',
  '\u2800\u2800',
  '\u0300\u0301',
  '\uFE0F',
  '\u034F',
  '\u200B',
  '\u200B\u200C\u200D',
  '\u2060',
  '\uFEFF',
  '\u00AD',
  '\u{E0020}',
  '\t\n',
  '\u2028',
  '党'.repeat(21),
  '😀'.repeat(21)
]

/** Join codes the schema accepts (1–32 characters) that name no organization the member may join. */
function wrongJoinCodes(): string[] {
  const code = org.joinCode
  const swap = (c: string) => (c === 'A' ? 'B' : 'A')
  return [
    'ABCDEFGH',
    'ZZZZZZZZ',
    '00000000',
    '-',
    ' ',
    '\u3000',
    code.slice(0, -1),
    code + 'A',
    swap(code[0]) + code.slice(1),
    code.slice(0, -1) + swap(code[code.length - 1]),
    // Other identifiers of the organization are not its join code.
    org.id.slice(0, 32),
    org.name,
    `${code}${code}`.slice(0, 32),
    code.split('').reverse().join('')
  ].filter((c) => c !== code && c.replace(/[\s-]+/g, '').toUpperCase() !== code)
}

describe('schema-valid but wrong values, with a valid token', () => {
  it('refuses blank-looking and bidi display and device names, unknown join codes (then a lockout) and foreign devices with a 4xx {error, message}, changing nothing', async () => {
    const me = async () =>
      (await env.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).json() as {
        member: { displayName: string; org: unknown }
      }
    const before = dumpDatabase(env.dataDir)
    const profile = await me()
    const failures: string[] = []
    const requests = [
      ...BLANK_OR_BIDI_NAMES.map((displayName) => ({
        method: 'PATCH' as const,
        url: '/api/me',
        payload: { displayName }
      })),
      ...wrongJoinCodes().map((joinCode) => ({
        method: 'POST' as const,
        url: '/api/orgs/join',
        payload: { joinCode }
      })),
      // The same names as device names (those within the schema's length that are not fine device names).
      ...BLANK_OR_BIDI_NAMES.filter(
        (n) => n.length >= 1 && n.length <= 40 && cleanName(n, DEVICE_NAME_MAX) === null
      ).flatMap((deviceName) => [
        { method: 'POST' as const, url: '/api/auth/device', payload: { deviceName } },
        { method: 'POST' as const, url: '/api/auth/pairing/claim', payload: { code: 'ABCD2345', deviceName } }
      ]),
      // Signing out devices that are not the caller's, or do not exist.
      ...['x', 'no-such-session', '../me', '%00'].map((id) => ({
        method: 'DELETE' as const,
        url: `/api/me/devices/${encodeURIComponent(id)}`,
        payload: undefined
      }))
    ]
    expect(requests.length).toBeGreaterThan(30)
    for (const req of requests) {
      const res = await env.app.inject({ ...req, headers: bearer(token) })
      const where = `${req.method} ${req.url} ${JSON.stringify(req.payload)} → ${res.statusCode} ${res.body.slice(0, 200)}`
      if (res.statusCode < 400 || res.statusCode >= 500) failures.push(where)
      const body = (() => {
        try {
          return res.json() as Record<string, unknown>
        } catch {
          return null
        }
      })()
      if (typeof body?.error !== 'string' || typeof body?.message !== 'string' || body.error === 'bad_request')
        failures.push(`shape or schema: ${where}`)
      // Each refusal is checked on its own, so a write that precedes a refusal is caught at the request that made it.
      if (dumpDatabase(env.dataDir) !== before) failures.push(`database changed: ${where}`)
    }
    expect(failures).toEqual([])
    expect(await me()).toEqual(profile)
    expect(dumpDatabase(env.dataDir)).toBe(before)
  })

  it('refuses a name in Chinese, saying what is wrong', async () => {
    const res = await env.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer(token),
      payload: { displayName: '\u3164\u3164' }
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ error: 'invalid_display_name', message: expect.stringMatching(/[\u4e00-\u9fff]/) })
  })
})
