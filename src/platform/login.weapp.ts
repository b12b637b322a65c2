import Taro from '@tarojs/taro'
import type { PlatformLogin } from './login.types'

export type { PlatformLogin } from './login.types'
export const login: PlatformLogin = {
  kind: 'wechat',
  async code() {
    try {
      return (await Taro.login()).code ?? null
    } catch {
      return null
    }
  },
  deviceName: () => '微信小程序'
}
