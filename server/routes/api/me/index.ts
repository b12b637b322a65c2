import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sessionOf } from '../../../plugins/auth'
import { errors } from '../../../schemas/common'
import { MeReply, PatchMeBody } from '../../../schemas/me'

/** GET /api/me and PATCH /api/me: only ever the caller's own member, taken from the token, never from the URL. */
const me: FastifyPluginAsyncTypebox = async (app) => {
  const { members } = app.services

  app.get('/', { schema: { response: { 200: MeReply, ...errors(401) } } }, async (req) => {
    const session = sessionOf(req)
    return { member: await members.view(session.memberId, session.id) }
  })

  app.patch('/', { schema: { body: PatchMeBody, response: { 200: MeReply, ...errors(400, 401) } } }, async (req) => {
    const session = sessionOf(req)
    await members.rename(session.memberId, req.body.displayName)
    return { member: await members.view(session.memberId, session.id) }
  })
}

export default me
