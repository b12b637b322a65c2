import { normalizeCode } from '../../domain/account'
import { CLIENT_ERROR_SENTENCES, errorSentence } from '../../domain/api/errors'
import type { PlatformLogin } from '../../platform/login'
import type { StoreApi } from 'zustand/vanilla'
import type { SessionState } from '../../stores/session'
import { ApiError, type AccountApi } from './api'

/** A sentence for the member, in Chinese, for whatever went wrong. */
export function describeError(err: unknown): string {
  return err instanceof ApiError ? errorSentence(err.code, err.status) : CLIENT_ERROR_SENTENCES.network
}

/** Signs in, pairs devices and keeps the member up to date in the session store. */
export function createSessionService(api: AccountApi, login: PlatformLogin, session: StoreApi<SessionState>) {
  let pending: Promise<void> | null = null
  const signIn = async () => {
    const code = login.kind === 'wechat' ? await login.code() : null
    const res = code ? await api.signInWechat(code) : await api.signInDevice(login.deviceName())
    session.getState().signIn(res.token, res.member)
  }
  return {
    /** Signs in once per device: WeChat login on weapp, a device account on H5. Safe to call repeatedly. */
    ensureSignedIn(): Promise<void> {
      if (session.getState().token) return Promise.resolve()
      return (pending ??= signIn().finally(() => {
        pending = null
      }))
    },
    /** Refreshes the member; a revoked token signs this device in again. */
    async refresh(): Promise<void> {
      try {
        session.getState().setMember((await api.me()).member)
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          session.getState().signOut()
          await this.ensureSignedIn()
        } else throw err
      }
    },
    /** Ends this device's session on the server (best effort: offline, the token is simply forgotten here). */
    async signOut(): Promise<void> {
      try {
        await api.logout()
      } catch {
        // Offline or already revoked: the device forgets the token either way.
      }
      session.getState().signOut()
    },
    createPairing: () => api.createPairing(),
    /** Joins this device to the member who showed the code; what this device had read is kept by the caller. */
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
    /** Everything the server stores about the member (我的数据). */
    async myData() {
      await this.ensureSignedIn()
      return api.myData()
    }
  }
}
