import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { API, responseSchemas } from '../../../../src/domain/api/routes'
import { limitConfig, type RateLimits } from '../../../plugins/limits'
import { sessionOf } from '../../../plugins/auth'

/** POST /api/auth/wechat, /api/auth/device (sign-in, public, rate-limited) and /api/auth/logout. */
const auth: FastifyPluginAsyncTypebox<{ rateLimits: RateLimits }> = async (app, opts) => {
  const { auth: service, members } = app.services
  const signInConfig = { public: true, ...limitConfig(opts.rateLimits.signIn) }

  app.post(
    '/wechat',
    { config: signInConfig, schema: { body: API.signInWechat.body, response: responseSchemas(API.signInWechat) } },
    async (req) => {
      const signIn = await service.signInWechat(req.body.code)
      return { token: signIn.token, member: await members.view(signIn.memberId, signIn.sessionId) }
    }
  )

  app.post(
    '/device',
    {
      config: signInConfig,
      schema: { body: API.signInDevice.body, response: responseSchemas(API.signInDevice) },
      // The device name is optional, so a bodyless POST is a normal request here.
      preValidation: async (req) => {
        if (req.body === undefined) req.body = {}
      }
    },
    async (req) => {
      const signIn = await service.signInDevice(req.body.deviceName)
      return { token: signIn.token, member: await members.view(signIn.memberId, signIn.sessionId) }
    }
  )

  app.post('/logout', { schema: { response: responseSchemas(API.logout) } }, async (req) => {
    await service.logout(sessionOf(req).id)
    return { ok: true as const }
  })
}

export default auth
