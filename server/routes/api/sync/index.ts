import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ERROR_SENTENCES } from '../../../../src/domain/api/errors'
import { API, responseSchemas } from '../../../../src/domain/api/routes'
import { HttpError } from '../../../errors'
import { sessionOf } from '../../../plugins/auth'

/** POST /api/sync/push and /api/sync/pull (src/domain/sync/SPEC.md): only ever the caller's own member. */
const sync: FastifyPluginAsyncTypebox = async (app) => {
  const { sync: service } = app.services

  app.post('/push', { schema: { body: API.syncPush.body, response: responseSchemas(API.syncPush) } }, async (req) => {
    const out = await service.push(sessionOf(req).memberId, req.body.mutations)
    if (out.kind === 'foreign_client') throw new HttpError(403, 'foreign_client', ERROR_SENTENCES.foreign_client)
    const { kind: _kind, ...reply } = out
    return reply
  })

  app.post('/pull', { schema: { body: API.syncPull.body, response: responseSchemas(API.syncPull) } }, async (req) =>
    service.pull(sessionOf(req).memberId, req.body.cookie)
  )
}

export default sync
