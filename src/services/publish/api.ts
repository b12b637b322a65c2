import type { ConfirmBody, PreviewBody } from '../../domain/api/publish'
import { ORG_ROUTES } from '../../domain/api/routes/orgs'
import { PUBLISH_ROUTES } from '../../domain/api/routes/publish'
import type { HttpClient } from '../../platform/http'
import { createApiClient } from '../api/client'

export { ApiError } from '../api/client'

/** 发布简报 over /api/publish: preview (kept as a draft), confirm, cancel; and whether the caller is an admin. */
export function createPublishApi(http: HttpClient, apiBase: string, token: () => string | null) {
  const client = createApiClient(http, apiBase, token)
  return {
    /** The caller's organization figures; `admin` says whether they may publish. */
    myOrg: () => client.call(ORG_ROUTES.myOrgStats),
    preview: (body: PreviewBody) => client.call(PUBLISH_ROUTES.previewIssue, { body }),
    confirm: (body: ConfirmBody) => client.call(PUBLISH_ROUTES.confirmPublish, { body }),
    cancel: (draftToken: string) => client.call(PUBLISH_ROUTES.cancelPublish, { body: { token: draftToken } })
  }
}

export type PublishApi = ReturnType<typeof createPublishApi>
