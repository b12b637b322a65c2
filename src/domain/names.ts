/** Characters that draw nothing on their own: Hangul fillers (ㅤ), the blank Braille cell, lone combining marks, variation selectors. */
const BLANK_LOOKING = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{M}\u2800\u3164\uFFA0\u115F\u1160]/gu
/** Control, format (bidi overrides, zero-width joiners), surrogate and line/paragraph separator characters. */
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0]/u

/**
 * The one check for names people see (display names, device names): trimmed, 1–`max` characters (code points, so
 * an emoji is one), no control, bidirectional, invisible or private-use characters, and at least one character that
 * draws something. Returns the trimmed name, or null when it is refused.
 */
export function cleanName(raw: string, max: number): string | null {
  const name = raw.trim()
  const length = [...name].length
  if (length < 1 || length > max || FORBIDDEN.test(name) || name.replace(BLANK_LOOKING, '') === '') return null
  return name
}

/** Longest display name, in characters. */
export const DISPLAY_NAME_MAX = 20
/** Longest device name, in characters (as DeviceNameSchema's maxLength). */
export const DEVICE_NAME_MAX = 40
