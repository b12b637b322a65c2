import Taro from '@tarojs/taro'
import type { RenderingCache } from './rendering-cache.types'

export type { RenderingCache } from './rendering-cache.types'

/** A node of the tree Taro renders into a page's data (`root`): children in `cn`, the class list in `cl`. */
interface TaroNode {
  cl?: unknown
  cn?: TaroNode[]
  [key: string]: unknown
}

/** A copy of the tree without the elements that have one of the `live` classes. */
function withoutLive(node: TaroNode, live: readonly string[]): TaroNode {
  if (!Array.isArray(node.cn)) return node
  const isLive = (n: TaroNode) => typeof n.cl === 'string' && n.cl.split(' ').some((c) => live.includes(c))
  return { ...node, cn: node.cn.filter((c) => !isLive(c)).map((c) => withoutLive(c, live)) }
}

interface NativePage {
  data?: { root?: TaroNode }
  setInitialRenderingCache?(data: Record<string, unknown>): void
}

export const renderingCache: RenderingCache = {
  page: () => Taro.getCurrentInstance().page ?? null,
  keep(page, live) {
    const p = page as NativePage | null
    const root = p?.data?.root
    if (!root || typeof p?.setInitialRenderingCache !== 'function') return
    try {
      p.setInitialRenderingCache({ root: withoutLive(root, live) })
    } catch {
      // An older base library: the page simply opens without a cache.
    }
  }
}
