import { useEffect, useRef } from 'react'
import { renderingCache } from '../platform/rendering-cache'

/** Time for Taro to send the render to the page's data (it batches setData) before the tree is read. */
const FLUSH_MS = 16

/**
 * Keeps what the page shows as its weapp initial rendering cache once `ready` (and still ready after Taro has sent
 * it), without the elements that have one of the `live` classes; once per opening of the page. Pages whose content
 * depends on the link (an issue, an article) keep only their loading skeleton: the cache is the page's, not the link's.
 */
export function useRenderingCache(ready: boolean, live: readonly string[] = []): void {
  const page = useRef<unknown>(undefined)
  if (page.current === undefined) page.current = renderingCache.page()
  const stillReady = useRef(ready)
  stillReady.current = ready
  const kept = useRef(false)
  const latestLive = useRef(live)
  latestLive.current = live
  useEffect(() => {
    if (!ready || kept.current) return
    const t = setTimeout(() => {
      if (!stillReady.current || kept.current) return
      kept.current = true
      renderingCache.keep(page.current, latestLive.current)
    }, FLUSH_MS)
    return () => clearTimeout(t)
  }, [ready])
}
