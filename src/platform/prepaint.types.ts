import type { ArticleView } from '../domain/reading/prepaint'

/** The article painted before the app booted (H5), handed over to the article page once it is ready. */
export interface Prepaint {
  /**
   * The article page of `issueId`/`articleId` is laid out: scrolls the page (`.taro_page`) so that it shows exactly
   * what the pre-painted article shows (where the reader may have scrolled meanwhile), then removes the pre-paint.
   * True when it did so (the page's own restore is then skipped); false when there was none for this article.
   */
  handOver(issueId: string, articleId: string): boolean
  /**
   * The article page shows this article: kept (with the stored copy's hash) for the next cold start to paint at once.
   * Nothing is kept when the issue is not stored on the device.
   */
  remember(issueId: string, articleId: string, view: ArticleView): void
  /**
   * The article page of `issueId`/`articleId` is on top (`shown`), or not any more: the article last on top is the
   * one a start without a route opens again (H5; the mini-program's page config has `restartStrategy`).
   */
  onTop(issueId: string, articleId: string, shown: boolean): void
  /** The page shows something else (an error, another article): the pre-paint goes, and none may come later. */
  dismiss(): void
}
