import { SEARCH_ROUTES } from '../../domain/api/routes/search'
import type { SearchReply } from '../../domain/api/search'
import type { HttpClient } from '../../platform/http'
import { createApiClient } from '../api/client'

/** The server's search over every published issue (public). */
export function createSearchApi(http: HttpClient, apiBase: string) {
  const client = createApiClient(http, apiBase)
  return {
    search: (q: string, limit: number): Promise<SearchReply> =>
      client.call(SEARCH_ROUTES.search, { query: { q, limit: String(limit) } })
  }
}

export type SearchApi = ReturnType<typeof createSearchApi>
