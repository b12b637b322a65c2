import { useEffect, useRef, useState } from 'react'
import Taro, { usePageScroll } from '@tarojs/taro'

function windowHeight(): number {
  try {
    return Taro.getWindowInfo().windowHeight
  } catch {
    return Taro.getSystemInfoSync().windowHeight
  }
}

export interface ScrollPositionOptions {
  /** Selector of the element whose height is scrolled through. */
  selector: string
  /** False until everything is laid out (long articles render in pieces). */
  ready: boolean
  /** Changes whenever the layout does (the type size): the page is measured again. */
  layoutKey: unknown
  /** Where to start, as a fraction of the scrollable height; asked once, after the first measure. */
  initialFraction(): number
  /** The reading position changed: a fraction 0..1 of the scrollable height. */
  onPosition(fraction: number): void
}

/**
 * The page's scroll position as a fraction of its scrollable height: measured once laid out (again when the
 * layout changes), restored once to `initialFraction`, and reported on every scroll. A page shorter than the
 * screen counts as read through (position 1).
 */
export function useScrollPosition(opts: ScrollPositionOptions): number {
  const { selector, ready, layoutKey } = opts
  const [fraction, setFraction] = useState(0)
  const height = useRef(0)
  const top = useRef(0)
  const restored = useRef(false)
  const report = (scrollTop: number) => {
    const f = height.current > 0 ? Math.min(1, scrollTop / height.current) : 0
    setFraction(f)
    latest.current.onPosition(f)
  }
  // The callbacks change on every render; the effect below must not re-run for that, only read the latest.
  const latest = useRef(opts)
  latest.current = opts

  useEffect(() => {
    if (!ready) return
    const t = setTimeout(() => {
      Taro.createSelectorQuery()
        .select(selector)
        .boundingClientRect()
        .exec((res) => {
          const rect = res?.[0] as { height: number } | null
          height.current = Math.max(0, (rect?.height ?? 0) - windowHeight())
          if (height.current < 24) latest.current.onPosition(1)
          // Scrolled before the page was measured (a slow phone): those scrolls counted as 0; count where it is now.
          else if (top.current > 0) report(top.current)
          if (restored.current) return
          restored.current = true
          const target = latest.current.initialFraction()
          if (target > 0.005) void Taro.pageScrollTo({ scrollTop: Math.round(target * height.current), duration: 0 })
        })
    }, 60)
    return () => clearTimeout(t)
  }, [selector, ready, layoutKey])

  usePageScroll(({ scrollTop }) => {
    top.current = scrollTop
    report(scrollTop)
  })

  return fraction
}
