import { READER_ROUTES } from '../../domain/api/routes/reader'
import type { HttpClient } from '../../platform/http'
import { createApiClient } from '../api/client'

export { ApiError } from '../api/client'

/** Signing in and out and the member, over /api/auth and /api/me (账号与设备's actions: ./manage). */
export function createAccountApi(http: HttpClient, apiBase: string, token: () => string | null) {
  const client = createApiClient(http, apiBase, token)
  return {
    signInDevice: (deviceName?: string) =>
      client.call(READER_ROUTES.signInDevice, { body: deviceName ? { deviceName } : {} }),
    signInWechat: (code: string) => client.call(READER_ROUTES.signInWechat, { body: { code } }),
    me: () => client.call(READER_ROUTES.me),
    logout: () => client.call(READER_ROUTES.logout)
  }
}

export type AccountApi = ReturnType<typeof createAccountApi>
