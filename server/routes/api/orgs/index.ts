import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sessionOf } from '../../../plugins/auth'
import { errors } from '../../../schemas/common'
import { JoinOrgBody, MeReply } from '../../../schemas/me'

/** POST /api/orgs/join: the caller joins the party organization with that join code. */
const orgs: FastifyPluginAsyncTypebox = async (app) => {
  const { members } = app.services

  app.post('/join', { schema: { body: JoinOrgBody, response: { 200: MeReply, ...errors(400, 401, 404) } } }, async (req) => {
    const session = sessionOf(req)
    await members.joinOrg(session.memberId, req.body.joinCode)
    return { member: await members.view(session.memberId, session.id) }
  })
}

export default orgs
