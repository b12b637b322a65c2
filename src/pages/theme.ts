import { useEffect } from 'react'
import { pageRegion } from '../platform/page-region'
import { useSettings } from '../stores'

/** The screen's theme classes from the reading settings; also makes the page's scrolling container keyboard-reachable. */
export function useThemeClass(): string {
  const night = useSettings((s) => s.nightMode)
  const care = useSettings((s) => s.careMode)
  useEffect(() => pageRegion.label('页面内容'), [])
  return `screen${night ? ' theme-night' : ''}${care ? ' theme-care' : ''}`
}
