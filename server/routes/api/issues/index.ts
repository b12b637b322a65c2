import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { API, responseSchemas } from '../../../../src/domain/api/routes'
import { HttpError } from '../../../errors'
import { ISSUE_ID_MAX, ISSUE_ID_PATTERN } from '../../../../src/domain/publish'
import { ConditionalHeaders, sendCached } from '../../cached'

// URL and header shapes only the server reads; the bodies are API.listIssues / API.getIssue.
const IssueParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: ISSUE_ID_MAX, pattern: ISSUE_ID_PATTERN })
})

/** GET /api/issues (IssueSummary[], newest first) and GET /api/issues/:id (the whole Issue). Public. */
const issues: FastifyPluginAsyncTypebox = async (app) => {
  const { content } = app.services

  app.get(
    '/',
    { config: { public: true }, schema: { headers: ConditionalHeaders, response: responseSchemas(API.listIssues) } },
    async (req, reply) => sendCached(reply, await content.index(), req.headers['if-none-match'])
  )

  app.get(
    '/:id',
    {
      config: { public: true },
      schema: { params: IssueParams, headers: ConditionalHeaders, response: responseSchemas(API.getIssue) }
    },
    async (req, reply) => {
      const cached = await content.issue(req.params.id)
      if (cached === null) throw new HttpError(404, 'not_found', `No issue with id ${req.params.id}`)
      return sendCached(reply, cached, req.headers['if-none-match'])
    }
  )
}

export default issues
