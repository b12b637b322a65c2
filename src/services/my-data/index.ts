// The 我的数据 API instance. Only the privacy page (a subpackage on weapp) imports this module.
import { apiBase } from '../../platform/config'
import { http } from '../../platform/http'
import { sessionStore } from '../../stores'
import { services } from '..'
import { createMyDataApi } from './api'

const api = createMyDataApi(http, apiBase, () => sessionStore.getState().token)

/** Everything the server stores about the member, signing this device in first when it is not yet. */
export async function fetchMyData() {
  await services.account.ensureSignedIn()
  return api.get()
}
