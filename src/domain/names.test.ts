import { describe, expect, it } from 'vitest'
import { cleanName, DEVICE_NAME_MAX } from './names'

describe('cleanName', () => {
  it('trims and keeps ordinary names, counting code points', () => {
    expect(cleanName('  小王 ', 20)).toBe('小王')
    expect(cleanName('iPhone Safari', DEVICE_NAME_MAX)).toBe('iPhone Safari')
    expect(cleanName('😀'.repeat(20), 20)).toBe('😀'.repeat(20))
    expect(cleanName('é', 20)).toBe('é')
  })

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['too long', '字'.repeat(21)],
    ['a control character', 'a\u0000b'],
    ['a bidi override', 'a\u202Eb'],
    ['a bidi isolate', '\u2067名\u2069'],
    ['a zero-width space', 'a\u200Bb'],
    ['a zero-width joiner alone', '\u200D'],
    ['a Hangul filler', '\u3164'],
    ['a half-width Hangul filler', '\uFFA0'],
    ['the blank Braille cell', '\u2800\u2800'],
    ['combining marks alone', '\u0301\u0302'],
    ['a variation selector alone', '\uFE0F'],
    ['a line separator', 'a\u2028b'],
    ['a private-use character', 'a\uE000'],
    ['a lone surrogate', 'a\uD800']
  ])('refuses %s', (_what, name) => {
    expect(cleanName(name, 20)).toBeNull()
  })
})
