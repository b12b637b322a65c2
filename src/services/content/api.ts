import type { Issue, IssueSummary } from '../../domain/issue/types'
import type { HttpClient } from '../../platform/http'

/** The content API as the client sees it: the issue index and whole issues. */
export interface ContentApi {
  listIssues(): Promise<IssueSummary[]>
  getIssue(id: string): Promise<Issue>
}

export class ContentApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message)
    this.name = 'ContentApiError'
  }
}

/** Content over HTTP from the server's /api/issues routes. */
export function createContentApi(http: HttpClient, apiBase: string): ContentApi {
  const get = async <T>(path: string): Promise<T> => {
    const res = await http<T>({ url: `${apiBase}${path}` })
    if (res.status !== 200) throw new ContentApiError(res.status, `GET ${path} answered ${res.status}`)
    return res.data
  }
  return {
    listIssues: () => get<IssueSummary[]>('/api/issues'),
    getIssue: (id) => get<Issue>(`/api/issues/${encodeURIComponent(id)}`)
  }
}
