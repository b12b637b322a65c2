// The campaign service instance. Only the campaign page (a subpackage on weapp) imports this module, so its code
// stays out of the main package.
import { apiBase } from '../../platform/config'
import { http } from '../../platform/http'
import { kv } from '../../platform/kv'
import { sessionStore } from '../../stores'
import { services } from '../index'
import { createCampaignApi } from './api'
import { createCampaignService } from './service'

export type { CampaignService, CampaignState } from './service'

export const campaign = createCampaignService({
  api: createCampaignApi(http, apiBase, () => sessionStore.getState().token),
  kv,
  sync: services.sync,
  signedIn: () => sessionStore.getState().token !== null,
  now: () => Date.now()
})
