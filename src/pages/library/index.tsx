import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { IssueCard } from '../../components/IssueCard'
import { refreshLibrary } from '../../services'
import { useLibrary } from '../../stores'
import { useThemeClass } from '../theme'

export default function LibraryPage() {
  const theme = useThemeClass()
  const issues = useLibrary((s) => s.issues)
  const status = useLibrary((s) => s.status)
  const error = useLibrary((s) => s.error)

  useDidShow(() => { void refreshLibrary() })
  usePullDownRefresh(() => { void refreshLibrary().finally(() => Taro.stopPullDownRefresh()) })

  const open = (id: string) => Taro.navigateTo({ url: `/pages/issue/index?id=${encodeURIComponent(id)}` })

  return (
    <View className={theme}>
      <View className='page-pad'>
        <View className='library-head'>
          <Text className='h1'>期刊</Text>
          <Text className='muted library-sub'>党史学习教育 · 读党史、守初心、担使命</Text>
        </View>
        {issues.map((issue) => (
          <IssueCard key={issue.id} issue={issue} readCount={0} offline={false} onOpen={open} />
        ))}
        {issues.length === 0 && status === 'loading' ? <View className='skeleton-card' /> : null}
        {issues.length === 0 && status === 'ready' ? <View className='empty-state muted'>还没有期刊。组织发布新一期后，下拉即可刷新。</View> : null}
        {error ? <View className='empty-state muted' data-testid='library-error'>{error}</View> : null}
      </View>
    </View>
  )
}
