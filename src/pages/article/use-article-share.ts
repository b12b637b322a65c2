import { useCallback } from 'react'
import Taro, { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { articleShareQuery, articleSharePath } from '../../domain/routes'
import { share } from '../../platform/share'
import { services } from '../../services'

// In the article page's folder (its subpackage on weapp): only this page shares.
const CARD_5X4 = '/pages/article/share/card-5x4.png'
const CARD_1X1 = '/pages/article/share/card-1x1.png'

/** Records a share of an article (讲), synced like reading; a share that cannot be recorded is still a share. */
function recordShare(issueId: string, articleId: string, channel: 'chat' | 'moments' | 'link'): void {
  try {
    const now = Date.now()
    services.sync.record('share', {
      issueId,
      articleId,
      channel,
      shareId: `${services.sync.clientId()}-${now.toString(36)}`,
      at: now
    })
  } catch {
    // Storage full: only the count misses it.
  }
}

/**
 * Sharing an article: weapp's share menu and Moments (a shared link opens the article at its top, from=share),
 * and the 分享 button (H5: the Web Share API or a copied link), with a toast that says what happened.
 */
export function useArticleShare(issueId: string, articleId: string, title: string): () => Promise<void> {
  // A share is counted for the member's 讲 progress; nothing is ever given for it (no 诱导分享).
  useShareAppMessage(() => {
    recordShare(issueId, articleId, 'chat')
    return { title, path: articleSharePath(issueId, articleId), imageUrl: CARD_5X4 }
  })
  useShareTimeline(() => {
    recordShare(issueId, articleId, 'moments')
    return { title, query: articleShareQuery(issueId, articleId), imageUrl: CARD_1X1 }
  })
  return useCallback(async () => {
    const outcome = await share.share({ title, path: articleSharePath(issueId, articleId) })
    if (outcome === 'shared' || outcome === 'copied') recordShare(issueId, articleId, 'link')
    if (outcome === 'copied') void Taro.showToast({ title: '链接已复制，可粘贴到群聊', icon: 'none' })
    else if (outcome === 'failed') void Taro.showToast({ title: '分享失败，请稍后再试', icon: 'none' })
    else if (outcome === 'menu') void Taro.showToast({ title: '点击右上角“···”分享', icon: 'none' })
  }, [issueId, articleId, title])
}
