import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { API, responseSchemas } from '../../../../src/domain/api/routes'
import { HttpError } from '../../../errors'
import { sessionOf } from '../../../plugins/auth'
import { limitConfig, type RateLimits } from '../../../plugins/limits'
import type { Services } from '../../../types'

/** POST /api/orgs/join: the caller joins the party organization with that join code. */
const orgs: FastifyPluginAsyncTypebox<{ rateLimits: RateLimits }> = async (app, opts) => {
  const { members } = app.services

  app.post(
    '/join',
    {
      config: limitConfig(opts.rateLimits.joinOrg),
      schema: { body: API.joinOrg.body, response: responseSchemas(API.joinOrg) }
    },
    async (req) => {
      const session = sessionOf(req)
      await guardedJoin(app.services, session.memberId, req.ip, req.body.joinCode)
      return { member: await members.view(session.memberId, session.id) }
    }
  )
}

/** Joins with the code unless the member or IP is locked out; a wrong code counts towards a lockout. */
async function guardedJoin(
  services: Pick<Services, 'members' | 'joinGuard'>,
  memberId: string,
  ip: string,
  joinCode: string
): Promise<void> {
  services.joinGuard.check(memberId, ip)
  try {
    await services.members.joinOrg(memberId, joinCode)
  } catch (err) {
    if (err instanceof HttpError && err.error === 'unknown_join_code') services.joinGuard.fail(memberId, ip)
    throw err
  }
  services.joinGuard.succeed(memberId)
}

export default orgs
