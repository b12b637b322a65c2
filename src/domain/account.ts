export type { Member, SignInReply as SignedIn } from './api/account'

/** Letters and digits that cannot be mistaken for each other when read aloud or typed (no 0/O, 1/I/L). */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/** Length of pairing and join codes. */
export const CODE_LENGTH = 8

const CODE_RE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`)

/**
 * Pairing and join codes as people type them, in the one form the server stores: full-width characters (a
 * Chinese keyboard) become ASCII, letters upper case, spaces and dashes go. Letters outside the alphabet
 * (O, I, L) are kept, not guessed at: 0 and 1 are not in it either, so there is nothing safe to map them to.
 */
export function normalizeCode(input: string): string {
  return input
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\-\u2010-\u2015\u30fc]+/g, '')
    .toUpperCase()
}

/** Whether a normalized code can be a code at all (8 characters of CODE_ALPHABET); anything else is refused unseen. */
export function isCode(normalized: string): boolean {
  return CODE_RE.test(normalized)
}

/** Shows a code in two groups of four, easier to read aloud: ABCD EFGH. */
export function formatCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code
}
