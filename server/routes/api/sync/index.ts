import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PullBodySchema, PullReplySchema, PushBodySchema, PushReplySchema } from '../../../../src/domain/sync/protocol'
import { HttpError } from '../../../errors'
import { sessionOf } from '../../../plugins/auth'
import { errors } from '../../../schemas/common'

/** POST /api/sync/push and /api/sync/pull (src/domain/sync/SPEC.md): only ever the caller's own member. */
const sync: FastifyPluginAsyncTypebox = async (app) => {
  const { sync: service } = app.services

  app.post('/push', { schema: { body: PushBodySchema, response: { 200: PushReplySchema, ...errors(400, 401, 403, 413) } } }, async (req) => {
    const out = await service.push(sessionOf(req).memberId, req.body.mutations)
    if (out.kind === 'foreign_client') {
      throw new HttpError(403, 'foreign_client', '这台设备的同步记录属于另一位党员，请重新登录后再同步')
    }
    const { kind: _kind, ...reply } = out
    return reply
  })

  app.post('/pull', { schema: { body: PullBodySchema, response: { 200: PullReplySchema, ...errors(400, 401) } } }, async (req) =>
    service.pull(sessionOf(req).memberId, req.body.cookie),
  )
}

export default sync
