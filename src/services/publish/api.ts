import type { ConfirmBody, PreviewBody } from '../../domain/api/publish'
import { API } from '../../domain/api/routes'
import type { HttpClient } from '../../platform/http'
import { createApiClient } from '../api/client'

export { ApiError } from '../api/client'

/** 发布简报 over /api/publish: preview (kept as a draft), confirm, cancel; and whether the caller is an admin. */
export function createPublishApi(http: HttpClient, apiBase: string, token: () => string | null) {
  const client = createApiClient(http, apiBase, token)
  return {
    /** The caller's organization figures; `admin` says whether they may publish. */
    myOrg: () => client.call(API.myOrgStats),
    preview: (body: PreviewBody) => client.call(API.previewIssue, { body }),
    confirm: (body: ConfirmBody) => client.call(API.confirmPublish, { body }),
    cancel: (draftToken: string) => client.call(API.cancelPublish, { body: { token: draftToken } })
  }
}

export type PublishApi = ReturnType<typeof createPublishApi>
