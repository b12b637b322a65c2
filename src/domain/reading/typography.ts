/** Body font sizes (px) at the standard system setting; index 2 is WeChat's iOS standard 17 px. */
export const FONT_STEPS = [15, 16, 17, 19, 21, 23, 26] as const
export const DEFAULT_FONT_STEP = 2
/** 关怀模式 starts at about 24 px (ui.md) and keeps the larger of that and the chosen size. */
export const CARE_MODE_MIN_PX = 24

export interface Typography {
  bodyPx: number
  titlePx: number
  metaPx: number
  lineHeight: number
  /** Minimum touch-target height in px. */
  touchPx: number
}

/** Clamp a stored font step into range, whatever was persisted. */
export function clampFontStep(step: unknown): number {
  const n = typeof step === 'number' && Number.isFinite(step) ? Math.round(step) : DEFAULT_FONT_STEP
  return Math.min(FONT_STEPS.length - 1, Math.max(0, n))
}

/**
 * Reading typography for a font step, care mode and the system font scale (WeChat's fontSizeScaleFactor).
 * Text grows; spacing does not (ui.md), so only sizes are returned here.
 */
export function typographyFor(step: number, careMode: boolean, systemScale = 1): Typography {
  const scale = Number.isFinite(systemScale) && systemScale > 0 ? Math.min(systemScale, 2) : 1
  let body = FONT_STEPS[clampFontStep(step)] * scale
  if (careMode) body = Math.max(body, CARE_MODE_MIN_PX)
  body = Math.round(body * 10) / 10
  return {
    bodyPx: body,
    titlePx: Math.round(body * 1.3 * 10) / 10,
    metaPx: Math.max(14, Math.round(body * 0.82 * 10) / 10),
    lineHeight: 1.8,
    touchPx: careMode ? 48 : 44
  }
}
