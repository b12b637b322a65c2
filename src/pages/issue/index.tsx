import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePageScroll, useShareAppMessage } from '@tarojs/taro'
import { formatChineseDate, formatIssueNumber } from '../../domain/format'
import { progressKey } from '../../domain/progress/progress'
import { displayTitle } from '../../domain/reading/navigation'
import type { Issue } from '../../domain/issue/types'
import { articlePath, issueParam, issueSharePath, libraryPath, mePath } from '../../domain/routes'
import { Action } from '../../components/Action'
import { ArticleRow } from '../../components/ArticleRow'
import { LiveRegion } from '../../components/LiveRegion'
import { OfflineBanner } from '../../components/OfflineBanner'
import { SectionBar } from '../../components/SectionBar'
import { ShortNews } from '../../components/ShortNews'
import { services } from '../../services'
import { useOffline, useProgress } from '../../stores'
import { scrollToSelector, useIssue, useParams, useTypography } from '../hooks'
import { useStatusAnnouncement } from '../announce'
import { useRenderingCache } from '../rendering-cache'
import { useThemeClass } from '../theme'
import './index.css'

const BAR_HEIGHT = 64

/** Sections whose items have no titles (信息短波) are read in place rather than opened one by one. */
const isShortNews = (articles: Issue['sections'][number]['articles']) =>
  articles.length > 0 && articles.every((a) => a.title === null)

/**
 * Whether no tab page is under this one: opened from a link (a shared issue, or 目录 of a shared article). 书架 is then
 * not a back away, so the page offers it (WeChat's own home button is on the first page only; H5 has none).
 */
function useNoShelfBelow(): boolean {
  const [none] = useState(
    () => !Taro.getCurrentPages().some((p) => [libraryPath(), mePath()].some((tab) => p.route?.includes(tab.slice(1))))
  )
  return none
}

