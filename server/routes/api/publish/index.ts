import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PREVIEW_MAX_BYTES } from '../../../../src/domain/api/publish'
import { API, responseSchemas } from '../../../../src/domain/api/routes'
import { HttpError } from '../../../errors'
import { sessionOf } from '../../../plugins/auth'
import { previewIssueFile } from '../../../services/publish-preview'

export interface PublishRouteOptions {
  /**
   * Whether the signed-in member may preview and publish issues. Default: an admin of their own organization
   * (`npm run org -- admin`, or made admin in the app by another admin).
   */
  isAdmin?: (memberId: string) => boolean | Promise<boolean>
}

/** POST /api/publish/preview: an issue file parsed as `npm run publish` would, with its warnings; nothing stored. */
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
      const session = sessionOf(req)
      const bytes = Buffer.from(req.body.data, 'base64')
      const outcome = await previewIssueFile(bytes, req.body.fileName, await isAdmin(session.memberId))
      if (!outcome.ok) throw new HttpError(outcome.status, outcome.error, outcome.message)
      return outcome.reply
    }
  )
}

export default publish
