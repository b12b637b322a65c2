import { Text, View } from '@tarojs/components'
import { useSettings } from '../../stores'
import { useThemeClass } from '../theme'

export default function MePage() {
  const theme = useThemeClass()
  const night = useSettings((s) => s.nightMode)
  const setNight = useSettings((s) => s.setNightMode)
  return (
    <View className={theme}>
      <View className='page-pad'>
        <Text className='h1'>我的</Text>
        <View className='me-row hairline' onClick={() => setNight(!night)}>
          <Text>夜间模式</Text>
          <Text className='muted'>{night ? '已开启' : '已关闭'}</Text>
        </View>
      </View>
    </View>
  )
}
