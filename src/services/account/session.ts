import { normalizeCode } from '../../domain/account'
import type { PlatformLogin } from '../../platform/login'
import type { StoreApi } from 'zustand/vanilla'
import type { SessionState } from '../../stores/session'
import { ApiError, type AccountApi } from './api'

/** A sentence for the member, in Chinese, for whatever went wrong. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) {
    switch (err.code) {
      case 'invalid_pairing_code': return '配对码无效或已过期，请在另一台设备上重新生成'
      case 'unknown_join_code': return '没有找到这个组织，请核对加入码'
      case 'invalid_display_name': return '名字需为 1–20 个字'
      case 'rate_limited': return '操作太频繁，请稍后再试'
      case 'unauthorized': return '登录已失效，请重新登录'
      default: return err.status >= 500 ? '服务器暂时不可用，请稍后再试' : '请求未成功，请检查后重试'
    }
  }
  return '网络不可用，请连接网络后重试'
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
      return (pending ??= signIn().finally(() => { pending = null }))
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
    }
  }
}
