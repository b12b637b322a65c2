import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyReply, type FastifyServerOptions, type RouteOptions } from 'fastify'
import type { Store } from './db/repos'
import { answerClientError, charsetOf } from './client-errors'
import { HttpError } from './errors'
import { openSqliteStore } from './db/sqlite/open'
import { errorsPlugin } from './plugins/errors'
import { DEFAULT_RATE_LIMITS, limitsPlugin, type RateLimits } from './plugins/limits'
import { securityPlugin } from './plugins/security'
import { servicesPlugin } from './plugins/services'
import { sendIndexHtml, staticPlugin } from './plugins/static'
import { audioPlugin } from './plugins/audio'
import api from './routes/api'
import type { BankSpec } from './services/quiz'
import { type CodeExchange, type WechatConfig, wechatCodeExchange } from './services/wechat'
import type { App } from './types'

/** How long the server waits for slow or idle clients (milliseconds). */
export interface Timeouts {
  /** The whole request, headers and body, must arrive within this (a byte-a-second body is cut). */
  requestTimeout: number
  /** The headers must arrive within this. */
  headersTimeout: number
  /** A socket with no traffic at all is closed after this. */
  connectionTimeout: number
  /** An idle keep-alive connection is closed after this (longer than a proxy's 60 s upstream idle time). */
  keepAliveTimeout: number
  /** Requests served on one keep-alive connection before it is closed. */
  maxRequestsPerSocket: number
  /** How often Node checks the request and headers timeouts: the cut comes up to this much late. */
  checkInterval: number
}

export const DEFAULT_TIMEOUTS: Timeouts = {
  requestTimeout: 30_000,
  headersTimeout: 15_000,
  connectionTimeout: 60_000,
  keepAliveTimeout: 72_000,
  maxRequestsPerSocket: 1000,
  checkInterval: 2_000
}

export interface AppOptions {
  /** Folder of the SQLite file (app.db); ignored when `store` is given. Default: data. */
  dataDir?: string
  /** A ready store (e.g. a future PostgreSQL one); the caller closes it. */
  store?: Store
  /** Clock in epoch milliseconds; tests inject one to step past expiries. Default Date.now. */
  now?: () => number
  /** Fastify/pino logger options; false (silent) by default. */
  logger?: FastifyServerOptions['logger']
  /** jscode2session endpoint and credentials; null/absent disables WeChat sign-in (404). */
  wechat?: WechatConfig | null
  /** Replaces the WeChat call entirely (takes precedence over `wechat`). */
  codeExchange?: CodeExchange
  /** Publish every *.txt in this folder at start. Default: none. */
  contentDir?: string | null
  /** Question banks to load at start (see shippedBanks). Default: none. */
  quizBanks?: readonly BankSpec[]
  /** Load every campaign definition (*.json) in this folder at start (a bad file is logged and left out). Default: none. */
  campaignsDir?: string | null
  /** Attached audio files (<sha256>.<ext>) to serve at /media/audio/. Default: none. */
  audioDir?: string | null
  /** The H5 build to serve at / (needs index.html). Default: none. */
  staticDir?: string | null
  /** Browser origins allowed cross-origin; default [] = same-origin only. */
  corsOrigins?: string[]
  /** Largest accepted request body in bytes. Default 64 KiB. */
  bodyLimit?: number
  /**
   * Trust X-Forwarded-* from these proxies (addresses/CIDRs) or this many hops, so rate limits see the real client
   * IP behind a reverse proxy. Default false. (`true` is refused by configFromEnv: it lets clients forge their IP.)
   */
  trustProxy?: false | number | string | string[]
  /** Per-IP budgets for sign-in and pairing; merged over DEFAULT_RATE_LIMITS. */
  rateLimits?: Partial<RateLimits>
  /** Who may preview issue files from the app (POST /api/publish/preview); default: an admin of their own organization. */
  isAdmin?: (memberId: string) => boolean | Promise<boolean>
  /** How often expired sessions and abandoned device accounts are pruned (first at start); 0 = never. Default 1 hour. */
  pruneIntervalMs?: number
  /** Slow-client limits; merged over DEFAULT_TIMEOUTS. */
  timeouts?: Partial<Timeouts>
  /** Sees every route as it is registered, with its schemas (the contract tests compare them with src/domain/api). */
  onRoute?: (route: RouteOptions) => void
}

/**
 * Fastify's own hop-count setting trusts nothing (it cannot tell a proxy from a direct client), so a count becomes
 * "trust the nearest n hops": right only when the server is reachable through the proxy alone (HOST=127.0.0.1).
 */
