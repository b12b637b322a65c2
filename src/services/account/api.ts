import { READER_ROUTES } from '../../domain/api/routes/reader'
import type { HttpClient } from '../../platform/http'
import { createApiClient } from '../api/client'

export { ApiError } from '../api/client'

/** Sign-in, pairing and membership over the server's /api/auth, /api/me and /api/orgs routes. */
export function createAccountApi(http: HttpClient, apiBase: string, token: () => string | null) {
  const client = createApiClient(http, apiBase, token)
  return {
    signInDevice: (deviceName?: string) =>
      client.call(READER_ROUTES.signInDevice, { body: deviceName ? { deviceName } : {} }),
    signInWechat: (code: string) => client.call(READER_ROUTES.signInWechat, { body: { code } }),
    createPairing: () => client.call(READER_ROUTES.createPairing),
    claimPairing: (code: string, deviceName?: string) =>
      client.call(READER_ROUTES.claimPairing, { body: deviceName ? { code, deviceName } : { code } }),
    me: () => client.call(READER_ROUTES.me),
    rename: (displayName: string) => client.call(READER_ROUTES.rename, { body: { displayName } }),
    joinOrg: (joinCode: string) => client.call(READER_ROUTES.joinOrg, { body: { joinCode } }),
    leaveOrg: () => client.call(READER_ROUTES.leaveOrg),
    logout: () => client.call(READER_ROUTES.logout),
    signOutDevice: (id: string) => client.call(READER_ROUTES.signOutDevice, { params: { id } }),
    signOutOtherDevices: () => client.call(READER_ROUTES.signOutOtherDevices)
  }
}

export type AccountApi = ReturnType<typeof createAccountApi>
