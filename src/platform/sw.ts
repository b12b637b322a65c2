// Default implementation (tests, Node): no service workers. Taro picks sw.h5.ts / sw.weapp.ts in the builds.
import type { ServiceWorkerControl } from './sw.types'

export type { ServiceWorkerControl, ServiceWorkerStatus } from './sw.types'

export const serviceWorker: ServiceWorkerControl = {
  register: async () => 'unsupported'
}
