import { View } from '@tarojs/components'

export interface LiveRegionProps {
  /** The latest status to announce (下载完成, 已同步, 网络已断开); empty when there is nothing new. */
  message: string
}

const isH5 = process.env.TARO_ENV === 'h5'

/**
 * The one polite live region of a screen: a screen reader speaks each new message without moving focus. It stays
 * in the page (only its text changes), because a live region added together with its text is not announced.
 * H5 only: WeChat's mini-program screen reader has no live regions, and the same statuses are shown on screen.
 */
export function LiveRegion({ message }: LiveRegionProps) {
  if (!isH5) return null
  return (
    <View className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="live-region">
      {message}
    </View>
  )
}
