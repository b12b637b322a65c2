import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PREVIEW_MAX_BYTES } from '../../../../src/domain/api/publish'
import { API, responseSchemas } from '../../../../src/domain/api/routes'
import { sessionOf } from '../../../plugins/auth'

export interface PublishRouteOptions {
  /**
   * Whether the signed-in member may preview and publish issues. Default: an admin of their own organization
   * (`npm run org -- admin`, or made admin in the app by another admin).
   */
  isAdmin?: (memberId: string) => boolean | Promise<boolean>
}

/**
 * POST /api/publish/preview: an issue file parsed as `npm run publish` would, with its warnings, kept as a draft;
 * /confirm publishes exactly that draft, /cancel discards it. Nothing is published before /confirm.
 */
const publish: FastifyPluginAsyncTypebox<PublishRouteOptions> = async (app, opts) => {
  const isAdmin = opts.isAdmin ?? ((memberId: string) => app.services.orgStats.isAdminOfOwn(memberId))
  app.post(
    '/preview',
    {
      // base64 of the largest file, and room for the JSON around it.
      bodyLimit: Math.ceil(PREVIEW_MAX_BYTES / 3) * 4 + 4096,
      schema: { body: API.previewIssue.body, response: responseSchemas(API.previewIssue) }
    },
    async (req) => {
      const { memberId } = sessionOf(req)
      const bytes = Buffer.from(req.body.data, 'base64')
      return app.services.publish.preview(memberId, bytes, req.body.fileName, await isAdmin(memberId), req.body.id)
    }
  )
  app.post(
    '/confirm',
    { schema: { body: API.confirmPublish.body, response: responseSchemas(API.confirmPublish) } },
    async (req) => {
      const { memberId } = sessionOf(req)
      return app.services.publish.confirm(memberId, req.body, await isAdmin(memberId))
    }
  )
  app.post(
    '/cancel',
    { schema: { body: API.cancelPublish.body, response: responseSchemas(API.cancelPublish) } },
    async (req) => {
      const { memberId } = sessionOf(req)
      await app.services.publish.cancel(memberId, req.body.token, await isAdmin(memberId))
      return { ok: true as const }
    }
  )
}

export default publish
