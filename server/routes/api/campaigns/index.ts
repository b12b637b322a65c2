import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { API, responseSchemas } from '../../../../src/domain/api/routes'

/**
 * GET /api/campaigns: the campaigns loaded from content/campaigns. Public, like the issues: a definition is the
 * organizers' published content, the same for everyone, and nothing in it is about a member.
 */
const campaigns: FastifyPluginAsyncTypebox = async (app) => {
  const { campaigns: service } = app.services
  app.get('/', { config: { public: true }, schema: { response: responseSchemas(API.campaigns) } }, async () => ({
    campaigns: service.list()
  }))
}

export default campaigns
