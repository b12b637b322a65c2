/** What registering gave: no service workers here (weapp, iOS WKWebView, tests), a worker, or an error. */
export type ServiceWorkerStatus = 'registered' | 'unsupported' | 'failed'

export interface ServiceWorkerControl {
  /**
   * Registers the app's service worker. When a new version is installed and waiting, calls onUpdateReady
   * with `apply`, which activates it and reloads the page; nothing changes until the user calls it.
   */
  register(onUpdateReady: (apply: () => void) => void): Promise<ServiceWorkerStatus>
}
