import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyReply } from 'fastify'
import { API, responseSchemas } from '../../../../src/domain/api/routes'
import { HttpError } from '../../../errors'
import { ISSUE_ID_MAX, ISSUE_ID_PATTERN } from '../../../../src/domain/publish'
import { type Cached, etagMatches } from '../../../services/content'

// URL and header shapes only the server reads; the bodies are API.listIssues / API.getIssue.
const IssueParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: ISSUE_ID_MAX, pattern: ISSUE_ID_PATTERN })
})
/** Conditional-request header; ETags are quoted sha256 hex. */
const ConditionalHeaders = Type.Object({
  'if-none-match': Type.Optional(Type.String({ maxLength: 2000 }))
})

/** Sends a pre-serialized JSON body with its ETag, or 304 when the client already has it. */
function sendCached(reply: FastifyReply, cached: Cached, ifNoneMatch: string | undefined): FastifyReply {
  // Clients may keep copies but must revalidate: an issue can be re-published under the same id.
  reply.header('ETag', cached.etag).header('Cache-Control', 'no-cache')
  if (etagMatches(ifNoneMatch, cached.etag)) return reply.code(304).send()
  // A string body is sent as is: the 200 schemas document (and the contract tests check) what it holds.
  return reply.type('application/json; charset=utf-8').send(cached.body)
}

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
