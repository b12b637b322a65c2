// The mini-program updates through WeChat (Taro.getUpdateManager), not through a service worker.
import type { ServiceWorkerControl } from './sw.types'

export type { ServiceWorkerControl, ServiceWorkerStatus } from './sw.types'

export const serviceWorker: ServiceWorkerControl = {
  register: async () => 'unsupported'
}
