import type { NetworkStatus } from './network.types'

export type { NetworkStatus } from './network.types'
/** Default (tests, Node): always online. */
export const network: NetworkStatus = { isOnline: async () => true, subscribe: () => () => undefined }
