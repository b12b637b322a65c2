// The 组织情况 API instance. Only the org page (a subpackage on weapp) imports this module.
import { apiBase } from '../../platform/config'
import { http } from '../../platform/http'
import { sessionStore } from '../../stores'
import { createOrgsApi } from './api'

export const orgsApi = createOrgsApi(http, apiBase, () => sessionStore.getState().token)
