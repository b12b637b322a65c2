// The index of one issue, bit-sliced: every bigram (two adjacent characters of an article's normalized title and
// paragraphs) is hashed to two of the issue's `slots`, and each slot holds one bit per article (a Bloom filter per
// article, stored slot-major so that a query reads a few words per issue instead of every article's filter). An
// article can hold a query only if all the query's bigrams' slots have its bit; the few that pass by a collision
// are then checked against their text. About 5 bits per bigram is far smaller than a postings list (bigram keys
// alone would be 2 characters, 6 UTF-8 bytes, each), so the index stays well under half the size of the text,
// while a two-character word rules out ~90% of the articles without it, and a four-character run 99%+.
// (minisearch with the same bigrams as its tokenizer was compared in bench/search.bench.ts: 5.2× the size of the
// text and 23× slower to build, for a slower query, so it was dropped.)

/** Bits per bigram of the issue: with two bits per bigram, a false positive (1 − e^(−2/5))² ≈ 11% per bigram. */
const BITS_PER_BIGRAM = 5

/** The hash of the bigram a, b (UTF-16 code units; build and query use the same units). */
export function bigramHash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)
  h ^= h >>> 15
  h = Math.imul(h, 0x2c1b3c6d)
  h ^= h >>> 12
  // 31 bits: a small integer to the JavaScript engine, so `%` stays an integer operation in the query loop.
  return h & 0x7fffffff
}

/** The second slot of a bigram, from the same hash. */
const second = (h: number) => (Math.imul(h ^ (h >>> 13), 0x5bd1e995) ^ (h >>> 7)) & 0x7fffffff

/** The two hashes of every bigram of a normalized text, one after the other (what candidateArticles takes). */
export function bigramHashes(text: string): number[] {
  const out: number[] = []
  for (let i = 0; i + 1 < text.length; i++) {
    const h = bigramHash(text.charCodeAt(i), text.charCodeAt(i + 1))
    out.push(h, second(h))
  }
  return out
}

/**
 * An issue's slices: `slots` slots of `width` bits (one per article) packed end to end into 32-bit words, so no
 * bit is wasted whatever the number of articles: bit `slot * width + a` is article a's bit in that slot.
 */
export interface Slices {
  slots: number
  width: number
  words: Uint32Array
}

/** Up to 32 bits of `words` starting at bit `at` (LSB first), the rest zero. */
function bitsAt(words: Uint32Array, at: number, len: number): number {
  const i = at >>> 5
  const shift = at & 31
  let v = words[i] >>> shift
  if (shift !== 0 && shift + len > 32) v |= words[i + 1] << (32 - shift)
  return len === 32 ? v : v & ((1 << len) - 1)
}

/** The slices of an issue's articles, each given as its normalized texts (title, paragraphs). */
export function buildSlices(articles: string[][]): Slices {
  let bigrams = 0
  for (const texts of articles) for (const t of texts) bigrams += Math.max(0, t.length - 1)
  const width = Math.max(1, articles.length)
  const slots = Math.max(32, Math.ceil((bigrams * BITS_PER_BIGRAM) / width))
  // One word more than the bits need: reading 32 bits at the last slot never reads past the end.
  const words = new Uint32Array(Math.ceil((slots * width) / 32) + 1)
  const set = (bit: number) => (words[bit >>> 5] |= 1 << (bit & 31))
  articles.forEach((texts, a) => {
    for (const t of texts) {
      for (let i = 0; i + 1 < t.length; i++) {
        const h = bigramHash(t.charCodeAt(i), t.charCodeAt(i + 1))
        set((h % slots) * width + a)
        set((second(h) % slots) * width + a)
      }
    }
  })
  return { slots, width, words }
}

/** The articles whose slots hold every hash of bigramHashes (certainly not the others), appended to `out`. */
export function candidateArticles(s: Slices, hashes: readonly number[], out: number[] = []): number[] {
  const { slots, width, words } = s
  for (let from = 0; from < width; from += 32) {
    const len = Math.min(32, width - from)
    let acc = len === 32 ? -1 : (1 << len) - 1
    for (let i = 0; i < hashes.length && acc !== 0; i++) acc &= bitsAt(words, (hashes[i] % slots) * width + from, len)
    for (let b = 0; acc !== 0; b++, acc >>>= 1) if (acc & 1) out.push(from + b)
  }
  return out
}

/** The words as little-endian bytes (the same on every platform). */
export function wordsToBytes(words: Uint32Array): Uint8Array {
  const out = new Uint8Array(words.length * 4)
  for (let i = 0; i < words.length; i++) {
    const v = words[i]
    out[i * 4] = v & 255
    out[i * 4 + 1] = (v >>> 8) & 255
    out[i * 4 + 2] = (v >>> 16) & 255
    out[i * 4 + 3] = v >>> 24
  }
  return out
}

export function bytesToWords(bytes: Uint8Array): Uint32Array | null {
  if (bytes.length % 4 !== 0) return null
  const out = new Uint32Array(bytes.length / 4)
  for (let i = 0; i < out.length; i++)
    out[i] = (bytes[i * 4] | (bytes[i * 4 + 1] << 8) | (bytes[i * 4 + 2] << 16) | (bytes[i * 4 + 3] << 24)) >>> 0
  return out
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
