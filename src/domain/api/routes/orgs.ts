import { route } from '../route'
import { OkSchema } from '../account'
import {
  AddOrgAdminBodySchema,
  MyOrgStatsReplySchema,
  OrgMembersReplySchema,
  OrgRankingReplySchema,
  PageQuerySchema,
  RotateJoinCodeBodySchema,
  RotateJoinCodeReplySchema,
  XlsxFileSchema
} from '../orgs'

/** 组织情况: figures, ranking, member lines and export, join codes and admins (pages/org, pages/publish). */
export const ORG_ROUTES = {
  orgRanking: route({
    method: 'GET',
    path: '/api/orgs/ranking',
    body: null,
    query: PageQuerySchema,
    reply: OrgRankingReplySchema,
    errors: [400, 401],
    auth: true
  }),
  myOrgStats: route({
    method: 'GET',
    path: '/api/orgs/mine/stats',
    body: null,
    reply: MyOrgStatsReplySchema,
    errors: [401, 409],
    auth: true
  }),
  myOrgMembers: route({
    method: 'GET',
    path: '/api/orgs/mine/members',
    body: null,
    query: PageQuerySchema,
    reply: OrgMembersReplySchema,
    errors: [400, 401, 403, 409],
    auth: true
  }),
  myOrgExport: route({
    method: 'GET',
    path: '/api/orgs/mine/export.xlsx',
    body: null,
    reply: XlsxFileSchema,
    errors: [401, 403, 409],
    auth: true
  }),
  rotateJoinCode: route({
    method: 'POST',
    path: '/api/orgs/mine/join-code',
    body: RotateJoinCodeBodySchema,
    reply: RotateJoinCodeReplySchema,
    errors: [400, 401, 403, 409],
    auth: true
  }),
  addOrgAdmin: route({
    method: 'POST',
    path: '/api/orgs/mine/admins',
    body: AddOrgAdminBodySchema,
    reply: OkSchema,
    errors: [400, 401, 403, 404, 409],
    auth: true
  })
} as const
