import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { limitConfig, type RateLimits } from '../../../plugins/limits'
import { sessionOf } from '../../../plugins/auth'
import { DeviceBody, SignInReply, WechatBody } from '../../../schemas/auth'
import { errors, Ok } from '../../../schemas/common'

/** POST /api/auth/wechat, /api/auth/device (sign-in, public, rate-limited) and /api/auth/logout. */
const auth: FastifyPluginAsyncTypebox<{ rateLimits: RateLimits }> = async (app, opts) => {
  const { auth: service, members } = app.services
  const signInConfig = { public: true, ...limitConfig(opts.rateLimits.signIn) }

  app.post(
    '/wechat',
    { config: signInConfig, schema: { body: WechatBody, response: { 200: SignInReply, ...errors(400, 401, 403, 429, 502) } } },
    async (req) => {
      const signIn = await service.signInWechat(req.body.code)
      return { token: signIn.token, member: await members.view(signIn.memberId, signIn.sessionId) }
    },
  )

  app.post(
    '/device',
    {
      config: signInConfig,
      schema: { body: DeviceBody, response: { 200: SignInReply, ...errors(400, 429) } },
      // The device name is optional, so a bodyless POST is a normal request here.
      preValidation: async (req) => {
        if (req.body === undefined) req.body = {}
      },
    },
    async (req) => {
      const signIn = await service.signInDevice(req.body.deviceName)
      return { token: signIn.token, member: await members.view(signIn.memberId, signIn.sessionId) }
    },
  )

  app.post('/logout', { schema: { response: { 200: Ok, ...errors(401) } } }, async (req) => {
    await service.logout(sessionOf(req).id)
    return { ok: true as const }
  })
}

export default auth
