import Taro from '@tarojs/taro'
import type { SystemInfo } from './system.types'

export type { SystemInfo } from './system.types'
export const system: SystemInfo = {
  fontScale() {
    try {
      const info = Taro.getAppBaseInfo() as { fontSizeScaleFactor?: number }
      return typeof info.fontSizeScaleFactor === 'number' && info.fontSizeScaleFactor > 0 ? info.fontSizeScaleFactor : 1
    } catch {
      return 1
    }
  },
  isSinglePageMode() {
    try {
      return Taro.getLaunchOptionsSync().scene === 1154
    } catch {
      return false
    }
  }
}
