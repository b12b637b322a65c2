import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { PageQuery } from '../../../../src/domain/api/orgs'
import { API, responseSchemas } from '../../../../src/domain/api/routes'
import { HttpError } from '../../../errors'
import { sessionOf } from '../../../plugins/auth'
import { limitConfig, type RateLimits } from '../../../plugins/limits'
import { pageOf } from '../../../services/org-stats'
import type { Services } from '../../../types'

/**
 * /api/orgs: joining or leaving an organization, the ranking, and the caller's own organization ("mine": its figures, and for
 * its admins the member lines, the export and making admins). No route takes an organization id, so an admin can
 * only ever reach the organization they are in.
 */
const orgs: FastifyPluginAsyncTypebox<{ rateLimits: RateLimits }> = async (app, opts) => {
  const { members, orgStats } = app.services

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

  app.post('/leave', { schema: { response: responseSchemas(API.leaveOrg) } }, async (req) => {
    const session = sessionOf(req)
    await members.leaveOrg(session.memberId)
    return { member: await members.view(session.memberId, session.id) }
  })

  app.get(
    '/ranking',
    { schema: { querystring: API.orgRanking.query, response: responseSchemas(API.orgRanking) } },
    async (req) => {
      const { page, pageSize } = pageOf(req.query as PageQuery)
      return orgStats.ranking(sessionOf(req).memberId, page, pageSize)
    }
  )

  app.get('/mine/stats', { schema: { response: responseSchemas(API.myOrgStats) } }, async (req) =>
    orgStats.mine(sessionOf(req).memberId)
  )

  app.get(
    '/mine/members',
    { schema: { querystring: API.myOrgMembers.query, response: responseSchemas(API.myOrgMembers) } },
    async (req) => {
      const { page, pageSize } = pageOf(req.query as PageQuery)
      return orgStats.members(sessionOf(req).memberId, page, pageSize)
    }
  )

  app.get('/mine/export.xlsx', { schema: { response: responseSchemas(API.myOrgExport) } }, async (req, reply) => {
    const file = await orgStats.exportXlsx(sessionOf(req).memberId)
    return reply
      .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header(
        'Content-Disposition',
        `attachment; filename="org.xlsx"; filename*=UTF-8''${encodeURIComponent(file.name)}`
      )
      .send(file.bytes)
  })

  app.post(
    '/mine/join-code',
    { schema: { body: API.rotateJoinCode.body, response: responseSchemas(API.rotateJoinCode) } },
    async (req) => {
      const orgId = await orgStats.requireAdmin(sessionOf(req).memberId)
      const days = req.body.expiresInDays
      return members.rotateJoinCode(orgId, days === null ? null : days * 86_400_000)
    }
  )

  app.post(
    '/mine/admins',
    { schema: { body: API.addOrgAdmin.body, response: responseSchemas(API.addOrgAdmin) } },
    async (req) => {
      await orgStats.addAdmin(sessionOf(req).memberId, req.body.memberId)
      return { ok: true as const }
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
