import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { HttpError } from '../../../errors'
import { errors } from '../../../schemas/common'
import { ConditionalHeaders, IssueParams } from '../../../schemas/issues'
import { type Cached, etagMatches } from '../../../services/content'

/** Sends a pre-serialized JSON body with its ETag, or 304 when the client already has it. */
function sendCached(reply: FastifyReply, cached: Cached, ifNoneMatch: string | undefined): FastifyReply {
  // Clients may keep copies but must revalidate: an issue can be re-published under the same id.
  reply.header('ETag', cached.etag).header('Cache-Control', 'no-cache')
  if (etagMatches(ifNoneMatch, cached.etag)) return reply.code(304).send()
  return reply.type('application/json; charset=utf-8').send(cached.body)
}

/** GET /api/issues (IssueSummary[], newest first) and GET /api/issues/:id (the whole Issue). Public. */
const issues: FastifyPluginAsyncTypebox = async (app) => {
  const { content } = app.services

  app.get('/', { config: { public: true }, schema: { headers: ConditionalHeaders } }, async (req, reply) =>
    sendCached(reply, await content.index(), req.headers['if-none-match']),
  )

  app.get(
    '/:id',
    { config: { public: true }, schema: { params: IssueParams, headers: ConditionalHeaders, response: errors(400, 404) } },
    async (req, reply) => {
      const cached = await content.issue(req.params.id)
      if (cached === null) throw new HttpError(404, 'not_found', `No issue with id ${req.params.id}`)
      return sendCached(reply, cached, req.headers['if-none-match'])
    },
  )
}

export default issues
