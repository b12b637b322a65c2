import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { PageQuery } from '../../../../src/domain/api/orgs'
import { API, responseSchemas } from '../../../../src/domain/api/routes'
import { sessionOf } from '../../../plugins/auth'
import { pageOf } from '../../../services/org-stats'

/**
 * /api/orgs: joining or leaving an organization, the ranking, and the caller's own organization ("mine": its figures, and for
 * its admins the member lines, the export and making admins). No route takes an organization id, so an admin can
 * only ever reach the organization they are in.
 */
const orgs: FastifyPluginAsyncTypebox = async (app) => {
  const { members, orgStats } = app.services

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
    '/mine/admins',
    { schema: { body: API.addOrgAdmin.body, response: responseSchemas(API.addOrgAdmin) } },
    async (req) => {
      await orgStats.addAdmin(sessionOf(req).memberId, req.body.memberId)
      return { ok: true as const }
    }
  )
}

export default orgs
