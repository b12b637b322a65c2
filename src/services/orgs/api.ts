import { ORG_ROUTES } from '../../domain/api/routes/orgs'
import type { HttpClient } from '../../platform/http'
import { createApiClient } from '../api/client'

export { ApiError } from '../api/client'

/** 组织情况 over the server's /api/orgs routes (the export is a file, fetched by the platform's download). */
export function createOrgsApi(http: HttpClient, apiBase: string, token: () => string | null) {
  const client = createApiClient(http, apiBase, token)
  return {
    ranking: (page: number, pageSize = 20) =>
      client.call(ORG_ROUTES.orgRanking, { query: { page: String(page), pageSize: String(pageSize) } }),
    mine: () => client.call(ORG_ROUTES.myOrgStats),
    members: (page: number, pageSize = 20) =>
      client.call(ORG_ROUTES.myOrgMembers, { query: { page: String(page), pageSize: String(pageSize) } }),
    addAdmin: (memberId: string) => client.call(ORG_ROUTES.addOrgAdmin, { body: { memberId } }),
    rotateJoinCode: (expiresInDays: number | null) =>
      client.call(ORG_ROUTES.rotateJoinCode, { body: { expiresInDays } }),
    /** The export's URL and the header that authorizes it. */
    exportRequest: () => ({
      url: `${apiBase}${ORG_ROUTES.myOrgExport.path}`,
      headers: { authorization: `Bearer ${token() ?? ''}` }
    })
  }
}

export type OrgsApi = ReturnType<typeof createOrgsApi>
