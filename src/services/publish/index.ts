// The 发布简报 API instance. Only the publish page (a subpackage on weapp) imports this module.
import { apiBase } from '../../platform/config'
import { http } from '../../platform/http'
import { sessionStore } from '../../stores'
import { createPublishApi } from './api'

export const publishApi = createPublishApi(http, apiBase, () => sessionStore.getState().token)
