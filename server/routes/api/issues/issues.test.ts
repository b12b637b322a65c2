// @vitest-environment node
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readIssueDirectory } from '../../../services/issue-files'
import { SAMPLE_ID, testEnv, type TestEnv } from '../../../test-support'

let env: TestEnv
beforeAll(async () => {
  env = await testEnv()
})
afterAll(async () => env.close())

describe('GET /api/issues', () => {
  it('lists the published issues as IssueSummary[] without a token', async () => {
    const res = await env.app.inject({ url: '/api/issues' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    const index = res.json()
    expect(index).toHaveLength(1)
    expect(index[0]).toMatchObject({
      id: SAMPLE_ID,
      title: '重庆党史工作',
      number: 2,
      totalNumber: 197,
      publishedOn: '2020-06-09',
      supplement: false,
      articleCount: expect.any(Number),
      size: expect.any(Number),
      hash: expect.stringMatching(/^[0-9a-f]+$/)
    })
    expect(index[0].sectionTitles.length).toBeGreaterThan(0)
  })

  it('agrees with the publishing path (npm run import / publish): same summaries, same hashes, same bytes', async () => {
    const published = readIssueDirectory(env.contentDir).map(({ result }) => (result.ok ? result.published : null))
    expect((await env.app.inject({ url: '/api/issues' })).json()).toEqual(published.map((p) => p?.summary))
    const body = (await env.app.inject({ url: `/api/issues/${SAMPLE_ID}` })).body
    expect(body).toBe(published[0]?.json)
  })

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await env.app.inject({ url: '/api/issues' })
    const etag = first.headers.etag as string
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/)
    expect(first.headers['cache-control']).toBe('no-cache')
    const again = await env.app.inject({ url: '/api/issues', headers: { 'if-none-match': etag } })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    expect(
      (await env.app.inject({ url: '/api/issues', headers: { 'if-none-match': `"x", W/${etag}` } })).statusCode
    ).toBe(304)
    expect((await env.app.inject({ url: '/api/issues', headers: { 'if-none-match': '"stale"' } })).statusCode).toBe(200)
  })
})

describe('GET /api/issues/:id', () => {
  it('returns the whole issue with the index hash as ETag, and its size', async () => {
    const [summary] = (await env.app.inject({ url: '/api/issues' })).json()
    const res = await env.app.inject({ url: `/api/issues/${SAMPLE_ID}` })
    expect(res.statusCode).toBe(200)
    expect(res.headers.etag).toBe(`"${summary.hash}"`)
    expect(Buffer.byteLength(res.body)).toBe(summary.size)
    const issue = res.json()
    expect(issue).toMatchObject({ id: SAMPLE_ID, title: '重庆党史工作', publishedOn: '2020-06-09' })
    expect(issue.sections.length).toBe(summary.sectionTitles.length)
    const notModified = await env.app.inject({
      url: `/api/issues/${SAMPLE_ID}`,
      headers: { 'if-none-match': res.headers.etag as string }
    })
    expect(notModified.statusCode).toBe(304)
  })

  it('compresses with brotli or gzip when asked', async () => {
    const plain = await env.app.inject({ url: `/api/issues/${SAMPLE_ID}` })
    const br = await env.app.inject({ url: `/api/issues/${SAMPLE_ID}`, headers: { 'accept-encoding': 'br, gzip' } })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body)
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2)
    const gz = await env.app.inject({ url: `/api/issues/${SAMPLE_ID}`, headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body)
    const index = await env.app.inject({ url: '/api/issues', headers: { 'accept-encoding': 'gzip' } })
    expect(index.statusCode).toBe(200)
  })

  it('is 404 for an unknown id and 400 for ids that cannot be issue ids', async () => {
    const missing = await env.app.inject({ url: '/api/issues/no-such-issue' })
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toEqual({ error: 'not_found', message: expect.any(String) })
    for (const id of ['..%2F..%2Fetc%2Fpasswd', '%2e%2e%2f', '.hidden', 'a%00b', '%E5%85%9A', 'a b', 'x'.repeat(101)]) {
      const res = await env.app.inject({ url: `/api/issues/${id}` })
      expect(res.statusCode, id).toBe(400)
      expect(res.json().error).toBe('bad_request')
    }
    // Paths the router normalizes or refuses still never reach a file outside the store.
    for (const url of [
      '/api/issues/../../etc/passwd',
      '/api/issues/%2e%2e',
      '/api/issues/%2e%2e/%2e%2e/data/app.db',
      `/api/issues/${'x'.repeat(300)}`
    ]) {
      const res = await env.app.inject({ url })
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400)
      expect(res.statusCode, url).toBeLessThan(500)
    }
  })
})

describe('compression done once per ETag', () => {
  it('gzip and br bodies decode to the very bytes sent uncompressed, under one ETag, with Vary', async () => {
    const url = `/api/issues/${SAMPLE_ID}`
    const plain = await env.app.inject({ url })
    const br = await env.app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } })
    const gz = await env.app.inject({ url, headers: { 'accept-encoding': 'gzip;q=1, br;q=0' } })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(br.headers['content-encoding']).toBe('br')
    expect(gz.headers['content-encoding']).toBe('gzip')
    for (const res of [plain, br, gz]) {
      expect(res.headers.etag).toBe(plain.headers.etag)
      expect(res.headers.vary).toMatch(/accept-encoding/i)
    }
    expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true)
    expect(gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true)
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3)
    const none = await env.app.inject({ url, headers: { 'accept-encoding': 'identity, *;q=0' } })
    expect(none.headers['content-encoding']).toBeUndefined()
    expect(none.rawPayload.equals(plain.rawPayload)).toBe(true)
    const notModified = await env.app.inject({
      url,
      headers: { 'accept-encoding': 'br', 'if-none-match': String(plain.headers.etag) }
    })
    expect(notModified.statusCode).toBe(304)
  })

  it('compresses a body once: later requests send the cached bytes', async () => {
    const { compressionCache } = await import('../../cached')
    const url = '/api/issues'
    const first = await env.app.inject({ url, headers: { 'accept-encoding': 'br' } })
    const size = compressionCache.size
    const again = await env.app.inject({ url, headers: { 'accept-encoding': 'br' } })
    expect(compressionCache.size).toBe(size)
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true)
  })

  it('reads Accept-Encoding with q-values and wildcards', async () => {
    const { pickEncoding } = await import('../../compressed')
    expect(pickEncoding(undefined)).toBeNull()
    expect(pickEncoding('gzip, deflate, br')).toBe('br')
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip')
    expect(pickEncoding('*')).toBe('br')
    expect(pickEncoding('*;q=0')).toBeNull()
    expect(pickEncoding('deflate')).toBeNull()
    expect(pickEncoding('GZIP;Q=0.5')).toBe('gzip')
    expect(pickEncoding('gzip;q=nonsense')).toBeNull()
  })
})
