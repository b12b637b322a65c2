import { useSettings } from '../stores'

/** The screen's theme classes from the reading settings. */
export function useThemeClass(): string {
  const night = useSettings((s) => s.nightMode)
  const care = useSettings((s) => s.careMode)
  return `screen${night ? ' theme-night' : ''}${care ? ' theme-care' : ''}`
}
