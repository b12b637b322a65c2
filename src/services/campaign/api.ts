import { CAMPAIGN_ROUTES } from '../../domain/api/routes/campaign'
import { QUIZ_ROUTES } from '../../domain/api/routes/quiz'
import type { HttpClient } from '../../platform/http'
import { createApiClient } from '../api/client'

/** What the campaign page asks the server: the campaigns (public) and the member's bank list (for 答). */
export function createCampaignApi(http: HttpClient, apiBase: string, token: () => string | null) {
  const client = createApiClient(http, apiBase, token)
  return {
    campaigns: () => client.call(CAMPAIGN_ROUTES.campaigns),
    banks: () => client.call(QUIZ_ROUTES.quizBanks)
  }
}

export type CampaignApi = ReturnType<typeof createCampaignApi>
