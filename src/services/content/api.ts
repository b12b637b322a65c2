import type { Issue, IssueSummary } from '../../domain/issue/types'
import { READER_ROUTES } from '../../domain/api/routes/reader'
import type { HttpClient } from '../../platform/http'
import { createApiClient } from '../api/client'

/** The content API as the client sees it: the issue index and whole issues. */
export interface ContentApi {
  listIssues(): Promise<IssueSummary[]>
  getIssue(id: string): Promise<Issue>
}

/** Content over HTTP from the server's /api/issues routes (answers checked by the client). */
export function createContentApi(http: HttpClient, apiBase: string): ContentApi {
  const client = createApiClient(http, apiBase)
  return {
    listIssues: () => client.call(READER_ROUTES.listIssues),
    getIssue: (id) => client.call(READER_ROUTES.getIssue, { params: { id } }),
  }
}
