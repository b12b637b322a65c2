import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { API, responseSchemas } from '../../../../src/domain/api/routes'
import type { Static } from '@sinclair/typebox'
import type { SearchQuerySchema } from '../../../../src/domain/api/search'

/** GET /api/search?q=&limit=: 搜索 over every published issue. Public, like the issues themselves. */
const search: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    { config: { public: true }, schema: { querystring: API.search.query, response: responseSchemas(API.search) } },
    async (req) => {
      const { q, limit } = req.query as Static<typeof SearchQuerySchema>
      return app.services.search.search(q ?? '', limit === undefined ? 20 : Number(limit))
    }
  )
}

export default search
