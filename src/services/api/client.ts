import type { Static, TSchema } from '@sinclair/typebox'
import { matches } from '../../domain/api/check'
import { CLIENT_ERROR_SENTENCES, ErrorBodySchema, errorSentence } from '../../domain/api/errors'
import type { RouteContract } from '../../domain/api/route'
import type { HttpClient } from '../../platform/http'

/**
 * Anything that kept a call from giving what its contract promises. `message` is a sentence for the member in
 * Chinese; `code` the server's stable code, or `network` (no answer: offline) or `bad_response` (an answer
 * this app cannot read); `detail` what the server or the check said, for logs.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly detail: string = message
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** No answer arrived at all: the caller may fall back to what it has offline. */
  get offline(): boolean {
    return this.code === 'network'
  }
}

type BodyOf<C> = C extends RouteContract<infer B, TSchema> ? (B extends TSchema ? Static<B> : undefined) : never
type ReplyOf<C> = C extends RouteContract<TSchema | null, infer R> ? Static<R> : never

export interface CallInput<C> {
  body?: BodyOf<C>
  /** Values for the `:name` segments of the route's path. */
  params?: Record<string, string>
  /** `?name=value` parameters (routes with a `query` schema). */
  query?: Record<string, string>
}

export interface ApiClient {
  /** Calls a route of src/domain/api/routes and returns its 200 answer, checked against the route's schema. */
  call<C extends RouteContract>(route: C, input?: CallInput<C>): Promise<ReplyOf<C>>
}

const fillPath = (path: string, params: Record<string, string> = {}) =>
  path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))

const queryString = (query: Record<string, string> = {}) => {
  const pairs = Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`
}

/** The one API client: every call goes through the platform http, and every answer is checked before use. */
export function createApiClient(http: HttpClient, apiBase: string, token: () => string | null = () => null): ApiClient {
  return {
    async call<C extends RouteContract>(route: C, input: CallInput<C> = {}): Promise<ReplyOf<C>> {
      const path = fillPath(route.path, input.params) + queryString(input.query)
      const t = route.auth ? token() : null
      let res: Awaited<ReturnType<HttpClient>>
      try {
        res = await http({
          url: `${apiBase}${path}`,
          method: route.method,
          body: input.body,
          headers: t ? { authorization: `Bearer ${t}` } : {}
        })
      } catch (err) {
        throw new ApiError(
          0,
          'network',
          CLIENT_ERROR_SENTENCES.network,
          err instanceof Error ? err.message : String(err)
        )
      }
      if (res.status === 200) {
        if (matches(route.reply, res.data)) return res.data as ReplyOf<C>
        throw new ApiError(
          res.status,
          'bad_response',
          CLIENT_ERROR_SENTENCES.bad_response,
          `${route.method} ${route.path}: the answer does not match its schema`
        )
      }
      if (matches(ErrorBodySchema, res.data)) {
        throw new ApiError(res.status, res.data.error, errorSentence(res.data.error, res.status), res.data.message)
      }
      // Not our server's shape (a proxy's HTML page, an empty 502): the status is all there is to go on.
      throw new ApiError(
        res.status,
        `http_${res.status}`,
        errorSentence('', res.status),
        `${route.method} ${path} answered ${res.status}`
      )
    }
  }
}
