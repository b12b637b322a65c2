import { API } from '../../domain/api/routes'
import type { HttpClient } from '../../platform/http'
import { createApiClient } from '../api/client'

/** What the campaign page asks the server: the campaigns (public) and the member's bank list (for 答). */
export function createCampaignApi(http: HttpClient, apiBase: string, token: () => string | null) {
  const client = createApiClient(http, apiBase, token)
  return {
    campaigns: () => client.call(API.campaigns),
    banks: () => client.call(API.quizBanks)
  }
}

export type CampaignApi = ReturnType<typeof createCampaignApi>
