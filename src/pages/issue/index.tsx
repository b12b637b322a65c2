import { View } from '@tarojs/components'
import { useThemeClass } from '../theme'

export default function IssuePage() {
  return <View className={useThemeClass()}><View className='page-pad'>目录</View></View>
}
