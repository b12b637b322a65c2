// 账号与设备's actions: pairing another device, the name, the party organization and the member's devices. Only the
// account page (a weapp subpackage) uses them, so they are not in the main package with sign-in (./session).
import { normalizeCode } from '../../domain/account'
import { CLIENT_ERROR_SENTENCES, errorSentence } from '../../domain/api/errors'
import { ACCOUNT_ROUTES } from '../../domain/api/routes/account'
import type { HttpClient } from '../../platform/http'
import type { PlatformLogin } from '../../platform/login'
import type { StoreApi } from 'zustand/vanilla'
import type { SessionState } from '../../stores/session'
import { ApiError, createApiClient } from '../api/client'

/** A sentence for the member, in Chinese, for whatever went wrong. */
export function describeError(err: unknown): string {
  return err instanceof ApiError ? errorSentence(err.code, err.status) : CLIENT_ERROR_SENTENCES.network
}

/** The account routes over the API client: /api/auth/pairing, /api/me, /api/orgs/join|leave. */
export function createAccountManagementApi(http: HttpClient, apiBase: string, token: () => string | null) {
  const client = createApiClient(http, apiBase, token)
  return {
    createPairing: () => client.call(ACCOUNT_ROUTES.createPairing),
    claimPairing: (code: string, deviceName?: string) =>
      client.call(ACCOUNT_ROUTES.claimPairing, { body: deviceName ? { code, deviceName } : { code } }),
    rename: (displayName: string) => client.call(ACCOUNT_ROUTES.rename, { body: { displayName } }),
    joinOrg: (joinCode: string) => client.call(ACCOUNT_ROUTES.joinOrg, { body: { joinCode } }),
    leaveOrg: () => client.call(ACCOUNT_ROUTES.leaveOrg),
    signOutDevice: (id: string) => client.call(ACCOUNT_ROUTES.signOutDevice, { params: { id } }),
    signOutOtherDevices: () => client.call(ACCOUNT_ROUTES.signOutOtherDevices)
  }
}

export type AccountManagementApi = ReturnType<typeof createAccountManagementApi>

/** The actions, keeping the member in the session store up to date with each answer. */
export function createAccountManagement(
  api: AccountManagementApi,
  login: PlatformLogin,
  session: StoreApi<SessionState>
) {
  return {
    createPairing: () => api.createPairing(),
    /** Joins this device to the member who showed the code; what this device had read is carried over by sync. */
    async claimPairing(code: string): Promise<void> {
      const res = await api.claimPairing(normalizeCode(code), login.deviceName())
      session.getState().signIn(res.token, res.member)
    },
    async rename(name: string): Promise<void> {
      session.getState().setMember((await api.rename(name.trim())).member)
    },
    async joinOrg(code: string): Promise<void> {
      session.getState().setMember((await api.joinOrg(normalizeCode(code))).member)
    },
    async leaveOrg(): Promise<void> {
      session.getState().setMember((await api.leaveOrg()).member)
    },
    /** Signs out another device of this member (登录设备). */
    async signOutDevice(id: string): Promise<void> {
      session.getState().setMember((await api.signOutDevice(id)).member)
    },
    /** Signs out every device of this member but this one; returns how many. */
    async signOutOtherDevices(): Promise<number> {
      const res = await api.signOutOtherDevices()
      session.getState().setMember(res.member)
      return res.signedOut
    }
  }
}

export type AccountManagement = ReturnType<typeof createAccountManagement>
