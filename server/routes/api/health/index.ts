import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Ok } from '../../../schemas/common'

/** GET /api/health: liveness for load balancers and `npm start`. */
const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { config: { public: true }, schema: { response: { 200: Ok } } }, async () => ({ ok: true as const }))
}

export default health
