import type { NetworkStatus } from './network.types'

export type { NetworkStatus } from './network.types'
export const network: NetworkStatus = {
  isOnline: async () => navigator.onLine,
  subscribe(listener) {
    const on = () => listener(true)
    const off = () => listener(false)
    window.addEventListener('online', on)
    window.addEventListener('offline', off)
    return () => {
      window.removeEventListener('online', on)
      window.removeEventListener('offline', off)
    }
  }
}
