import Taro from '@tarojs/taro'
import type { NetworkStatus } from './network.types'

export type { NetworkStatus } from './network.types'
export const network: NetworkStatus = {
  isOnline: () =>
    Taro.getNetworkType().then(
      (r) => r.networkType !== 'none',
      () => true
    ),
  subscribe(listener) {
    const cb = (r: { isConnected: boolean }) => listener(r.isConnected)
    Taro.onNetworkStatusChange(cb)
    return () => Taro.offNetworkStatusChange(cb)
  }
}
