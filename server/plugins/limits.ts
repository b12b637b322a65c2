import { constants } from 'node:zlib'
import compress from '@fastify/compress'
import rateLimit from '@fastify/rate-limit'
import { HttpError } from '../errors'
import type { FastifyPluginAsync } from 'fastify'
import fp from 'fastify-plugin'

/** A per-IP budget: at most `max` requests per `windowMs`. */
export interface Limit {
  max: number
  windowMs: number
}

/** The budgets for the routes an attacker would hammer. */
export interface RateLimits {
  /** POST /api/auth/wechat and /api/auth/device (each route counted apart). */
  signIn: Limit
  /** POST /api/auth/pairing (making codes). */
  pairing: Limit
  /** POST /api/auth/pairing/claim (guessing codes). */
  claim: Limit
  /** POST /api/orgs/join (any answer; wrong codes also count towards a lockout, see JoinGuard). */
  joinOrg: Limit
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  // Generous enough for a branch signing in together from one office NAT.
  signIn: { max: 30, windowMs: 60_000 },
  pairing: { max: 10, windowMs: 60_000 },
  claim: { max: 10, windowMs: 60_000 },
  joinOrg: { max: 10, windowMs: 60_000 }
}

/** The route config that applies one of the budgets. */
export function limitConfig(limit: Limit): { rateLimit: { max: number; timeWindow: number } } {
  return { rateLimit: { max: limit.max, timeWindow: limit.windowMs } }
}

/** Rate limiting (opt-in per route) and response compression. Must come before the routes (both hook onRoute). */
const limitAndCompress: FastifyPluginAsync = async (app) => {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new HttpError(429, 'rate_limited', `操作太频繁，请 ${Math.ceil(ctx.ttl / 1000)} 秒后再试`, {
        'retry-after': String(Math.ceil(ctx.ttl / 1000))
      })
  })
  await app.register(compress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    // Request bodies are tiny JSON; inflating them would only open the door to zip bombs past bodyLimit.
    globalDecompression: false,
    // Quality 11 (the default) costs ~50 ms per issue; 5 is within a few percent of its size at a fraction of the CPU.
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }
  })
}

export const limitsPlugin = fp(limitAndCompress, { name: 'limits', dependencies: ['errors'] })
