// A stand-in for WeChat's jscode2session on loopback, for `npm start` without credentials and for tests.
// It follows the real contract: codes are single use and expire after 5 minutes; errors come back as HTTP 200
// with {errcode, errmsg}.
import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface MockWechatOptions {
  /** Default 0 (a free port). The mock always binds to 127.0.0.1. */
  port?: number
  /** Clock in epoch milliseconds, so tests can step past the 5-minute validity. */
  now?: () => number
  /** When set, calls with another appid/secret get 40013/40125 like the real service. */
  appid?: string
  secret?: string
  /** Calls per minute allowed for one code prefix (the part before "~") before 45011. Default 60. */
  rateLimitPerMinute?: number
  /** Include a unionid (as if the app were bound to an open-platform account). Default false. */
  unionid?: boolean
}

export interface MockWechat {
  /** Base URL to use as WECHAT_API_BASE, e.g. http://127.0.0.1:41234 */
  url: string
  /** Issues a fresh code for a user, like wx.login on a phone: valid 5 minutes from now, single use. */
  issueCode(user?: string): string
  /** The openid the mock hands out for a user name. */
  openidFor(user: string): string
  /** How many jscode2session calls it has answered. */
  calls(): number
  close(): Promise<void>
}

/** Validity of a wx.login code. */
export const CODE_TTL_MS = 5 * 60 * 1000

/**
 * Codes: `mock-<user>` or `mock-<user>~<nonce>` map to a stable openid derived from <user>; each code works
 * once (issued ones only within 5 minutes). `rate-limit` always gets 45011, `busy` gets -1, `hang` never
 * answers (to test timeouts); anything else is 40029.
 */
export async function startMockWechat(options: MockWechatOptions = {}): Promise<MockWechat> {
  const now = options.now ?? Date.now
  const limit = options.rateLimitPerMinute ?? 60
  const issued = new Map<string, number>()
  const used = new Set<string>()
  const recent = new Map<string, number[]>()
  let calls = 0
  let nonce = 0

  const openidFor = (user: string): string =>
    // Real openids are 28 characters starting with "o".
    'o' + createHash('sha256').update(`mock-openid:${user}`).digest('base64url').slice(0, 27)

  function exchange(q: URLSearchParams): Record<string, unknown> | null {
    const code = q.get('js_code') ?? ''
    if (options.appid !== undefined && q.get('appid') !== options.appid) return err(40013, 'invalid appid')
    if (options.secret !== undefined && q.get('secret') !== options.secret) return err(40125, 'invalid appsecret')
    if (q.get('grant_type') !== 'authorization_code') return err(40002, 'invalid grant_type')
    if (code === '') return err(41008, 'missing code')
    if (code === 'hang') return null
    if (code === 'busy') return err(-1, 'system error')
    const prefix = code.split('~')[0]
    const t = now()
    const window = (recent.get(prefix) ?? []).filter((at) => at > t - 60_000)
    window.push(t)
    recent.set(prefix, window)
    if (code === 'rate-limit' || window.length > limit) {
      return err(45011, 'api minute-quota reach limit  mustslower  retry next minute')
    }
    const match = /^mock-([^~]+)(~.*)?$/.exec(code)
    const issuedAt = issued.get(code)
    if (match === null || used.has(code) || (issuedAt !== undefined && t - issuedAt > CODE_TTL_MS)) {
      return err(40029, 'invalid code')
    }
    used.add(code)
    issued.delete(code)
    return {
      openid: openidFor(match[1]),
      session_key: randomBytes(16).toString('base64'),
      ...(options.unionid ? { unionid: 'u' + openidFor(match[1]).slice(1) } : {})
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://mock')
    if (url.pathname === '/sns/jscode2session') {
      calls++
      const body = exchange(url.searchParams)
      if (body === null) return // 'hang': keep the socket open until close()
      // WeChat really does send JSON labelled text/plain.
      res.writeHead(200, { 'content-type': 'text/plain' }).end(JSON.stringify(body))
      return
    }
    if (url.pathname === '/mock/login') {
      const user = url.searchParams.get('user') ?? 'dev'
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ code: issueCode(user) }))
      return
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify(err(404, 'not found')))
  })

  function issueCode(user = 'dev'): string {
    const code = `mock-${user}~${(++nonce).toString(36)}${randomBytes(4).toString('hex')}`
    issued.set(code, now())
    return code
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    issueCode,
    openidFor,
    calls: () => calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

function err(errcode: number, errmsg: string): Record<string, unknown> {
  return { errcode, errmsg }
}
