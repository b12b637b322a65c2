import Taro from '@tarojs/taro'
import type { Privacy, PrivacyRequest } from './privacy.types'

export type { Privacy, PrivacyRequest } from './privacy.types'

type Resolve = (r: { event: 'agree' | 'disagree'; buttonId?: string }) => void
interface PrivacyWx {
  canIUse(schema: string): boolean
  onNeedPrivacyAuthorization?(listener: (resolve: Resolve, event: { referrer: string }) => void): void
  getPrivacySetting?(o: {
    success(r: { needAuthorization: boolean; privacyContractName: string }): void
    fail(): void
  }): void
  openPrivacyContract?(o: { success(): void; fail(): void }): void
}
declare const wx: PrivacyWx | undefined

// The privacy APIs arrived in base library 2.32.3, above the app's floor (2.30.4): older WeChat skips them all,
// and there privacy APIs run without asking, as they always did.
const api = (name: keyof PrivacyWx) =>
  typeof wx !== 'undefined' && typeof wx[name] === 'function' && wx.canIUse(name) ? wx : null

export const privacy: Privacy = {
  get supported() {
    return api('onNeedPrivacyAuthorization') !== null
  },
  onNeedAuthorization(handler) {
    api('onNeedPrivacyAuthorization')?.onNeedPrivacyAuthorization?.((resolve) => {
      const request: PrivacyRequest = {
        agree: (buttonId) => resolve({ event: 'agree', buttonId }),
        disagree: () => resolve({ event: 'disagree' })
      }
      handler(request)
    })
  },
  setting() {
    const w = api('getPrivacySetting')
    if (!w?.getPrivacySetting) return Promise.resolve({ needAuthorization: false, contractName: '' })
    const get = w.getPrivacySetting.bind(w)
    return new Promise((resolve) =>
      get({
        success: (r) => resolve({ needAuthorization: r.needAuthorization, contractName: r.privacyContractName ?? '' }),
        fail: () => resolve({ needAuthorization: false, contractName: '' })
      })
    )
  },
  openContract() {
    const w = api('openPrivacyContract')
    if (!w?.openPrivacyContract) return Promise.resolve()
    const open = w.openPrivacyContract.bind(w)
    return new Promise((resolve) => open({ success: () => resolve(), fail: () => resolve() }))
  },
  async copy(text) {
    try {
      await Taro.setClipboardData({ data: text })
      return true
    } catch {
      // Refused (the member declined the privacy guide) or failed: nothing was copied.
      return false
    }
  }
}
