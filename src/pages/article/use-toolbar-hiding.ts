import { useCallback, useRef, useState } from 'react'
import { usePageScroll } from '@tarojs/taro'

/** Scrolled this far down from the top before the toolbar may hide. */
const HIDE_AFTER_PX = 80
/** Scroll moves smaller than this are jitter, not a direction. */
const JITTER_PX = 8

/** The reader's toolbar hides while scrolling down and returns on scrolling up or on `show` (a tap). */
export function useToolbarHiding(): { hidden: boolean; show(): void } {
  const [hidden, setHidden] = useState(false)
  const lastTop = useRef(0)
  usePageScroll(({ scrollTop }) => {
    if (scrollTop > lastTop.current + JITTER_PX && scrollTop > HIDE_AFTER_PX) setHidden(true)
    else if (scrollTop < lastTop.current - JITTER_PX) setHidden(false)
    lastTop.current = scrollTop
  })
  const show = useCallback(() => setHidden(false), [])
  return { hidden, show }
}
