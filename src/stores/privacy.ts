import { createStore, type StoreApi } from 'zustand/vanilla'

export interface PrivacyState {
  /** A privacy API waits for the member's answer: the popup shows. */
  asking: boolean
  /** The 用户隐私保护指引's name as WeChat reports it (e.g. 《党史阅读小程序隐私保护指引》); '' until known. */
  contractName: string
  set(next: Partial<Omit<PrivacyState, 'set'>>): void
}

/** The privacy popup's state; display only (WeChat itself remembers the member's agreement). */
export function createPrivacyStore(): StoreApi<PrivacyState> {
  return createStore<PrivacyState>()((set) => ({ asking: false, contractName: '', set: (next) => set(next) }))
}
