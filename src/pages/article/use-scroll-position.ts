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
  /**
   * An element to open at instead (a linked paragraph), put `offset` px below the top of the screen; asked once,
   * after the first measure. Null, or an element not found: `initialFraction` is used.
   */
  initialAnchor?(): { selector: string; offset: number } | null
  /**
   * Takes over a position restored elsewhere (H5's pre-painted article): asked once, after the first measure, before
   * the anchor and the fraction; true when it scrolled the page, which is then left where it is.
   */
  handOver?(): boolean
  /** The page was scrolled to the anchor. */
  onAnchored?(): void
  /**
   * The reading position changed: a fraction 0..1 of the scrollable height. `byReader` is false for the scrolls
   * that landing on the anchor caused (the reader did not scroll there: it must not count as reaching the end).
   */
  onPosition(fraction: number, byReader: boolean): void
}

/** Scrolls within this time of the jump to an anchor are the jump landing, not the reader. */
const LANDING_MS = 800
/** After landing, the reader has scrolled once the page moved more than this from where it landed. */
const LANDING_SLACK_PX = 8

interface Landing {
  /** Until when scrolls are the jump landing. */
  until: number
  /** Where the page landed (the last scroll of the landing). */
  at: number | null
}

/** Whether a scroll to `scrollTop` is the reader's own; ends the landing once the reader moved away from it. */
function scrolledByReader(landing: { current: Landing | null }, scrollTop: number): boolean {
  const l = landing.current
  if (!l) return true
  if (Date.now() < l.until) {
    l.at = scrollTop
    return false
  }
  if (l.at !== null && Math.abs(scrollTop - l.at) <= LANDING_SLACK_PX) return false
  landing.current = null
  return true
}

/**
 * The page's scroll position as a fraction of its scrollable height: measured once laid out (again when the
 * layout changes), restored once to `initialAnchor` or else `initialFraction`, and reported on every scroll. A
 * page shorter than the screen counts as read through (position 1).
 */
export function useScrollPosition(opts: ScrollPositionOptions): number {
  const { selector, ready, layoutKey } = opts
  const [fraction, setFraction] = useState(0)
  const height = useRef(0)
  const top = useRef(0)
  const restored = useRef(false)
  // Set while the page is landing on an anchor it jumped to.
  const landing = useRef<Landing | null>(null)
  const report = (scrollTop: number) => {
    const f = height.current > 0 ? Math.min(1, scrollTop / height.current) : 0
    setFraction(f)
    latest.current.onPosition(f, scrolledByReader(landing, scrollTop))
  }
  // The callbacks change on every render; the effect below must not re-run for that, only read the latest.
  const latest = useRef(opts)
  latest.current = opts

  useEffect(() => {
    if (!ready) return
    const restoreFraction = () => {
      const target = latest.current.initialFraction()
      if (target > 0.005) void Taro.pageScrollTo({ scrollTop: Math.round(target * height.current), duration: 0 })
    }
    const t = setTimeout(() => {
      Taro.createSelectorQuery()
        .select(selector)
        .boundingClientRect()
        .exec((res) => {
          const rect = res?.[0] as { height: number } | null
          height.current = Math.max(0, (rect?.height ?? 0) - windowHeight())
          if (height.current < 24) latest.current.onPosition(1, true)
          // Scrolled before the page was measured (a slow phone): those scrolls counted as 0; count where it is now.
          else if (top.current > 0) report(top.current)
          if (restored.current) return
          restored.current = true
          if (latest.current.handOver?.()) return
          const anchor = latest.current.initialAnchor?.() ?? null
          if (!anchor) return restoreFraction()
          Taro.createSelectorQuery()
            .select(anchor.selector)
            .boundingClientRect()
            .exec((found) => {
              const at = found?.[0] as { top: number } | null
              if (!at || typeof at.top !== 'number') return restoreFraction()
              landing.current = { until: Date.now() + LANDING_MS, at: null }
              const scrollTop = Math.max(0, Math.round(top.current + at.top - anchor.offset))
              void Taro.pageScrollTo({ scrollTop, duration: 0 })
              latest.current.onAnchored?.()
            })
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
