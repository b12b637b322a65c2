import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { API, responseSchemas } from '../../../../src/domain/api/routes'
import { sessionOf } from '../../../plugins/auth'

/**
 * GET /api/me, PATCH /api/me and GET /api/me/data: only ever the caller's own member, taken from the token, never
 * from the URL.
 */
const me: FastifyPluginAsyncTypebox = async (app) => {
  const { members, myData } = app.services

  app.get('/', { schema: { response: responseSchemas(API.me) } }, async (req) => {
    const session = sessionOf(req)
    return { member: await members.view(session.memberId, session.id) }
  })

  app.patch('/', { schema: { body: API.rename.body, response: responseSchemas(API.rename) } }, async (req) => {
    const session = sessionOf(req)
    await members.rename(session.memberId, req.body.displayName)
    return { member: await members.view(session.memberId, session.id) }
  })

  app.get('/data', { schema: { response: responseSchemas(API.myData) } }, async (req) => {
    const session = sessionOf(req)
    return myData.export(session.memberId, session.id)
  })
}

export default me