export default function IssuePage() {
  const theme = useThemeClass()
  // `issue` in current links, `id` in older ones: routes reads both.
  const id = issueParam(useParams())
  const load = useIssue(id)
  const type = useTypography()
  const progress = useProgress((s) => s.articles)
  const online = useOffline((s) => s.online)
  const downloaded = useOffline((s) => (id ? !!s.downloaded[id] : false))
  const downloading = useOffline((s) => (id ? s.downloading[id] : undefined))
  const downloadError = useOffline((s) => s.error)
  const announcement = useStatusAnnouncement()
  const shelfLink = useNoShelfBelow()
  const [active, setActive] = useState(0)
  const offsets = useRef<number[]>([])
  const jumping = useRef(0)
  const scrolled = useRef(0)

  const issue = load.status === 'ready' ? load.issue : null
  // weapp: the loading skeleton is kept and shown at once next time (the contents depend on the link).
  useRenderingCache(load.status === 'loading')

  useEffect(() => {
    if (issue)
      void Taro.setNavigationBarTitle({
        title: `${issue.title} ${formatIssueNumber(issue.number, null, issue.supplement)}`
      })
  }, [issue])

  // Section positions for the scroll spy, measured after layout (again once fonts have settled) and on each jump.
  const measure = (then?: () => void) => {
    Taro.createSelectorQuery()
      .selectAll('.section-head')
      .boundingClientRect()
      .exec((res) => {
        const rects = (res?.[0] ?? []) as Array<{ top: number }>
        offsets.current = rects.map((r) => r.top + scrolled.current)
        then?.()
      })
  }
  useEffect(() => {
    if (!issue) return
    const timers = [setTimeout(() => measure(), 120), setTimeout(() => measure(), 1200)]
    return () => timers.forEach(clearTimeout)
  }, [issue, type.bodyPx])

  usePageScroll(({ scrollTop }) => {
    scrolled.current = scrollTop
    if (Date.now() < jumping.current) return
    const y = scrollTop + BAR_HEIGHT + 8
    let current = 0
    offsets.current.forEach((top, i) => {
      if (top <= y) current = i
    })
    setActive(current)
  })

  useShareAppMessage(() => ({
    title: issue
      ? `${issue.title} ${formatIssueNumber(issue.number, issue.totalNumber, issue.supplement)}`
      : '党史阅读',
    path: issueSharePath(id ?? '')
  }))

  const jump = (i: number) => {
    setActive(i)
    jumping.current = Date.now() + 400
    // Measured offsets give the same result on both targets (H5 scales pageScrollTo's offsetTop like a style length).
    measure(() => {
      const top = offsets.current[i]
      // duration 0: Taro H5's eased scroll overshoots its target by about 1.4% on its last frame.
      if (top !== undefined) void Taro.pageScrollTo({ scrollTop: Math.max(0, top - BAR_HEIGHT), duration: 0 })
      else scrollToSelector(`#section-${i}`, BAR_HEIGHT)
    })
  }
  const open = (articleId: string) => Taro.navigateTo({ url: articlePath(id ?? '', articleId) })

  if (load.status === 'loading')
    return (
      <View className={theme}>
        <View className="page-pad">
          <View className="skeleton-line wide" />
          <View className="skeleton-line" />
          <View className="skeleton-block" />
        </View>
      </View>
    )
  if (load.status === 'error' || !issue)
    return (
      <View className={theme}>
        <OfflineBanner visible={!online} />
        <View className="empty-state muted">{load.status === 'error' ? load.message : ''}</View>
      </View>
    )

  return (
    <View className={theme}>
      <LiveRegion message={announcement} />
      <OfflineBanner visible={!online} />
      <View className="masthead">
        <Text className="masthead__title">{issue.title}</Text>
        <Text className="masthead__line">{formatIssueNumber(issue.number, issue.totalNumber, issue.supplement)}</Text>
        <Text className="masthead__line muted">
          {[issue.editor, formatChineseDate(issue.publishedOn)].filter(Boolean).join(' · ')}
        </Text>
        <View className="masthead__actions">
          {shelfLink ? (
            <Action
              key="shelf"
              className="btn ghost small masthead__shelf"
              testId="issue-shelf"
              label="回到书架"
              onPress={() => void Taro.switchTab({ url: libraryPath() })}
            >
              回到书架
            </Action>
          ) : null}
          {/* Keys: a Text must not lose its only handler in place — Taro 4.2 then crashes the commit on weapp
              (componentsAlias['pure-text'] is undefined, NervJS/taro#19453) and every tap in the app goes dead. */}
          {downloading !== undefined ? (
            <Text key="progress" className="btn ghost small" data-testid="download-progress">
              下载中 {Math.round(downloading * 100)}%
            </Text>
          ) : downloaded ? (
            <Text key="offline" className="btn ghost small" data-testid="offline-badge">
              ✓ 已下载，可离线阅读
            </Text>
          ) : (
            <Action
              key="download"
              className="btn small"
              testId="download-issue"
              label="下载离线阅读"
              onPress={() => {
                void services.downloadIssue(issue.id)
              }}
            >
              下载离线阅读
            </Action>
          )}
        </View>
        {downloadError ? <View className="notice">{downloadError}</View> : null}
      </View>
      <SectionBar titles={issue.sections.map((s) => s.title)} active={active} onSelect={jump} />
      <View className="page-pad issue-body">
        {issue.sections.map((section, i) => (
          <View key={section.title + i} className="section">
            <Text id={`section-${i}`} className="section-head accent">
              【{section.title}】
            </Text>
            {isShortNews(section.articles)
              ? section.articles.map((a) => (
                  <ShortNews key={a.id} paragraphs={a.paragraphs} source={a.source} fontPx={type.bodyPx} />
                ))
              : section.articles.map((a) => (
                  <ArticleRow
                    key={a.id}
                    id={a.id}
                    title={displayTitle(a)}
                    source={a.source}
                    read={!!progress[progressKey(issue.id, a.id)]?.read}
                    fontPx={type.bodyPx}
                    onOpen={open}
                  />
                ))}
          </View>
        ))}
      </View>
    </View>
  )
}
