/** Small pure hashing helpers (no Node or Web APIs, so the same code runs in the mini-program). */

/**
 * Calls `visit` with each UTF-8 byte of the text, so hashes match implementations in other languages. A lone
 * surrogate is written as U+FFFD, as TextEncoder and Node's Buffer write it.
 */
function eachUtf8Byte(text: string, visit: (byte: number) => void): void {
  for (const ch of text) {
    let c = ch.codePointAt(0) ?? 0
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd
    if (c < 0x80) visit(c)
    else if (c < 0x800) {
      visit(0xc0 | (c >> 6))
      visit(0x80 | (c & 0x3f))
    } else if (c < 0x10000) {
      visit(0xe0 | (c >> 12))
      visit(0x80 | ((c >> 6) & 0x3f))
      visit(0x80 | (c & 0x3f))
    } else {
      visit(0xf0 | (c >> 18))
      visit(0x80 | ((c >> 12) & 0x3f))
      visit(0x80 | ((c >> 6) & 0x3f))
      visit(0x80 | (c & 0x3f))
    }
  }
}

/** FNV-1a 32-bit hash of the UTF-8 bytes of `text`, as 8 lower-case hex digits. */
export function fnv1a32(text: string): string {
  let h = 0x811c9dc5
  eachUtf8Byte(text, (b) => {
    h ^= b
    h = Math.imul(h, 0x01000193)
  })
  return (h >>> 0).toString(16).padStart(8, '0')
}

/** Length of `text` in UTF-8 bytes (lone surrogates count as the 3 bytes of U+FFFD, as encoders write them). */
export function utf8Length(text: string): number {
  // Counted over code units, without a callback per byte: the client runs this on every issue it stores.
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4
      i++
    } else n += 3
  }
  return n
}
