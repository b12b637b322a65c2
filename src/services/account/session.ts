import type { PlatformLogin } from '../../platform/login'
import type { StoreApi } from 'zustand/vanilla'
import type { SessionState } from '../../stores/session'
import { ApiError, type AccountApi } from './api'

/** Signs in and keeps the member up to date in the session store (账号与设备's actions: ./manage). */
export function createSessionService(api: AccountApi, login: PlatformLogin, session: StoreApi<SessionState>) {
  let pending: Promise<void> | null = null
  let renewing: Promise<void> | null = null
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
    /**
     * After a 401 (session expired, signed out from another device): forgets the dead token and signs in again.
     * Only the token and member change; what waits in the sync outbox stays and is sent as the new session (to the
     * same member on WeChat, carried over to the new member for a device account). Calls at once share one sign-in.
     */
    reauthenticate(): Promise<void> {
      return (renewing ??= (async () => {
        session.getState().signOut()
        await this.ensureSignedIn()
      })().finally(() => {
        renewing = null
      }))
    },
    /** Refreshes the member; a revoked or expired token signs this device in again. */
    async refresh(): Promise<void> {
      try {
        session.getState().setMember((await api.me()).member)
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) await this.reauthenticate()
        else throw err
      }
    },
    /**
     * Signs in when not yet, then fetches the member again (name, organization and devices may have changed on
     * another device or by an organizer). Never fails: offline, the stored member stays.
     */
    async update(): Promise<void> {
      await this.ensureSignedIn()
        .then(() => this.refresh())
        .catch(() => undefined)
    },
    /** Ends this device's session on the server (best effort: offline, the token is simply forgotten here). */
    async signOut(): Promise<void> {
      try {
        await api.logout()
      } catch {
        // Offline or already revoked: the device forgets the token either way.
      }
      session.getState().signOut()
    }
  }
}
