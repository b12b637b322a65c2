import { useCallback, useEffect, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { progressKey } from '../../domain/progress/progress'
import { articleLength, displayTitle, locateArticle } from '../../domain/reading/navigation'
import { articleParams } from '../../domain/routes'
import { FONT_STEPS } from '../../domain/reading/typography'
import { Action } from '../../components/Action'
import { LiveRegion } from '../../components/LiveRegion'
import { articleView } from '../../domain/reading/prepaint'
import { OfflineBanner } from '../../components/OfflineBanner'
import { ListenBar } from '../../components/ListenBar'
import { ReaderToolbar } from '../../components/ReaderToolbar'
import { TypePanel } from '../../components/TypePanel'
import { prepaint } from '../../platform/prepaint'
import { share } from '../../platform/share'
import { system } from '../../platform/system'
import { progressStore, useOffline, useSettings } from '../../stores'
import { useIssue, useParams, useTypography } from '../hooks'
import { useStatusAnnouncement } from '../announce'
import { useRenderingCache } from '../rendering-cache'
import { useThemeClass } from '../theme'
import { useReadingSession } from './reading-session'
import { useArticleNavigation } from './use-article-navigation'
import { useArticleShare } from './use-article-share'
import { useListen } from './use-listen'
import { useProgressiveCount } from './use-progressive'
import { useScrollPosition } from './use-scroll-position'
import { useToolbarHiding } from './use-toolbar-hiding'
import './index.css'

/** Paragraphs rendered per step: long articles appear in pieces instead of freezing the page (setData ≤ 256 KB). */
const CHUNK = 24
/** A linked paragraph opens this far below the top of the screen, under the reading progress bar. */
const PARAGRAPH_OFFSET = 32

/** The element id of paragraph `i` (weapp ids: letters, digits, `-` and `_`). */
const paragraphId = (i: number) => `para-${i}`

export default function ArticlePage() {
  const theme = useThemeClass()
  const { issue: issueId = '', article: articleId = '', fromShare, paragraph } = articleParams(useParams())
  const load = useIssue(issueId || undefined)
  const type = useTypography()
  const settings = useSettings((s) => s)
  const online = useOffline((s) => s.online)
  const singlePage = system.isSinglePageMode()
  const announcement = useStatusAnnouncement()
  const issue = load.status === 'ready' ? load.issue : null
  const at = issue && articleId ? locateArticle(issue, articleId) : null
  const article = at?.current.article ?? null
  const sectionTitle = at?.current.sectionTitle ?? ''
  // The same strings as H5's pre-paint (src/domain/reading/prepaint.ts), so its hand-over changes nothing on screen.
  const view = useMemo(
    () => (issue && articleId ? articleView(issue, articleId, singlePage) : null),
    [issue, articleId, singlePage]
  )
  const total = article?.paragraphs.length ?? 0
  // A link to one of the paragraphs (`p=`): opened at it and highlighted. Out of range: opened as usual.
  const linked = paragraph !== undefined && paragraph < total ? paragraph : null

  const [typeOpen, setTypeOpen] = useState(false)
  const [highlighted, setHighlighted] = useState<number | null>(null)
  const shown = useProgressiveCount(total, CHUNK)
  // weapp: the loading skeleton is kept and shown at once next time (the text depends on the link).
  useRenderingCache(load.status === 'loading')
  const session = useReadingSession(issueId, articleId, article ? articleLength(article) : 0)
  const toolbar = useToolbarHiding()
  const fraction = useScrollPosition({
    selector: '.article-root',
    // Every paragraph rendered (a linked one may be far beyond the first chunk), so the page can be measured.
    ready: !!article && shown >= total,
    layoutKey: type.bodyPx,
    // A shared link opens the article at its top; otherwise continue where the reader left off.
    initialFraction: () =>
      fromShare ? 0 : (progressStore.getState().articles[progressKey(issueId, articleId)]?.position ?? 0),
    // An article pre-painted before the app booted (H5): the page takes over where it shows the text.
    handOver: () => linked === null && prepaint.handOver(issueId, articleId),
    initialAnchor: () => (linked === null ? null : { selector: `#${paragraphId(linked)}`, offset: PARAGRAPH_OFFSET }),
    onAnchored: () => setHighlighted(linked),
    // Landing on a linked paragraph is kept as the position but is not reading to the end: only the reader's own
    // scrolling (or time spent) marks the article read.
    onPosition: (f, byReader) => {
      session.update(f, byReader && f >= 0.98)
      // The tint stays until the reader scrolls on, then fades.
      if (byReader) setHighlighted(null)
    }
  })
  const listening = useListen(issue, article, paragraphId)
  const doShare = useArticleShare(issueId, articleId, article ? displayTitle(article) : '党史阅读')
  const { goToArticle, goToContents } = useArticleNavigation(issueId, session.flush)
  const onShare = useCallback(() => {
    void doShare()
  }, [doShare])

  useEffect(() => {
    if (article) void Taro.setNavigationBarTitle({ title: sectionTitle })
  }, [article, sectionTitle])
  // A pre-paint stays only while this article loads: an error or another article replaces it.
  const showsArticle = load.status === 'loading' || !!article
  useEffect(() => {
    if (!showsArticle) prepaint.dismiss()
  }, [showsArticle])
  useEffect(() => () => prepaint.dismiss(), [])
  // H5: what the next cold start paints before the app has booted, and (while this page is on top) that a start
  // without a route comes back here.
  useEffect(() => {
    if (!view) return
    prepaint.remember(issueId, articleId, view)
    prepaint.onTop(issueId, articleId, true)
  }, [view, issueId, articleId])
  useDidShow(() => {
    if (view) prepaint.onTop(issueId, articleId, true)
  })
  useDidHide(() => prepaint.onTop(issueId, articleId, false))
  useEffect(() => () => prepaint.onTop(issueId, articleId, false), [issueId, articleId])

  if (load.status === 'loading')
    return (
      <View className={theme}>
        <View className="page-pad">
          <View className="skeleton-line wide" />
          <View className="skeleton-block" />
        </View>
      </View>
    )
  if (!issue || !at || !article || !view) {
    const message = load.status === 'error' ? load.message : '找不到这篇文章，可能已被删除。'
    return (
      <View className={theme}>
        <OfflineBanner visible={!online} />
        <View className="empty-state muted" data-testid="article-missing">
          {message}
        </View>
      </View>
    )
  }

  return (
    <View className={theme} onClick={toolbar.show}>
      <ReadingProgress percent={Math.round(fraction * 100)} />
      <LiveRegion message={announcement} />
      <OfflineBanner visible={!online} />
      {singlePage ? <View className="single-page-hint">来自朋友圈的分享 · 打开小程序可阅读全部期刊</View> : null}
      <View className="article-root page-pad" data-testid="article">
        <Text className="article-section accent">{view.section}</Text>
        <Text className="article-title" style={{ fontSize: `${type.titlePx}px` }} userSelect>
          {view.title}
        </Text>
        <Text className="article-meta muted">{view.meta}</Text>
        <View className="article-text" style={{ fontSize: `${type.bodyPx}px` }}>
          {article.paragraphs.slice(0, shown).map((p, i) => (
            <Text
              key={i}
              id={paragraphId(i)}
              className={`para${i === highlighted ? ' para--linked' : ''}${i === listening.reading ? ' para--aloud' : ''}`}
              userSelect
            >
              {p}
            </Text>
          ))}
        </View>
        {/* Always there, so the attribution appearing is a small update: inserting it into article-root would make
            Taro resend all of article-root's children, the whole article, in one setData (over 256 KB when long). */}
        <View className="article-end">
          {view.source && shown >= total ? (
            <Text className="attribution" style={{ fontSize: `${type.metaPx}px` }}>
              {view.source}
            </Text>
          ) : null}
        </View>
        {at.next && !singlePage ? (
          <Action className="next-card" testId="next-card" onPress={() => goToArticle(at.next!.article.id)}>
            <Text className="muted next-card__label">
              下一篇{at.next.sectionTitle !== at.current.sectionTitle ? ` · 【${at.next.sectionTitle}】` : ''}
            </Text>
            <Text className="next-card__title">{displayTitle(at.next.article)}</Text>
          </Action>
        ) : null}
        <View className="toolbar-space" />
      </View>
      {/* Room for the listen bar, so it never covers the last lines. Always there and only its class changes: a node
          inserted beside article-root would have Taro resend the whole page tree in one setData. */}
      <View className={listening.bar ? 'listen-space listen-space--on' : 'listen-space'} />
      <ReaderToolbar
        hidden={toolbar.hidden && !typeOpen}
        hasPrevious={!!at.previous}
        hasNext={!!at.next}
        navigation={!singlePage}
        shareButton={share.usesShareButton}
        onPrevious={() => at.previous && goToArticle(at.previous.article.id)}
        onNext={() => at.next && goToArticle(at.next.article.id)}
        onContents={goToContents}
        onType={() => setTypeOpen(true)}
        onShare={onShare}
        onListen={listening.hasAudio || listening.canReadAloud ? listening.open : undefined}
      />
      {listening.bar ? <ListenBar {...listening.bar} lowered={toolbar.hidden && !typeOpen} /> : null}
      <TypePanel
        visible={typeOpen}
        fontStep={settings.fontStep}
        maxStep={FONT_STEPS.length - 1}
        careMode={settings.careMode}
        nightMode={settings.nightMode}
        onSmaller={settings.smallerText}
        onBigger={settings.biggerText}
        onCareMode={settings.setCareMode}
        onNightMode={settings.setNightMode}
        onClose={() => setTypeOpen(false)}
      />
    </View>
  )
}

/** The thin bar of how far the reader is: a progress bar to assistive technology (a label on weapp). */
function ReadingProgress({ percent }: { percent: number }) {
  const a11y =
    process.env.TARO_ENV === 'h5'
      ? {
          role: 'progressbar',
          'aria-label': '阅读进度',
          'aria-valuemin': '0',
          'aria-valuemax': '100',
          'aria-valuenow': String(percent),
          'aria-valuetext': `已读 ${percent}%`
        }
      : { 'aria-label': `阅读进度 ${percent}%` }
  return <View className="reading-progress" data-testid="reading-progress" style={{ width: `${percent}%` }} {...a11y} />
}
