import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { API, responseSchemas } from '../../../../src/domain/api/routes'
import { Type } from '../../../../src/domain/api/type'
import { sessionOf } from '../../../plugins/auth'
import { ConditionalHeaders, sendCached } from '../../cached'

const AttemptParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) })
const BankParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) })

/** The scored 百题竞答 (server/services/quiz.ts has the rules): only ever the caller's own attempts. */
const quiz: FastifyPluginAsyncTypebox = async (app) => {
  const { quiz: service } = app.services

  app.get('/banks', { schema: { response: responseSchemas(API.quizBanks) } }, async (req) => ({
    banks: await service.listBanks(sessionOf(req).memberId)
  }))

  // The same body for every member, so it carries an ETag; `private`, as it is only for signed-in members.
  app.get(
    '/banks/:id',
    { schema: { params: BankParams, headers: ConditionalHeaders, response: responseSchemas(API.quizBank) } },
    async (req, reply) => {
      sessionOf(req)
      return sendCached(reply, service.practiceBank(req.params.id), req.headers['if-none-match'], 'private, no-cache')
    }
  )

  app.post(
    '/attempts',
    { schema: { body: API.startQuizAttempt.body, response: responseSchemas(API.startQuizAttempt) } },
    async (req) => service.start(sessionOf(req).memberId, req.body.bankId)
  )

  app.get(
    '/attempts/:id',
    { schema: { params: AttemptParams, response: responseSchemas(API.getQuizAttempt) } },
    async (req) => service.get(sessionOf(req).memberId, req.params.id)
  )

  app.post(
    '/attempts/:id/submit',
    {
      schema: {
        params: AttemptParams,
        body: API.submitQuizAttempt.body,
        response: responseSchemas(API.submitQuizAttempt)
      }
    },
    async (req) => service.submit(sessionOf(req).memberId, req.params.id, req.body.answers)
  )
}

export default quiz
