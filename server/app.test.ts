// @vitest-environment node
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from './app'
import { H5_INLINE_SCRIPT, signInDevice, tempDir, testEnv, writeH5Fixture, type TestEnv } from './test-support'
import type { App } from './types'

let env: TestEnv
const h5 = tempDir('h5-')
beforeAll(async () => {
  writeH5Fixture(h5.path)
  env = await testEnv({ staticDir: h5.path, rateLimits: { signIn: { max: 3, windowMs: 60_000 } } })
})
afterAll(async () => {
  await env.close()
  h5.remove()
})

describe('GET /api/health', () => {
  it('answers {ok:true} without a token', async () => {
    const res = await env.app.inject({ url: '/api/health' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ ok: true })
  })
})

describe('the H5 app at /', () => {
  it('serves index.html with a CSP that allows its inline script and bundle but nothing foreign', async () => {
    const res = await env.app.inject({ url: '/' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    expect(res.body).toContain('<div id="app">')
    const csp = String(res.headers['content-security-policy'])
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [k, ...v] = d.trim().split(/\s+/)
        return [k, v]
      })
    )
    const hash = `'sha256-${createHash('sha256').update(H5_INLINE_SCRIPT).digest('base64')}'`
    expect(directives['script-src']).toEqual(expect.arrayContaining(["'self'", hash]))
    expect(directives['script-src']).not.toContain("'unsafe-inline'")
    expect(directives['script-src']).not.toContain("'unsafe-eval'")
    expect(directives['style-src']).toEqual(["'self'", "'unsafe-inline'"])
    expect(directives['connect-src']).toEqual(["'self'"])
    expect(directives['object-src']).toEqual(["'none'"])
    expect(directives).not.toHaveProperty('upgrade-insecure-requests')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(res.headers['cache-control']).toBe('no-cache')
    // The bundle the page references loads from the same origin, cached for good (its name carries a hash).
    const js = await env.app.inject({ url: '/js/app.0123abcd.js' })
    expect(js.statusCode).toBe(200)
    expect(js.headers['content-type']).toMatch(/javascript/)
    expect(js.headers['cache-control']).toMatch(/immutable/)
  })

  it('falls back to index.html for client routes, but not for /api or missing files', async () => {
    const route = await env.app.inject({ url: '/pages/article/index?id=1' })
    expect(route.statusCode).toBe(200)
    expect(route.body).toContain('<div id="app">')
    const asset = await env.app.inject({ url: '/js/missing.js' })
    expect(asset.statusCode).toBe(404)
    expect(asset.json().error).toBe('not_found')
    const api = await env.app.inject({ url: '/api/nothing-here' })
    expect(api.statusCode).toBe(404)
    expect(api.json()).toEqual({ error: 'not_found', message: 'No route for GET /api/nothing-here' })
    expect((await env.app.inject({ method: 'POST', url: '/pages/x' })).statusCode).toBe(404)
  })

  it('never serves files outside the build', async () => {
    for (const url of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2f..%2fetc%2fpasswd',
      '/js/..%2f..%2f..%2fpackage.json',
      '/%00',
      '/.env'
    ]) {
      const res = await env.app.inject({ url })
      expect(res.statusCode, url).toBeLessThan(500)
      expect(res.body, url).not.toContain('"dependencies"')
      expect(res.body, url).not.toContain('root:')
    }
  })
})

describe('errors are always {error, message} with a 4xx', () => {
  it('maps invalid JSON to 400, oversized bodies to 413 and unknown media types to 415', async () => {
    const post = (payload: string, contentType = 'application/json') =>
      env.app.inject({
        method: 'POST',
        url: '/api/auth/pairing/claim',
        headers: { 'content-type': contentType },
        payload
      })
    const bad = await post('{"code":')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toBe('bad_request')
    const big = await post(JSON.stringify({ code: 'x'.repeat(70 * 1024) }))
    expect(big.statusCode).toBe(413)
    expect(big.json().error).toBe('payload_too_large')
    const xml = await post('<code/>', 'application/xml')
    expect(xml.statusCode).toBe(415)
    expect(xml.json().error).toBe('unsupported_media_type')
    const proto = await post('{"__proto__":{"admin":true},"code":"ABCDEFGH"}')
    expect(proto.statusCode).toBe(400)
  })

  it('refuses compressed request bodies instead of inflating them', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/pairing/claim',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync('{"code":"ABCDEFGH"}')
    })
    expect(res.statusCode).toBe(415)
    expect(res.json().error).toBe('unsupported_media_type')
  })

  it('answers undecodable URLs with 400 {error, message}', async () => {
    for (const url of ['/%E0%A4%A', '/api/%E0%A4%A', '/api/issues/%FF']) {
      const res = await env.app.inject({ url })
      expect(res.statusCode, url).toBe(400)
      expect(res.json(), url).toEqual({ error: 'bad_request', message: expect.any(String) })
    }
  })

  it('answers 404 JSON for unknown methods on /api', async () => {
    const res = await env.app.inject({ method: 'DELETE', url: '/api/me' })
    expect(res.statusCode).toBe(404)
    expect(res.json().error).toBe('not_found')
  })
})

describe('rate limits', () => {
  it('limits device sign-ins per IP with the configured budget', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await env.app.inject({ method: 'POST', url: '/api/auth/device', remoteAddress: '10.9.9.9' })).statusCode
      )
    }
    expect(statuses).toEqual([200, 200, 200, 429])
  })
})

describe('CORS', () => {
  it('sends no CORS headers by default (same origin only)', async () => {
    const res = await env.app.inject({ url: '/api/issues', headers: { origin: 'https://evil.example' } })
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
    const preflight = await env.app.inject({
      method: 'OPTIONS',
      url: '/api/me',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' }
    })
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('allows exactly the configured origins', async () => {
    const dir = tempDir()
    let app: App | null = null
    try {
      app = await buildApp({ dataDir: join(dir.path, 'd'), corsOrigins: ['https://app.example'] })
      const ok = await app.inject({ url: '/api/issues', headers: { origin: 'https://app.example' } })
      expect(ok.headers['access-control-allow-origin']).toBe('https://app.example')
      const preflight = await app.inject({
        method: 'OPTIONS',
        url: '/api/me',
        headers: {
          origin: 'https://app.example',
          'access-control-request-method': 'PATCH',
          'access-control-request-headers': 'authorization,content-type'
        }
      })
      expect(preflight.statusCode).toBe(204)
      expect(String(preflight.headers['access-control-allow-headers'])).toMatch(/Authorization/)
      const other = await app.inject({ url: '/api/issues', headers: { origin: 'https://evil.example' } })
      expect(other.headers['access-control-allow-origin']).toBeUndefined()
    } finally {
      await app?.close()
      dir.remove()
    }
  })
})

describe('the app without an H5 build', () => {
  it('answers / with a 404 JSON and still serves the API', async () => {
    const dir = tempDir()
    const app = await buildApp({ dataDir: dir.path, staticDir: join(dir.path, 'no-such-build') })
    try {
      expect((await app.inject({ url: '/' })).statusCode).toBe(404)
      expect((await signInDevice(app)).token).toBeDefined()
    } finally {
      await app.close()
      dir.remove()
    }
  })
})
