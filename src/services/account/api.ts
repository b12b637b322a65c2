import { API } from '../../domain/api/routes'
import type { HttpClient } from '../../platform/http'
import { createApiClient } from '../api/client'

export { ApiError } from '../api/client'

/** Sign-in, pairing and membership over the server's /api/auth, /api/me and /api/orgs routes. */
export function createAccountApi(http: HttpClient, apiBase: string, token: () => string | null) {
  const client = createApiClient(http, apiBase, token)
  return {
    signInDevice: (deviceName?: string) => client.call(API.signInDevice, { body: deviceName ? { deviceName } : {} }),
    signInWechat: (code: string) => client.call(API.signInWechat, { body: { code } }),
    createPairing: () => client.call(API.createPairing),
    claimPairing: (code: string, deviceName?: string) =>
      client.call(API.claimPairing, { body: deviceName ? { code, deviceName } : { code } }),
    me: () => client.call(API.me),
    rename: (displayName: string) => client.call(API.rename, { body: { displayName } }),
    joinOrg: (joinCode: string) => client.call(API.joinOrg, { body: { joinCode } }),
    leaveOrg: () => client.call(API.leaveOrg),
    /** Everything the server stores about the member (GET /api/me/data). */
    myData: () => client.call(API.myData),
    logout: () => client.call(API.logout),
    signOutDevice: (id: string) => client.call(API.signOutDevice, { params: { id } }),
    signOutOtherDevices: () => client.call(API.signOutOtherDevices)
  }
}

export type AccountApi = ReturnType<typeof createAccountApi>
