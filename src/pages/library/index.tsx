import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { readCount } from '../../domain/progress/progress'
import { campaignPath, issuePath, quizPath } from '../../domain/routes'
import { IssueCard } from '../../components/IssueCard'
import { OfflineBanner } from '../../components/OfflineBanner'
import { services } from '../../services'
import { useLibrary, useOffline, useProgress } from '../../stores'
import { useRenderingCache } from '../rendering-cache'
import { useThemeClass } from '../theme'

/** What on the shelf comes from live state: left out of the weapp rendering cache (see useRenderingCache). */
const LIVE = [
  'offline-banner',
  'library-download',
  'notice',
  'issue-card__bar-fill',
  'issue-card__progress',
  'issue-card__badge'
]

export default function LibraryPage() {
  const theme = useThemeClass()
  const issues = useLibrary((s) => s.issues)
  const status = useLibrary((s) => s.status)
  const error = useLibrary((s) => s.error)
  const progress = useProgress((s) => s.articles)
  const online = useOffline((s) => s.online)
  const downloaded = useOffline((s) => s.downloaded)
  const downloading = useOffline((s) => s.downloading)
  const downloadError = useOffline((s) => s.error)
  // The shelf as it was, at once on the next cold start (weapp), without its live parts.
  useRenderingCache(issues.length > 0, LIVE)

  // Shown again (another tab, the app back in front): the issues and what this member read on other devices.
  useDidShow(() => {
    void services.refreshLibrary()
    void services.sync.syncNow()
  })
  usePullDownRefresh(() => {
    void Promise.all([services.refreshLibrary(), services.sync.syncNow()]).finally(() => Taro.stopPullDownRefresh())
  })

  const open = (id: string) => Taro.navigateTo({ url: issuePath(id) })
  const missing = issues.filter((i) => !downloaded[i.id]).length
  const busy = Object.keys(downloading).length > 0

  return (
    <View className={theme}>
      <OfflineBanner visible={!online} />
      <View className="page-pad">
        <View className="library-head">
          <View className="library-head__text">
            <Text className="h1">期刊</Text>
            <Text className="muted library-sub">读党史、守初心、担使命</Text>
          </View>
          {issues.length > 0 && online ? (
            <Text
              className="btn ghost library-download"
              data-testid="download-all"
              onClick={() => {
                if (!busy && missing > 0) void services.downloadAll()
              }}
            >
              {busy ? '下载中…' : missing > 0 ? '全部下载' : '已全部下载'}
            </Text>
          ) : null}
        </View>
        <View
          className="quiz-entry"
          data-testid="open-quiz"
          aria-role="button"
          aria-label="答题：练习与百题竞答"
          onClick={() => void Taro.navigateTo({ url: quizPath() })}
        >
          <Text className="quiz-entry__title">答题 · 百题竞答</Text>
          <Text className="muted quiz-entry__sub">练习、错题本与计分竞答 ›</Text>
        </View>
        <View
          className="quiz-entry"
          data-testid="open-campaign"
          aria-role="button"
          aria-label="读党史、守初心、担使命：活动进度"
          onClick={() => void Taro.navigateTo({ url: campaignPath() })}
        >
          <Text className="quiz-entry__title">「读党史、守初心、担使命」· 活动进度</Text>
          <Text className="muted quiz-entry__sub">读、听、讲、答四个环节，看看我的进度 ›</Text>
        </View>
        {downloadError ? <View className="notice">{downloadError}</View> : null}
        {issues.map((issue) => (
          <IssueCard
            key={issue.id}
            issue={issue}
            readCount={readCount(progress, issue.id)}
            offline={!!downloaded[issue.id]}
            downloading={downloading[issue.id] ?? null}
            onOpen={open}
          />
        ))}
        {issues.length === 0 && (status === 'loading' || status === 'idle') ? (
          <View>
            <View className="skeleton-card" />
            <View className="skeleton-card" />
          </View>
        ) : null}
        {issues.length === 0 && status === 'ready' ? (
          <View className="empty-state muted">还没有期刊。组织发布新一期后，下拉即可刷新。</View>
        ) : null}
        {issues.length === 0 && error ? (
          <View className="empty-state muted" data-testid="library-error">
            {error}
          </View>
        ) : null}
      </View>
    </View>
  )
}
