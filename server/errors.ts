import { ERROR_SENTENCES, type ErrorCode } from '../src/domain/api/errors'

export type { ErrorBody, ErrorCode } from '../src/domain/api/errors'

/** An error meant for the client: status 4xx/5xx, a stable machine code and a sentence (by default the app's own). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly error: ErrorCode,
    message: string = ERROR_SENTENCES[error],
    /** Extra headers for the reply, e.g. Retry-After. */
    readonly headers: Record<string, string> = {}
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

const CODES: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  431: 'headers_too_large'
}

/** The machine code used for a status when the thrower gave none. */
export function codeForStatus(status: number): ErrorCode {
  return CODES[status] ?? (status >= 500 ? 'internal' : 'bad_request')
}
