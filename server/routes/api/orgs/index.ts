import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { API, responseSchemas } from '../../../../src/domain/api/routes'
import { sessionOf } from '../../../plugins/auth'

/** POST /api/orgs/join and /api/orgs/leave: the caller joins the party organization with that code, or leaves it. */
const orgs: FastifyPluginAsyncTypebox = async (app) => {
  const { members } = app.services

  app.post('/join', { schema: { body: API.joinOrg.body, response: responseSchemas(API.joinOrg) } }, async (req) => {
    const session = sessionOf(req)
    await members.joinOrg(session.memberId, req.body.joinCode)
    return { member: await members.view(session.memberId, session.id) }
  })

  app.post('/leave', { schema: { response: responseSchemas(API.leaveOrg) } }, async (req) => {
    const session = sessionOf(req)
    await members.leaveOrg(session.memberId)
    return { member: await members.view(session.memberId, session.id) }
  })
}

export default orgs
