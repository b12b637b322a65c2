import { join } from 'node:path'
import cors from '@fastify/cors'
import helmet from '@fastify/helmet'
import { contentSecurityPolicy } from './csp'
import type { FastifyPluginAsync } from 'fastify'
import fp from 'fastify-plugin'

export interface SecurityOptions extends Record<string, unknown> {
  /** Origins allowed to call the API from a browser; empty = same-origin only (no CORS headers at all). */
  corsOrigins: string[]
  /** The H5 build, whose inline scripts the CSP must allow; null when not served. */
  staticDir: string | null
}

/** Security headers (helmet, with a CSP the Taro H5 bundle runs under) and CORS. */
const secureHeaders: FastifyPluginAsync<SecurityOptions> = async (app, opts) => {
  const csp = contentSecurityPolicy(opts.staticDir === null ? null : join(opts.staticDir, 'index.html'))
  // helmet's own CSP rebuilds the header on every request when a directive is dynamic; ours is a cached string.
  await app.register(helmet, { contentSecurityPolicy: false })
  app.addHook('onRequest', async (_req, reply) => {
    reply.header('Content-Security-Policy', csp())
  })
  if (opts.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: opts.corsOrigins,
      methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'If-None-Match'],
      exposedHeaders: ['ETag', 'Retry-After'],
      // Bearer tokens, not cookies: credentials mode is never needed.
      credentials: false,
      maxAge: 600
    })
  }
}

export const securityPlugin = fp(secureHeaders, { name: 'security', dependencies: ['errors'] })
