import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePageScroll, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { progressKey } from '../../domain/progress/progress'
import { articleLength, displayTitle, locateArticle } from '../../domain/reading/navigation'
import { FONT_STEPS } from '../../domain/reading/typography'
import { OfflineBanner } from '../../components/OfflineBanner'
import { ReaderToolbar } from '../../components/ReaderToolbar'
import { TypePanel } from '../../components/TypePanel'
import { share } from '../../platform/share'
import { system } from '../../platform/system'
import { progressStore, useOffline, useSettings } from '../../stores'
import { useIssue, useParams, useTypography } from '../hooks'
import { useThemeClass } from '../theme'
import { useReadingSession } from './reading-session'
import './index.css'

/** Paragraphs rendered per step: long articles appear in pieces instead of freezing the page (setData ≤ 256 KB). */
const CHUNK = 24
const articlePath = (issueId: string, articleId: string) => `/pages/article/index?issue=${encodeURIComponent(issueId)}&article=${encodeURIComponent(articleId)}`

function windowHeight(): number {
  try { return Taro.getWindowInfo().windowHeight } catch { return Taro.getSystemInfoSync().windowHeight }
}

export default function ArticlePage() {
  const theme = useThemeClass()
  const { issue: issueId, article: articleId, from } = useParams()
  const load = useIssue(issueId)
  const type = useTypography()
  const settings = useSettings((s) => s)
  const online = useOffline((s) => s.online)
  const singlePage = system.isSinglePageMode()
  const issue = load.status === 'ready' ? load.issue : null
  const at = issue && articleId ? locateArticle(issue, articleId) : null
  const article = at?.current.article ?? null
  const total = article?.paragraphs.length ?? 0

  const [shown, setShown] = useState(CHUNK)
  const [fraction, setFraction] = useState(0)
  const [toolbarHidden, setToolbarHidden] = useState(false)
  const [typeOpen, setTypeOpen] = useState(false)
  const height = useRef(0)
  const lastTop = useRef(0)
  const restored = useRef(false)
  const session = useReadingSession(issueId, articleId, article ? articleLength(article) : 0)

  useEffect(() => {
    if (article) void Taro.setNavigationBarTitle({ title: at?.current.sectionTitle ?? '' })
  }, [article, at?.current.sectionTitle])

  // Render the rest of a long article a piece at a time after the first screen.
  useEffect(() => {
    if (shown >= total) return
    const t = setTimeout(() => setShown((n) => n + CHUNK), 16)
    return () => clearTimeout(t)
  }, [shown, total])

  // Once everything is laid out (and whenever the type changes): measure, then restore the reading position.
  useEffect(() => {
    if (!article || shown < total) return
    const t = setTimeout(() => {
      Taro.createSelectorQuery().select('.article-root').boundingClientRect().exec((res) => {
        const rect = res?.[0] as { height: number } | null
        height.current = Math.max(0, (rect?.height ?? 0) - windowHeight())
        if (height.current < 24) session.update(1, true)
        if (restored.current) return
        restored.current = true
        const saved = progressStore.getState().articles[progressKey(issueId ?? '', article.id)]?.position ?? 0
        // A shared link opens the article at its top; otherwise continue where the reader left off.
        const target = from === 'share' ? 0 : saved
        if (target > 0.005) void Taro.pageScrollTo({ scrollTop: Math.round(target * height.current), duration: 0 })
      })
    }, 60)
    return () => clearTimeout(t)
  }, [article, shown, total, type.bodyPx])

  usePageScroll(({ scrollTop }) => {
    const f = height.current > 0 ? Math.min(1, scrollTop / height.current) : 0
    setFraction(f)
    session.update(f, f >= 0.98)
    if (scrollTop > lastTop.current + 8 && scrollTop > 80) setToolbarHidden(true)
    else if (scrollTop < lastTop.current - 8) setToolbarHidden(false)
    lastTop.current = scrollTop
  })

  const shareTitle = article ? displayTitle(article) : '党史阅读'
  useShareAppMessage(() => ({ title: shareTitle, path: `${articlePath(issueId ?? '', articleId ?? '')}&from=share`, imageUrl: '/assets/share/card-5x4.png' }))
  useShareTimeline(() => ({ title: shareTitle, query: `issue=${encodeURIComponent(issueId ?? '')}&article=${encodeURIComponent(articleId ?? '')}&from=share`, imageUrl: '/assets/share/card-1x1.png' }))

  const go = (id: string) => { session.flush(); void Taro.redirectTo({ url: articlePath(issueId ?? '', id) }) }
  const contents = () => {
    session.flush()
    const pages = Taro.getCurrentPages()
    const prev = pages[pages.length - 2]
    if (prev?.route?.includes('pages/issue/index')) void Taro.navigateBack()
    else void Taro.navigateTo({ url: `/pages/issue/index?id=${encodeURIComponent(issueId ?? '')}` })
  }
  const doShare = async () => {
    const outcome = await share.share({ title: shareTitle, path: `${articlePath(issueId ?? '', articleId ?? '')}&from=share` })
    if (outcome === 'copied') void Taro.showToast({ title: '链接已复制，可粘贴到群聊', icon: 'none' })
    else if (outcome === 'failed') void Taro.showToast({ title: '分享失败，请稍后再试', icon: 'none' })
    else if (outcome === 'menu') void Taro.showToast({ title: '点击右上角“···”分享', icon: 'none' })
  }

  if (load.status === 'loading') return <View className={theme}><View className='page-pad'><View className='skeleton-line wide' /><View className='skeleton-block' /></View></View>
  if (!issue || !at || !article) {
    const message = load.status === 'error' ? load.message : '找不到这篇文章，可能已被删除。'
    return <View className={theme}><OfflineBanner visible={!online} /><View className='empty-state muted' data-testid='article-missing'>{message}</View></View>
  }

  return (
    <View className={theme} onClick={() => setToolbarHidden(false)}>
      <View className='reading-progress' style={{ width: `${Math.round(fraction * 100)}%` }} />
      <OfflineBanner visible={!online} />
      {singlePage ? <View className='single-page-hint'>来自朋友圈的分享 · 打开小程序可阅读全部期刊</View> : null}
      <View className='article-root page-pad' data-testid='article'>
        <Text className='article-section accent'>【{at.current.sectionTitle}】</Text>
        <Text className='article-title' style={{ fontSize: `${type.titlePx}px` }} userSelect>{displayTitle(article)}</Text>
        <Text className='article-meta muted'>{issue.title} · 第{issue.number}期 · 第 {at.current.index + 1}/{at.total} 篇</Text>
        <View className='article-text' style={{ fontSize: `${type.bodyPx}px` }}>
          {article.paragraphs.slice(0, shown).map((p, i) => <Text key={i} className='para' userSelect>{p}</Text>)}
        </View>
        {/* Always there, so the attribution appearing is a small update: inserting it into article-root would make
            Taro resend all of article-root's children, the whole article, in one setData (over 256 KB when long). */}
        <View className='article-end'>
          {article.source && shown >= total ? <Text className='attribution' style={{ fontSize: `${type.metaPx}px` }}>（{article.source}）</Text> : null}
        </View>
        {at.next && !singlePage ? (
          <View className='next-card' onClick={() => go(at.next!.article.id)}>
            <Text className='muted next-card__label'>下一篇{at.next.sectionTitle !== at.current.sectionTitle ? ` · 【${at.next.sectionTitle}】` : ''}</Text>
            <Text className='next-card__title'>{displayTitle(at.next.article)}</Text>
          </View>
        ) : null}
        <View className='toolbar-space' />
      </View>
      <ReaderToolbar
        hidden={toolbarHidden && !typeOpen}
        hasPrevious={!!at.previous} hasNext={!!at.next} navigation={!singlePage}
        shareButton={share.usesShareButton}
        onPrevious={() => at.previous && go(at.previous.article.id)}
        onNext={() => at.next && go(at.next.article.id)}
        onContents={contents}
        onType={() => setTypeOpen(true)}
        onShare={() => { void doShare() }}
      />
      <TypePanel
        visible={typeOpen} fontStep={settings.fontStep} maxStep={FONT_STEPS.length - 1}
        careMode={settings.careMode} nightMode={settings.nightMode}
        onSmaller={settings.smallerText} onBigger={settings.biggerText}
        onCareMode={settings.setCareMode} onNightMode={settings.setNightMode}
        onClose={() => setTypeOpen(false)}
      />
    </View>
  )
}
