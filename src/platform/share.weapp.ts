import Taro from '@tarojs/taro'
import type { Share } from './share.types'

export type { Share, ShareOutcome, ShareTarget } from './share.types'
export const share: Share = {
  usesShareButton: true,
  async share() {
    // Sharing on weapp goes through onShareAppMessage; a plain tap only points at the menu.
    await Taro.showShareMenu({ withShareTicket: false, menus: ['shareAppMessage', 'shareTimeline'] } as never).catch(
      () => undefined
    )
    return 'menu'
  },
  linkFor: (path) => path
}
