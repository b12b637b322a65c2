import { describe, expect, it } from 'vitest'
import { CODE_ALPHABET, formatCode, isCode, normalizeCode } from './account'

describe('codes', () => {
  it('normalizes codes the way people type them, with one rule for app and server', () => {
    expect(normalizeCode('abcd-efgh')).toBe('ABCDEFGH')
    expect(normalizeCode(' ABCD EFGH ')).toBe('ABCDEFGH')
    expect(normalizeCode('ＡＢＣＤ－２３４５')).toBe('ABCD2345') // full-width, from a Chinese keyboard
    expect(normalizeCode('abcd\u3000—2345')).toBe('ABCD2345')
    expect(normalizeCode(formatCode('XYZW2345'))).toBe('XYZW2345')
  })

  it('accepts only 8 characters of the unambiguous alphabet', () => {
    expect(isCode('ABCD2345')).toBe(true)
    expect(isCode(CODE_ALPHABET.slice(0, 8))).toBe(true)
    for (const bad of ['ABCD234', 'ABCD23456', 'ABCD2340', 'OBCD2345', 'IBCD2345', 'LBCD2345', 'abcd2345', '']) {
      expect(isCode(bad), bad).toBe(false)
    }
  })
})
