import { resolve } from 'node:path'
import type { AppOptions } from './app'
import { shippedBanks } from './services/quiz'

/** Where to listen plus everything buildApp needs, read from the environment. */
export interface ServerConfig {
  host: string
  port: number
  app: AppOptions
}

/** Reads PORT, HOST, DATA_DIR, CAMPAIGNS_DIR, WECHAT_*, CORS_ORIGINS, TRUST_PROXY, LOG_LEVEL (see server/README.md). */
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
      contentDir: resolve(cwd, 'content/issues'),
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

function parseTrustProxy(value: string | undefined): boolean | string {
  if (value === undefined || value === '' || value === 'false') return false
  if (value === 'true') return true
  // A list of proxy addresses or CIDRs, e.g. "127.0.0.1,10.0.0.0/8".
  return value
}
