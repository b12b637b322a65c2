// One bit set per article: every bigram (two adjacent characters of the normalized title and paragraphs) hashed to
// a bit. A query can occur in an article only if all its bigrams' bits are set; the few articles that pass by a
// collision are then checked against their text. A bitset of about 4 bits per bigram is far smaller than a
// postings list (bigram keys alone would be 2 characters, 6 UTF-8 bytes, each), so the index stays well under half
// the size of the text it covers while still ruling out ~85% of articles per bigram and 99%+ for 4-character runs.

/** Bits per bigram of the text; density of set bits is then about 1 − e^(−1/4) ≈ 22% (fewer with repeats). */
const BITS_PER_BIGRAM = 4

/** The hash of the bigram text[i], text[i+1] (UTF-16 code units; build and query use the same units). */
export function bigramHash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)
  h ^= h >>> 15
  h = Math.imul(h, 0x2c1b3c6d)
  h ^= h >>> 12
  return h >>> 0
}

/** The hashes of every bigram of a normalized text. */
export function bigramHashes(text: string): number[] {
  const out: number[] = []
  for (let i = 0; i + 1 < text.length; i++) out.push(bigramHash(text.charCodeAt(i), text.charCodeAt(i + 1)))
  return out
}

/** A bitset with a bit set for every bigram of the given normalized texts. */
export function signatureOf(texts: string[]): Uint8Array {
  let bigrams = 0
  for (const t of texts) bigrams += Math.max(0, t.length - 1)
  const bytes = Math.max(4, Math.ceil((bigrams * BITS_PER_BIGRAM) / 8))
  const bits = new Uint8Array(bytes)
  const m = bytes * 8
  for (const t of texts) {
    for (let i = 0; i + 1 < t.length; i++) {
      const bit = bigramHash(t.charCodeAt(i), t.charCodeAt(i + 1)) % m
      bits[bit >>> 3] |= 1 << (bit & 7)
    }
  }
  return bits
}

/** Whether every hashed bigram may be in the set (false: certainly not). */
export function mayContain(bits: Uint8Array, hashes: number[]): boolean {
  const m = bits.length * 8
  for (const h of hashes) {
    const bit = h % m
    if ((bits[bit >>> 3] & (1 << (bit & 7))) === 0) return false
  }
  return true
}

// Base64 by hand: neither btoa nor TextEncoder exists in the mini-program's JavaScript.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const CODES: Record<string, number> = {}
for (let i = 0; i < ALPHABET.length; i++) CODES[ALPHABET[i]] = i

export function toBase64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += ALPHABET[(n >>> 18) & 63] + ALPHABET[(n >>> 12) & 63]
    out += i + 1 < bytes.length ? ALPHABET[(n >>> 6) & 63] : '='
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '='
  }
  return out
}

/** The bytes of a base64 string, or null when it is not one. */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  const out = new Uint8Array((text.length / 4) * 3 - pad)
  let o = 0
  for (let i = 0; i < text.length; i += 4) {
    let n = 0
    for (let j = 0; j < 4; j++) {
      const ch = text[i + j]
      const v = ch === '=' && i + j >= text.length - pad ? 0 : CODES[ch]
      if (v === undefined) return null
      n = (n << 6) | v
    }
    if (o < out.length) out[o++] = (n >>> 16) & 255
    if (o < out.length) out[o++] = (n >>> 8) & 255
    if (o < out.length) out[o++] = n & 255
  }
  return out
}
