import type { FastifyError, FastifyReply, FastifyRequest, FastifyPluginAsync } from 'fastify'
import { codeForStatus, HttpError } from '../errors'
import { ERROR_SENTENCES } from '../../src/domain/api/errors'
import fp from 'fastify-plugin'

export interface ErrorsOptions extends Record<string, unknown> {
  /** Answers GETs that match nothing outside /api (the H5 app's index.html), or undefined to 404. */
  fallback?: (req: FastifyRequest, reply: FastifyReply) => unknown
}

/** Turns every failure into {error, message}: 4xx for anything the client did, 5xx only for our own faults. */
const shapeErrors: FastifyPluginAsync<ErrorsOptions> = async (app, opts) => {
  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => {
    if (err instanceof HttpError) {
      return reply.code(err.statusCode).headers(err.headers).send({ error: err.error, message: err.message })
    }
    if (err.validation) {
      return reply.code(400).send({ error: 'bad_request', message: err.message })
    }
    const status = err.statusCode ?? 500
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (bad JSON, too large, unsupported media type, bad URL) keep their status.
      return reply.code(status).send({ error: codeForStatus(status), message: err.message })
    }
    if ((err as { code?: unknown }).code === 'SQLITE_FULL') {
      // The disk is full: nothing was written (the transaction rolled back); the client keeps its data and retries.
      req.log.error({ err }, 'disk full')
      return reply
        .code(503)
        .header('Retry-After', '60')
        .send({ error: 'storage_full', message: ERROR_SENTENCES.storage_full })
    }
    req.log.error({ err }, 'request failed')
    return reply.code(500).send({ error: 'internal', message: 'Something went wrong on the server' })
  })

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]
    const isApi = path === '/api' || path.startsWith('/api/')
    const lastSegment = path.slice(path.lastIndexOf('/') + 1)
    // Client-side routes (/pages/x/index) get the app shell; a missing asset (x.js) stays a 404.
    if (opts.fallback && !isApi && (req.method === 'GET' || req.method === 'HEAD') && !lastSegment.includes('.')) {
      return opts.fallback(req, reply)
    }
    return reply.code(404).send({ error: 'not_found', message: `No route for ${req.method} ${path.slice(0, 200)}` })
  })
}

export const errorsPlugin = fp(shapeErrors, { name: 'errors' })
