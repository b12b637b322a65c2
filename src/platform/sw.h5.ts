import { Workbox } from 'workbox-window'
import type { ServiceWorkerControl } from './sw.types'

export type { ServiceWorkerControl, ServiceWorkerStatus } from './sw.types'

/** Service workers need a secure http(s) page; iOS WeChat's WKWebView has none, so feature-detect only. */
function supported(): boolean {
  return (
    typeof window !== 'undefined' &&
    'serviceWorker' in navigator &&
    /^https?:$/.test(window.location.protocol) &&
    window.isSecureContext !== false
  )
}

export const serviceWorker: ServiceWorkerControl = {
  async register(onUpdateReady) {
    if (!supported()) return 'unsupported'
    const wb = new Workbox('/sw.js')
    let registration: ServiceWorkerRegistration | undefined
    let accepted = false
    let reloaded = false
    const reload = () => {
      if (reloaded) return
      reloaded = true
      window.location.reload()
    }
    // With clientsClaim the first install also fires `controlling`; only an accepted update reloads.
    wb.addEventListener('controlling', () => {
      if (accepted) reload()
    })
    // Also fires for a worker left waiting by an earlier visit, or installed by another tab.
    wb.addEventListener('waiting', () => {
      onUpdateReady(() => {
        accepted = true
        // If another tab already activated it, nothing is waiting and no `controlling` will come.
        if (registration?.waiting) wb.messageSkipWaiting()
        else reload()
      })
    })
    try {
      registration = await wb.register()
    } catch {
      return 'failed'
    }
    // A reading app stays open for days and a hash router never navigates: check again on return.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void wb.update().catch(() => undefined)
    })
    return registration ? 'registered' : 'failed'
  }
}
