import { isIP } from 'node:net'
import { resolve } from 'node:path'
import type { AppOptions } from './app'
import { shippedBanks } from './services/quiz'

/** Where to listen plus everything buildApp needs, read from the environment. */
export interface ServerConfig {
  host: string
  port: number
  app: AppOptions
}

/** Reads PORT, HOST, DATA_DIR, ISSUES_DIR, CAMPAIGNS_DIR, AUDIO_DIR, WECHAT_*, CORS_ORIGINS, TRUST_PROXY, LOG_LEVEL (see server/README.md). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const port = Number(env.PORT ?? 8080)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`)
  const wechat =
    env.WECHAT_APPID && env.WECHAT_SECRET
      ? {
          apiBase: env.WECHAT_API_BASE || 'https://api.weixin.qq.com',
          appid: env.WECHAT_APPID,
          secret: env.WECHAT_SECRET,
          timeoutMs: env.WECHAT_TIMEOUT_MS ? Number(env.WECHAT_TIMEOUT_MS) : undefined
        }
      : null
  return {
    host: env.HOST || '127.0.0.1',
    port,
    app: {
      dataDir: resolve(cwd, env.DATA_DIR || 'data'),
      contentDir: resolve(cwd, env.ISSUES_DIR || 'content/issues'),
      audioDir: resolve(cwd, env.AUDIO_DIR || 'content/audio'),
      quizBanks: shippedBanks(cwd),
      campaignsDir: resolve(cwd, env.CAMPAIGNS_DIR || 'content/campaigns'),
      staticDir: resolve(cwd, env.H5_DIR || 'dist/h5'),
      wechat,
      corsOrigins: (env.CORS_ORIGINS ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      trustProxy: parseTrustProxy(env.TRUST_PROXY),
      logger: { level: env.LOG_LEVEL || 'info' }
    }
  }
}

/**
 * TRUST_PROXY: unset/false, a hop count (1 = the one reverse proxy in front), or proxy addresses/CIDRs
 * ("127.0.0.1,10.0.0.0/8"). `true` (trust every X-Forwarded-For) is refused: any client could then name its own
 * IP, and every per-IP limit would be worthless.
 */
export function parseTrustProxy(value: string | undefined): false | number | string[] {
  const v = value?.trim() ?? ''
  if (v === '' || v === 'false') return false
  if (v === 'true' || v === '*') {
    throw new Error(
      'TRUST_PROXY=true would trust any X-Forwarded-For a client sends, so rate limits could be dodged; ' +
        'set the proxy address(es) or CIDR(s), e.g. TRUST_PROXY=127.0.0.1, or the hop count, e.g. TRUST_PROXY=1'
    )
  }
  if (/^\d+$/.test(v)) {
    const hops = Number(v)
    if (hops < 1 || hops > 10) throw new Error(`TRUST_PROXY as a hop count must be 1–10, got "${v}"`)
    return hops
  }
  const entries = v.split(',').map((s) => s.trim())
  for (const entry of entries) {
    if (!isAddressOrCidr(entry)) {
      throw new Error(`TRUST_PROXY must list proxy addresses or CIDRs (or be a hop count); "${entry}" is neither`)
    }
  }
  return entries
}

function isAddressOrCidr(entry: string): boolean {
  const [address, bits, ...more] = entry.split('/')
  const family = isIP(address)
  if (family === 0 || more.length > 0) return false
  if (bits === undefined) return true
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)
}

/** Whether HOST only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase()
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
}

/**
 * Why the mock WeChat stand-in (anyone signs in as anyone) must not start, or null when it may: only on a loopback
 * HOST, unless ALLOW_MOCK_WECHAT=1 says the exposure is meant (a demo on a private network).
 */
export function mockWechatRefusal(env: NodeJS.ProcessEnv, host: string): string | null {
  if (isLoopbackHost(host) || env.ALLOW_MOCK_WECHAT === '1') return null
  return (
    `WECHAT_APPID is not set and HOST=${host} accepts connections from other machines: the mock WeChat service ` +
    'would let anyone sign in as anyone. Set WECHAT_APPID and WECHAT_SECRET, use HOST=127.0.0.1, or set ' +
    'ALLOW_MOCK_WECHAT=1 if that is really meant.'
  )
}
