import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { formatBytes } from '../../domain/format'
import { readingStats } from '../../domain/progress/progress'
import { FONT_STEPS } from '../../domain/reading/typography'
import { accountPath, myDataPath, offlinePath, orgPath, quizPath } from '../../domain/routes'
import { syncStatusText } from '../../domain/sync/status'
import { useProgress, useSession, useSettings, useOffline, useSyncStatus } from '../../stores'
import { Action } from '../../components/Action'
import { LiveRegion } from '../../components/LiveRegion'
import { SyncStatusLine } from '../../components/SyncStatusLine'
import { services } from '../../services'
import { useStatusAnnouncement } from '../announce'
import { useThemeClass } from '../theme'
import { AccountCard } from '../../components/AccountCard'
import { dayOf, monthDayClock, previousDay } from './dates'
import './index.css'

function minutes(ms: number): string {
  const m = Math.round(ms / 60000)
  return m < 60 ? `${m} 分钟` : `${Math.floor(m / 60)} 小时 ${m % 60} 分钟`
}

/** A row of 我的 that opens another page: its name, and a hint of what is there. */
function OpenRow(p: { testId: string; label: string; title: string; hint: string; url: string }) {
  return (
    <Action
      className="me-row hairline"
      testId={p.testId}
      label={p.label}
      onPress={() => void Taro.navigateTo({ url: p.url })}
    >
      <Text>{p.title}</Text>
      <Text className="muted">{p.hint} ›</Text>
    </Action>
  )
}

export default function MePage() {
  const theme = useThemeClass()
  const s = useSettings((x) => x)
  const articles = useProgress((x) => x.articles)
  const downloads = useOffline((x) => x.storage.downloads.length)
  const downloadedBytes = useOffline((x) => x.storage.downloadedBytes)
  const stats = readingStats(articles, dayOf(Date.now()), dayOf, previousDay)
  const sync = useSyncStatus((x) => x)
  const announcement = useStatusAnnouncement()
  const member = useSession((x) => x.member)
  // 我的 is where a member checks that their reading is saved: fetch what other devices did, send what waits; and
  // the account card shows what may have changed elsewhere (another device paired, an organizer's change).
  useDidShow(() => {
    void services.sync.syncNow()
    void services.account.update()
  })
  const syncText = syncStatusText(sync, Date.now(), monthDayClock)
  return (
    <View className={theme}>
      <LiveRegion message={announcement} />
      <View className="page-pad">
        <Text className="h1">我的</Text>
        <AccountCard member={member} signingIn={!member} />
        <OpenRow
          testId="open-account"
          label="账号与设备：改名、组织、配对、退出"
          title="账号与设备"
          hint="改名 · 组织 · 配对 · 退出"
          url={accountPath()}
        />
        {member?.org ? (
          <OpenRow
            testId="me-open-org"
            label={`组织情况：${member.org.name}`}
            title="组织情况"
            hint={member.org.name}
            url={orgPath()}
          />
        ) : null}
        {sync.enabled && (
          <SyncStatusLine text={syncText} tone={sync.state === 'error' || sync.state === 'offline' ? 'warn' : 'ok'} />
        )}
        <View className="stats" data-testid="stats">
          <View className="stat">
            <Text className="stat__value accent">{stats.articlesRead}</Text>
            <Text className="stat__label muted">已读文章</Text>
          </View>
          <View className="stat">
            <Text className="stat__value accent">{minutes(stats.timeSpentMs)}</Text>
            <Text className="stat__label muted">阅读时长</Text>
          </View>
          <View className="stat">
            <Text className="stat__value accent">{stats.streakDays} 天</Text>
            <Text className="stat__label muted">连续阅读</Text>
          </View>
        </View>

        <Text className="me-group muted">阅读设置</Text>
        <View className="me-row hairline">
          <Text>字号</Text>
          <View className="me-font">
            <Action
              className="me-chip"
              label="缩小字号 A−"
              disabled={s.fontStep <= 0}
              testId="me-font-smaller"
              onPress={s.smallerText}
            >
              A−
            </Action>
            <Text className="muted">
              {s.fontStep + 1}/{FONT_STEPS.length}
            </Text>
            <Action
              className="me-chip"
              label="放大字号 A+"
              disabled={s.fontStep >= FONT_STEPS.length - 1}
              testId="me-font-bigger"
              onPress={s.biggerText}
            >
              A+
            </Action>
          </View>
        </View>
        <Action
          className="me-row hairline"
          pressed={s.careMode}
          testId="me-care"
          onPress={() => s.setCareMode(!s.careMode)}
        >
          <Text>关怀模式（大字、高对比）</Text>
          <Text className={s.careMode ? 'accent' : 'muted'}>{s.careMode ? '已开启' : '已关闭'}</Text>
        </Action>
        <Action
          className="me-row hairline"
          pressed={s.nightMode}
          testId="me-night"
          onPress={() => s.setNightMode(!s.nightMode)}
        >
          <Text>夜间模式</Text>
          <Text className={s.nightMode ? 'accent' : 'muted'}>{s.nightMode ? '已开启' : '已关闭'}</Text>
        </Action>
        <OpenRow
          testId="me-open-quiz"
          label="答题与成绩：练习、错题本、百题竞答"
          title="答题与成绩"
          hint="练习 · 错题本 · 百题竞答"
          url={quizPath()}
        />
        <OpenRow
          testId="open-offline"
          label={`离线内容：${downloads > 0 ? `${downloads} 期，${formatBytes(downloadedBytes)}` : '未下载'}`}
          title="离线内容"
          hint={downloads > 0 ? `${downloads} 期 · ${formatBytes(downloadedBytes)}` : '未下载'}
          url={offlinePath()}
        />
        <OpenRow
          testId="open-my-data"
          label="我的数据：查看保存了哪些信息"
          title="我的数据"
          hint="查看保存了哪些信息"
          url={myDataPath()}
        />
      </View>
    </View>
  )
}
