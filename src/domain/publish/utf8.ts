/**
 * Decodes UTF-8 bytes by hand (the mini-program has no TextDecoder). Like TextDecoder without `fatal`, each
 * maximal invalid sequence becomes one U+FFFD and a byte-order mark is kept, so the text's line numbers and its
 * hash are those of the file; the importer then refuses the U+FFFD with its line (a GBK file is the usual cause).
 */
export function decodeUtf8(bytes: Uint8Array): string {
  const units: number[] = []
  const chunks: string[] = []
  const flush = () => {
    chunks.push(String.fromCharCode(...units))
    units.length = 0
  }
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    let cp = 0xfffd
    let next = i + 1
    if (b < 0x80) cp = b
    else if (b >= 0xc2 && b <= 0xf4) {
      const need = b < 0xe0 ? 1 : b < 0xf0 ? 2 : 3
      // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
      const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80
      const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf
      let value = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07)
      let k = 0
      for (; k < need; k++) {
        const c = bytes[i + 1 + k]
        if (c === undefined || c < (k === 0 ? lo : 0x80) || c > (k === 0 ? hi : 0xbf)) break
        value = (value << 6) | (c & 0x3f)
      }
      // On a bad continuation byte, U+FFFD stands for what was read and decoding resumes at that byte.
      next = i + 1 + k
      if (k === need) cp = value
    }
    if (cp >= 0x10000) units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff))
    else units.push(cp)
    if (units.length >= 8192) flush()
    i = next
  }
  flush()
  return chunks.join('')
}
