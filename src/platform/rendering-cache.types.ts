/**
 * The mini-program's initial rendering cache (WeChat: a page's json `initialRenderingCache: 'dynamic'`): what a page
 * showed is kept and shown at once the next time it opens, before the logic layer has started. The page names the
 * classes of its live elements (download states, progress, read marks, the network banner); they are left out of
 * what is kept, so the cache never shows a state that the live page would not.
 */
export interface RenderingCache {
  /** The current page, taken while it is being set up (null where there is no such cache). */
  page(): unknown
  /** Keeps what `page` renders now, without the elements having one of the `live` classes, as its cache. */
  keep(page: unknown, live: readonly string[]): void
}
