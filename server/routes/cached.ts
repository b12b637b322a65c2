import { Type } from '@sinclair/typebox'
import type { FastifyReply } from 'fastify'
import { type Cached, etagMatches } from '../services/content'

/** Conditional-request header; ETags are quoted sha256 hex. */
export const ConditionalHeaders = Type.Object({
  'if-none-match': Type.Optional(Type.String({ maxLength: 2000 }))
})

/**
 * Sends a pre-serialized JSON body with its ETag, or 304 when the client already has it. Clients may keep copies
 * but must revalidate (`no-cache`); a body for one member only adds `private` so no shared cache keeps it.
 */
export function sendCached(
  reply: FastifyReply,
  cached: Cached,
  ifNoneMatch: string | undefined,
  cacheControl = 'no-cache'
): FastifyReply {
  reply.header('ETag', cached.etag).header('Cache-Control', cacheControl)
  if (etagMatches(ifNoneMatch, cached.etag)) return reply.code(304).send()
  // A string body is sent as is: the 200 schemas document (and the contract tests check) what it holds.
  return reply.type('application/json; charset=utf-8').send(cached.body)
}
