import { View } from '@tarojs/components'
import { useThemeClass } from '../theme'

export default function ArticlePage() {
  return <View className={useThemeClass()}><View className='page-pad'>正文</View></View>
}
