import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import { codeForStatus } from './errors'
import { ERROR_SENTENCES } from '../src/domain/api/errors'

/**
 * Answers what Node's HTTP parser refuses before Fastify sees a request (headers too large, conflicting
 * Content-Length and Transfer-Encoding, a request that timed out) in the API's one `{error, message}` shape, then
 * closes the socket.
 */
export function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return
  const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400
  const code = codeForStatus(status)
  const body = JSON.stringify({ error: code, message: ERROR_SENTENCES[code] })
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`
    )
  }
  socket.destroy(err)
}

/** The charset parameter of a Content-Type, lower-cased and unquoted, or null when there is none. */
export function charsetOf(contentType: string | undefined): string | null {
  const m = /;\s*charset\s*=\s*("?)([^";,\s]*)\1/i.exec(contentType ?? '')
  return m === null ? null : m[2].toLowerCase()
}
