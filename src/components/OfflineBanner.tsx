import { Text, View } from '@tarojs/components'

export interface OfflineBannerProps {
  visible: boolean
}

/** Tells the reader the network is gone and that their reading is still kept. */
export function OfflineBanner({ visible }: OfflineBannerProps) {
  if (!visible) return null
  return (
    <View className="offline-banner" data-testid="offline-banner">
      <Text>当前无网络，可阅读已下载的期刊，阅读进度会保存在本机</Text>
    </View>
  )
}
