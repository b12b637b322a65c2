import { Type } from '@sinclair/typebox'
import type { FastifyReply } from 'fastify'
import { type Cached, etagMatches } from '../services/content'
import { COMPRESS_THRESHOLD, CompressionCache, pickEncoding } from './compressed'

/** One cache for every cached route (issues, index, banks): keyed by ETag, so routes never collide. */
export const compressionCache = new CompressionCache()

/** Conditional-request header; ETags are quoted sha256 hex. */
export const ConditionalHeaders = Type.Object({
  'if-none-match': Type.Optional(Type.String({ maxLength: 2000 }))
})

/**
 * Sends a pre-serialized JSON body with its ETag, or 304 when the client already has it. Clients may keep copies
 * but must revalidate (`no-cache`); a body for one member only adds `private` so no shared cache keeps it.
 */
export async function sendCached(
  reply: FastifyReply,
  cached: Cached,
  ifNoneMatch: string | undefined,
  cacheControl = 'no-cache'
): Promise<FastifyReply> {
  // The same ETag whatever the encoding: it names the JSON, and a 304 holds for every encoding of it.
  reply.header('ETag', cached.etag).header('Cache-Control', cacheControl).header('Vary', 'Accept-Encoding')
  if (etagMatches(ifNoneMatch, cached.etag)) return reply.code(304).send()
  reply.type('application/json; charset=utf-8')
  const encoding =
    cached.body.length >= COMPRESS_THRESHOLD ? pickEncoding(reply.request.headers['accept-encoding']) : null
  // A string body is sent as is: the 200 schemas document (and the contract tests check) what it holds. A
  // compressed one comes from the cache (compressed once per ETag) and @fastify/compress leaves it alone.
  if (encoding === null) return reply.send(cached.body)
  const compressed = await compressionCache.get(cached.etag, cached.body, encoding)
  return reply.header('Content-Encoding', encoding).send(compressed)
}
