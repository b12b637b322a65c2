import { route } from '../route'
import { CampaignsReplySchema } from '../campaign'

/** The campaigns (pages/campaign). */
export const CAMPAIGN_ROUTES = {
  campaigns: route({
    method: 'GET',
    path: '/api/campaigns',
    body: null,
    reply: CampaignsReplySchema,
    errors: [],
    auth: false
  })
} as const
