import type { Privacy, PrivacyRequest } from '../platform/privacy'
import type { StoreApi } from 'zustand/vanilla'
import type { PrivacyState } from '../stores/privacy'

/** The id of the popup's agree button (open-type agreePrivacyAuthorization); WeChat checks the agreement came from it. */
export const AGREE_BUTTON_ID = 'privacy-agree'

/**
 * Asks before any privacy API: WeChat calls the platform's handler when a privacy API runs before the member agreed
 * to the 用户隐私保护指引; the popup (pages/privacy-prompt) shows and answers through agree/disagree.
 */
export function createPrivacyService(privacy: Privacy, store: StoreApi<PrivacyState>) {
  const waiting: PrivacyRequest[] = []
  const answer = (fn: (r: PrivacyRequest) => void) => {
    for (const r of waiting.splice(0)) fn(r)
    store.getState().set({ asking: false })
  }
  return {
    /** Registers the handler; called once at launch. */
    start(): void {
      if (!privacy.supported) return
      privacy.onNeedAuthorization((request) => {
        waiting.push(request)
        store.getState().set({ asking: true })
        void privacy.setting().then((s) => {
          if (s.contractName) store.getState().set({ contractName: s.contractName })
        })
      })
    },
    /** The member tapped 同意 (the open-type button's agree event). */
    agree: () => answer((r) => r.agree(AGREE_BUTTON_ID)),
    /** The member tapped 拒绝: the privacy API fails, and nothing it would have done happens. */
    disagree: () => answer((r) => r.disagree()),
    openContract: () => privacy.openContract(),
    copy: (text: string) => privacy.copy(text)
  }
}

export type PrivacyService = ReturnType<typeof createPrivacyService>
