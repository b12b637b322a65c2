import { PRIVACY_ROUTES } from '../../domain/api/routes/privacy'
import type { HttpClient } from '../../platform/http'
import { createApiClient } from '../api/client'

/** 我的数据 over GET /api/me/data: everything the server stores about the member. */
export function createMyDataApi(http: HttpClient, apiBase: string, token: () => string | null) {
  const client = createApiClient(http, apiBase, token)
  return { get: () => client.call(PRIVACY_ROUTES.myData) }
}

export type MyDataApi = ReturnType<typeof createMyDataApi>
