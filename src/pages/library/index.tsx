import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { readCount } from '../../domain/progress/progress'
import { campaignPath, issuePath, quizPath, searchPath } from '../../domain/routes'
import { Action } from '../../components/Action'
import { IssueCard } from '../../components/IssueCard'
import { LiveRegion } from '../../components/LiveRegion'
import { OfflineBanner } from '../../components/OfflineBanner'
import { services } from '../../services'
import { useLibrary, useOffline, useProgress } from '../../stores'
import { useStatusAnnouncement } from '../announce'
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
  const announcement = useStatusAnnouncement()
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
      <LiveRegion message={announcement} />
      <OfflineBanner visible={!online} />
      <View className="page-pad">
        <View className="library-head">
          <View className="library-head__text">
            <Text className="h1">期刊</Text>
            <Text className="muted library-sub">读党史、守初心、担使命</Text>
          </View>
          {issues.length > 0 && online ? (
            <Action
              className="btn ghost library-download"
              testId="download-all"
              label={busy ? '下载中' : missing > 0 ? `全部下载，${missing} 期未下载` : '已全部下载'}
              disabled={busy || missing === 0}
              onPress={() => void services.downloadAll()}
            >
              {busy ? '下载中…' : missing > 0 ? '全部下载' : '已全部下载'}
            </Action>
          ) : null}
        </View>
        <Action
          className="library-search"
          testId="open-search"
          label="搜索标题和正文（所有期刊）"
          onPress={() => void Taro.navigateTo({ url: searchPath() })}
        >
          <Text className="library-search__icon" aria-hidden>
            ⌕
          </Text>
          <Text className="library-search__text">搜索标题和正文</Text>
        </Action>
        <Action className="quiz-entry" testId="open-quiz" onPress={() => void Taro.navigateTo({ url: quizPath() })}>
          <Text className="quiz-entry__title">答题 · 百题竞答</Text>
          <Text className="muted quiz-entry__sub">练习、错题本与计分竞答 ›</Text>
        </Action>
        <Action
          className="quiz-entry"
          testId="open-campaign"
          onPress={() => void Taro.navigateTo({ url: campaignPath() })}
        >
          <Text className="quiz-entry__title">「读党史、守初心、担使命」· 活动进度</Text>
          <Text className="muted quiz-entry__sub">读、听、讲、答四个环节，看看我的进度 ›</Text>
        </Action>
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
