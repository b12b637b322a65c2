import type { FastifyRequest, FastifyPluginAsync } from 'fastify'
import { HttpError } from '../errors'
import type { SessionRow } from '../db/repos'
import fp from 'fastify-plugin'

/**
 * Default-deny bearer authentication for the scope it is registered in (/api): every route needs a live
 * token unless its config says `public: true`. Runs on onRequest, before the body is even read.
 */
const requireToken: FastifyPluginAsync = async (app) => {
  app.decorateRequest('auth', null)
  app.addHook('onRequest', async (req) => {
    if (req.routeOptions.config.public === true) return
    const match = /^Bearer ([^\s]+)$/i.exec(req.headers.authorization ?? '')
    const session = match === null ? null : await app.services.auth.authenticate(match[1])
    if (session === null) {
      throw new HttpError(401, 'unauthorized', 'Sign in first: send Authorization: Bearer <token> with a live token')
    }
    req.auth = session
  })
}

export const authPlugin = fp(requireToken, { name: 'auth', dependencies: ['errors', 'services'] })

/** The caller's session on an authenticated route (the hook guarantees it). */
export function sessionOf(req: FastifyRequest): SessionRow {
  if (req.auth === null) throw new HttpError(401, 'unauthorized', 'Sign in first')
  return req.auth
}
