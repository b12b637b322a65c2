import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { API, responseSchemas } from '../../../../../src/domain/api/routes'
import { sessionOf } from '../../../../plugins/auth'
import { limitConfig, type RateLimits } from '../../../../plugins/limits'

/** POST /api/auth/pairing (signed in: make a code) and POST /api/auth/pairing/claim (public: use it). */
const pairing: FastifyPluginAsyncTypebox<{ rateLimits: RateLimits }> = async (app, opts) => {
  const { auth, members } = app.services

  app.post(
    '/',
    { config: limitConfig(opts.rateLimits.pairing), schema: { response: responseSchemas(API.createPairing) } },
    async (req) => auth.createPairing(sessionOf(req).memberId)
  )

  app.post(
    '/claim',
    {
      config: { public: true, ...limitConfig(opts.rateLimits.claim) },
      schema: { body: API.claimPairing.body, response: responseSchemas(API.claimPairing) }
    },
    async (req) => {
      const signIn = await auth.claimPairing(req.body.code, req.body.deviceName)
      return { token: signIn.token, member: await members.view(signIn.memberId, signIn.sessionId) }
    }
  )
}

export default pairing
