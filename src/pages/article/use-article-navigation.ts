import { useCallback } from 'react'
import Taro from '@tarojs/taro'
import { articlePath, issuePath } from '../../domain/routes'

/**
 * Moving on from an article: to another article of the issue (replacing this page), or to the contents (back,
 * when the reader came from there; else opened). `beforeLeave` saves the reading session first.
 */
export function useArticleNavigation(issueId: string, beforeLeave: () => void) {
  const goToArticle = useCallback(
    (articleId: string) => {
      beforeLeave()
      void Taro.redirectTo({ url: articlePath(issueId, articleId) })
    },
    [issueId, beforeLeave]
  )
  const goToContents = useCallback(() => {
    beforeLeave()
    const pages = Taro.getCurrentPages()
    const prev = pages[pages.length - 2]
    if (prev?.route?.includes('pages/issue/index')) void Taro.navigateBack()
    else void Taro.navigateTo({ url: issuePath(issueId) })
  }, [issueId, beforeLeave])
  return { goToArticle, goToContents }
}
