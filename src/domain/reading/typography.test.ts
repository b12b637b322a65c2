import { describe, expect, it } from 'vitest'
import { clampFontStep, DEFAULT_FONT_STEP, FONT_STEPS, typographyFor } from './typography'

describe('typography', () => {
  it('uses 17 px body text at the default step and standard system scale', () => {
    expect(typographyFor(DEFAULT_FONT_STEP, false, 1).bodyPx).toBe(17)
  })
  it('follows the system font scale (fontSizeScaleFactor)', () => {
    expect(typographyFor(DEFAULT_FONT_STEP, false, 1.4).bodyPx).toBeCloseTo(23.8)
  })
  it('gives at least 24 px and 48 px touch targets in care mode', () => {
    const t = typographyFor(0, true, 1)
    expect(t.bodyPx).toBeGreaterThanOrEqual(24)
    expect(t.touchPx).toBeGreaterThanOrEqual(48)
    expect(typographyFor(FONT_STEPS.length - 1, true, 1).bodyPx).toBe(26)
  })
  it('clamps whatever was persisted into a valid step', () => {
    expect(clampFontStep(99)).toBe(FONT_STEPS.length - 1)
    expect(clampFontStep(-3)).toBe(0)
    expect(clampFontStep('x')).toBe(DEFAULT_FONT_STEP)
    expect(clampFontStep(Number.NaN)).toBe(DEFAULT_FONT_STEP)
  })
})
