// @vitest-environment node
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { charsetOf } from './client-errors'
import { startServer, type RunningServer } from './server'
import { signInDevice, tempDir, testEnv } from './test-support'

let server: RunningServer
const dir = tempDir()
beforeAll(async () => {
  server = await startServer({ dataDir: dir.path, pruneIntervalMs: 0 }, { host: '127.0.0.1', port: 0 })
})
afterAll(async () => {
  await server.close()
  dir.remove()
})

/** Sends raw bytes and resolves with everything the server answered before closing. */
function raw(request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1')
    let received = ''
    socket.on('connect', () => socket.write(request))
    socket.on('data', (d) => void (received += d.toString()))
    socket.on('error', () => {})
    socket.on('close', () => resolve(received))
  })
}

const bodyOf = (response: string) => JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4)) as unknown

describe("the HTTP parser's refusals use the {error, message} shape", () => {
  it('431 for headers too large', async () => {
    const res = await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`)
    expect(res).toMatch(/^HTTP\/1\.1 431/)
    expect(bodyOf(res)).toEqual({ error: 'headers_too_large', message: expect.any(String) })
  })

  it('400 for conflicting Content-Length and Transfer-Encoding', async () => {
    const res = await raw(
      'POST /api/auth/device HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'
    )
    expect(res).toMatch(/^HTTP\/1\.1 400/)
    expect(bodyOf(res)).toEqual({ error: 'bad_request', message: expect.any(String) })
  })
})

describe('charset and a full disk', () => {
  it('reads the charset parameter', () => {
    expect(charsetOf('application/json')).toBeNull()
    expect(charsetOf('application/json; charset=UTF-8')).toBe('utf-8')
    expect(charsetOf('application/json;charset="latin1"')).toBe('latin1')
  })

  it('refuses a JSON body in a charset other than UTF-8 with 415, and answers SQLITE_FULL with 503 in Chinese', async () => {
    const env = await testEnv({ pruneIntervalMs: 0 })
    try {
      for (const [charset, status] of [
        ['utf-8', 200],
        ['UTF8', 200],
        ['iso-8859-1', 415],
        ['gbk', 415]
      ] as const) {
        const res = await env.app.inject({
          method: 'POST',
          url: '/api/auth/device',
          headers: { 'content-type': `application/json; charset=${charset}` },
          payload: '{}'
        })
        expect(res.statusCode, charset).toBe(status)
        if (status === 415) expect(res.json()).toEqual({ error: 'unsupported_media_type', message: expect.any(String) })
      }
      const accounts = env.app.services.store.accounts
      accounts.createMemberWithSession = async () => {
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
      }
      const full = await env.app.inject({ method: 'POST', url: '/api/auth/device' })
      expect(full.statusCode).toBe(503)
      expect(full.headers['retry-after']).toBe('60')
      expect(full.json()).toEqual({ error: 'storage_full', message: '服务器存储空间已满，请稍后再试' })
      await expect(signInDevice(env.app)).rejects.toThrow(/503/)
    } finally {
      await env.close()
    }
  })
})
