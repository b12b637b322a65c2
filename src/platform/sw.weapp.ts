// The mini-program updates through WeChat, not through a service worker: WeChat checks for a new version at each
// cold start and downloads it in the background. When it is ready, the member is asked whether to restart now (the
// new version is used at the next cold start otherwise), the way WeChat's own guidance does it.
import Taro from '@tarojs/taro'
import type { ServiceWorkerControl } from './sw.types'

export type { ServiceWorkerControl, ServiceWorkerStatus } from './sw.types'

export const serviceWorker: ServiceWorkerControl = {
  // The app's banner is H5's; here WeChat's own modal asks, so onUpdateReady is not called.
  register: async () => {
    const manager = Taro.getUpdateManager?.()
    if (!manager) return 'unsupported'
    manager.onUpdateReady(() => {
      void Taro.showModal({
        title: '发现新版本',
        content: '新版本已经准备好，重启小程序即可使用。现在重启吗？',
        confirmText: '重启',
        cancelText: '稍后'
      }).then(
        (r) => r.confirm && manager.applyUpdate(),
        () => undefined
      )
    })
    return 'registered'
  }
}
