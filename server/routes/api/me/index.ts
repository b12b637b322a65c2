import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { API, responseSchemas } from '../../../../src/domain/api/routes'
import { sessionOf } from '../../../plugins/auth'
import { Type } from '../../../../src/domain/api/type'

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

/** DELETE /api/me/devices/:id and POST /api/me/devices/sign-out-others: the member ends sessions of their own. */
export const devices: FastifyPluginAsyncTypebox = async (app) => {
  const { auth, members } = app.services

  app.delete(
    '/:id',
    {
      schema: {
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: responseSchemas(API.signOutDevice)
      }
    },
    async (req) => {
      const session = sessionOf(req)
      await auth.signOutDevice(session.memberId, req.params.id)
      return { member: await members.view(session.memberId, session.id) }
    }
  )

  app.post('/sign-out-others', { schema: { response: responseSchemas(API.signOutOtherDevices) } }, async (req) => {
    const session = sessionOf(req)
    const signedOut = await auth.signOutOthers(session.memberId, session.id)
    return { signedOut, member: await members.view(session.memberId, session.id) }
  })
}

export default me