function trustProxySetting(
  value: AppOptions['trustProxy']
): boolean | string | string[] | ((a: string, i: number) => boolean) {
  if (typeof value === 'number') return (_address, hop) => hop < value
  return value ?? false
}

/** Builds the whole server (plugins in a fixed order, then routes); call .listen() or .inject() on it. */
export async function buildApp(options: AppOptions = {}): Promise<App> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts }
  const app = Fastify({
    logger: options.logger ?? false,
    // Slow clients (a body trickled in byte by byte, a connection left open) cannot hold sockets for long.
    requestTimeout: timeouts.requestTimeout,
    connectionTimeout: timeouts.connectionTimeout,
    keepAliveTimeout: timeouts.keepAliveTimeout,
    maxRequestsPerSocket: timeouts.maxRequestsPerSocket,
    // What the HTTP parser refuses (431, conflicting Content-Length and Transfer-Encoding) in the {error, message} shape.
    clientErrorHandler: answerClientError,
    http: { headersTimeout: timeouts.headersTimeout, connectionsCheckingInterval: timeouts.checkInterval },
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    trustProxy: trustProxySetting(options.trustProxy),
    // Long enough that an over-long issue id meets its schema (a clear 400); longer still is a 404 from the router.
    routerOptions: { maxParamLength: 200 },
    // Undecodable URLs (bad percent-encoding) get the same {error, message} shape as everything else.
    frameworkErrors: (err, _req, reply) => {
      // (Typed against the route generics of no route in particular, hence the widening.)
      void (reply as unknown as FastifyReply).code(400).send({ error: 'bad_request', message: err.message })
    },
    ajv: {
      // Exact types and no silently dropped fields: "deviceName": 5 or {"extra": 1} is a 400, not a guess.
      customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false }
    }
  }).withTypeProvider<TypeBoxTypeProvider>()

  // @fastify/static needs an absolute root; a relative one silently serves nothing.
  const staticDir =
    options.staticDir && existsSync(join(options.staticDir, 'index.html')) ? resolve(options.staticDir) : null
  const ownsStore = options.store === undefined
  const store = options.store ?? openSqliteStore(options.dataDir ?? 'data')
  const codeExchange = options.codeExchange ?? (options.wechat ? wechatCodeExchange(options.wechat) : null)

  try {
    // Fastify's JSON parser (with its __proto__/constructor poisoning checks), plus two rules of ours.
    const defaultJson = app.getDefaultJsonParser('error', 'error')
    app.removeContentTypeParser('application/json')
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
      const encoding = req.headers['content-encoding']
      // Compressed request bodies are refused, not inflated: a small zip bomb must not get past bodyLimit.
      if (encoding !== undefined && encoding !== 'identity') {
        return done(
          new HttpError(415, 'unsupported_media_type', `Content-Encoding ${encoding.slice(0, 40)} is not accepted`),
          undefined
        )
      }
      // JSON is UTF-8 (RFC 8259): a body declared in another charset would be misread, so it is refused.
      const charset = charsetOf(req.headers['content-type'])
      if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') {
        return done(
          new HttpError(415, 'unsupported_media_type', `charset ${charset.slice(0, 40)} is not accepted; send UTF-8`),
          undefined
        )
      }
      // Content-Type set but nothing sent is "no body" (routes with a body schema still refuse it), not bad JSON.
      if (body === '') return done(null, undefined)
      return defaultJson(req, body as string, done)
    })

    if (options.onRoute) app.addHook('onRoute', options.onRoute)
    // Order matters: error handling first so every later failure is shaped; limits and compression hook
    // onRoute, so they precede the routes; static is last so its wildcard never shadows /api. Each plugin
    // names what it needs (fastify-plugin `dependencies`), so registering one too early fails at start-up.
    await app.register(errorsPlugin, { fallback: staticDir === null ? undefined : sendIndexHtml })
    await app.register(securityPlugin, { corsOrigins: options.corsOrigins ?? [], staticDir })
    await app.register(limitsPlugin)
    await app.register(servicesPlugin, {
      store,
      ownsStore,
      now: options.now ?? Date.now,
      codeExchange,
      contentDir: options.contentDir ?? null,
      quizBanks: options.quizBanks ?? [],
      campaignsDir: options.campaignsDir ?? null,
      pruneIntervalMs: options.pruneIntervalMs ?? 60 * 60 * 1000
    })
    await app.register(api, {
      prefix: '/api',
      rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
      isAdmin: options.isAdmin
    })
    if (options.audioDir) await app.register(audioPlugin, { root: resolve(options.audioDir) })
    if (staticDir !== null) await app.register(staticPlugin, { root: staticDir })
    await app.ready()
  } catch (err) {
    if (ownsStore) await store.close()
    throw err
  }
  return app
}
