import { route } from '../route'
import { OkSchema } from '../account'
import {
  CancelBodySchema,
  ConfirmBodySchema,
  ConfirmReplySchema,
  PreviewBodySchema,
  PreviewReplySchema
} from '../publish'

/** Publishing an issue from the app (pages/publish). */
export const PUBLISH_ROUTES = {
  /** An organization admin's preview of an issue file before publishing it (pages/publish); kept as a draft. */
  previewIssue: route({
    method: 'POST',
    path: '/api/publish/preview',
    body: PreviewBodySchema,
    reply: PreviewReplySchema,
    errors: [400, 401, 403, 413, 422],
    auth: true
  }),
  /** Publishes the previewed file (404 unknown_draft: expired, unknown or another's; 409 issue_exists, draft_mismatch). */
  confirmPublish: route({
    method: 'POST',
    path: '/api/publish/confirm',
    body: ConfirmBodySchema,
    reply: ConfirmReplySchema,
    errors: [400, 401, 403, 404, 409],
    auth: true
  }),
  /** Discards a preview; nothing was published. */
  cancelPublish: route({
    method: 'POST',
    path: '/api/publish/cancel',
    body: CancelBodySchema,
    reply: OkSchema,
    errors: [400, 401, 403, 404],
    auth: true
  })
} as const
