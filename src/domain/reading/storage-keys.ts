// What the H5 pre-paint (./prepaint) reads before the app boots, named once: the storage keys the app's stores and
// content repository write under.

/** Where the app keeps what the pre-paint needs. */
export const STORAGE_KEYS = {
  /** Reading settings (zustand persist envelope of SettingsRecord), key-value store. */
  settings: 'settings',
  /** Reading progress (zustand persist envelope of ProgressRecord), key-value store. */
  progress: 'progress',
  /** The offline catalog (Catalog), key-value store. */
  catalog: 'content.catalog',
  /** The last issue index seen online (IssueSummary[]), key-value store; a cache (`cache.` prefix) it may drop. */
  index: 'cache.content.index',
  /** The H5 file store: IndexedDB database and object store holding the issues' JSON. */
  filesDb: 'dangshi-content',
  filesStore: 'files',
  /**
   * The article last shown (ArticleSnapshot), key-value store, H5 only: read synchronously, it paints in the very
   * first frame (the file store answers only after the app's bundle has run). A cache: the kv store may drop it.
   */
  lastArticle: 'cache.prepaint.article',
  /**
   * The article the app was left on (ResumePoint), key-value store, H5 only: set while an article page is on top,
   * cleared when the member goes elsewhere. A start without a route opens it again (the mini-program's
   * `restartStrategy: 'homePageAndLatestPage'`). A cache: the kv store may drop it.
   */
  resume: 'cache.prepaint.resume'
} as const

/** The file an issue is kept in by the content repository. */
export const issueFileName = (id: string): string => `issue-${id}.json`
