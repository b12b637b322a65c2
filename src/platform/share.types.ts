export interface ShareTarget {
  title: string
  /** The app path with query, e.g. /pages/article/index?issue=…&article=… */
  path: string
  text?: string
}

export type ShareOutcome = 'shared' | 'copied' | 'menu' | 'cancelled' | 'failed'

/** Sharing an article: the Web Share API or a copied link on H5; on weapp the share button/menu does it. */
export interface Share {
  /** True when the platform shares through a share button (weapp `openType="share"`). */
  usesShareButton: boolean
  share(target: ShareTarget): Promise<ShareOutcome>
  /** The full link for a path on this platform (H5: origin + hash route). */
  linkFor(path: string): string
}
