import type { TSchema } from '@sinclair/typebox'
import { ErrorBodySchema } from './errors'

/**
 * One API route as both sides see it: the server registers exactly these schemas (body validated, 200 reply
 * serialized, errors as ErrorBody), the client sends `body` and checks the 200 answer against `reply`.
 */
export interface RouteContract<B extends TSchema | null = TSchema | null, R extends TSchema = TSchema> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** Full path; `:name` segments are filled in by the caller. */
  path: string
  /** Request body, or null for none. */
  body: B
  /** The 200 answer. */
  reply: R
  /** `?name=value` parameters, as strings, or absent for none. */
  query?: TSchema
  /** Statuses that answer ErrorBody. */
  errors: readonly number[]
  /** Needs `Authorization: Bearer <token>`. */
  auth: boolean
}

export function route<B extends TSchema | null, R extends TSchema>(contract: RouteContract<B, R>): RouteContract<B, R> {
  return contract
}

/** The response schemas of a route by status, as fastify's `schema.response` takes them. */
export function responseSchemas<R extends TSchema>(
  contract: RouteContract<TSchema | null, R>
): { 200: R } & Record<number, R | typeof ErrorBodySchema> {
  const out: Record<number, TSchema> = { 200: contract.reply }
  for (const status of contract.errors) out[status] = ErrorBodySchema
  return out as { 200: R } & Record<number, R | typeof ErrorBodySchema>
}
