import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { API, responseSchemas } from '../../../../src/domain/api/routes'

/** GET /api/health: liveness for load balancers and `npm start`. */
const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { config: { public: true }, schema: { response: responseSchemas(API.health) } }, async () => ({
    ok: true as const
  }))
}

export default health
