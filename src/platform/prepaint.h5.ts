import {
  PREPAINT_DONE_ATTR,
  PREPAINT_ID,
  STORAGE_KEYS,
  storedHash,
  type ArticleSnapshot,
  type ResumePoint
} from '../domain/reading/prepaint'
import { kv } from './kv'
import type { Prepaint } from './prepaint.types'

export type { Prepaint } from './prepaint.types'

const close = (): HTMLElement | null => {
  document.documentElement.setAttribute(PREPAINT_DONE_ATTR, '')
  return document.getElementById(PREPAINT_ID)
}

/** The first of `paras` whose bottom is below the top of the screen, with its index. */
function firstVisible(paras: ArrayLike<Element>): number {
  for (let i = 0; i < paras.length; i++) if (paras[i].getBoundingClientRect().bottom > 0) return i
  return -1
}

export const prepaint: Prepaint = {
  handOver(issueId, articleId) {
    const node = close()
    if (!node) return false
    try {
      if (node.dataset.issue !== issueId || node.dataset.article !== articleId) return false
      const before = node.querySelectorAll('.article-text .para')
      const after = document.querySelectorAll('.taro_page .article-text .para')
      const page = after[0]?.closest('.taro_page') as HTMLElement | null
      if (!page) return false
      // Align on the paragraph at the top of the screen, to the pixel: same text at the same place, no jump.
      const i = firstVisible(before)
      if (i >= 0 && after[i]) {
        page.scrollTop += after[i].getBoundingClientRect().top - before[i].getBoundingClientRect().top
      } else page.scrollTop = node.scrollTop
      return true
    } finally {
      // In the same task as the scroll: the next frame shows the page where the pre-paint was.
      node.remove()
    }
  },
  remember(issueId, articleId, view) {
    try {
      const hash = storedHash((key) => kv.getItem(key), issueId)
      if (hash === null) return kv.removeItem(STORAGE_KEYS.lastArticle)
      const snapshot: ArticleSnapshot = { issueId, articleId, hash, view }
      kv.setItem(STORAGE_KEYS.lastArticle, JSON.stringify(snapshot))
    } catch {
      // Full storage: the next start reads the file store instead.
    }
  },
  onTop(issueId, articleId, shown) {
    try {
      if (shown) {
        const point: ResumePoint = { issueId, articleId }
        kv.setItem(STORAGE_KEYS.resume, JSON.stringify(point))
        return
      }
      // The app itself going away (Taro hides the page when the tab is hidden or closed) leaves the member on it.
      if (document.visibilityState === 'hidden') return
      // Only this article's mark: the next article (redirectTo) may have set its own already.
      const raw = kv.getItem(STORAGE_KEYS.resume)
      const point = raw ? (JSON.parse(raw) as Partial<ResumePoint>) : null
      if (!point || (point.issueId === issueId && point.articleId === articleId)) kv.removeItem(STORAGE_KEYS.resume)
    } catch {
      // Full storage or a damaged mark: the next start opens 书架, as it would without one.
      kv.removeItem(STORAGE_KEYS.resume)
    }
  },
  dismiss() {
    close()?.remove()
  }
}
