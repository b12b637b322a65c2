import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto'
import { CODE_ALPHABET, CODE_LENGTH } from '../../src/domain/account'

/** A new bearer token: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** sha256 hex (of a text's UTF-8 bytes, or of bytes); tokens and codes are stored only in this form, issues hashed. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** A uniformly random code of `length` characters from CODE_ALPHABET. */
export function newCode(length = CODE_LENGTH): string {
  let out = ''
  for (let i = 0; i < length; i++) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return out
}

/** A new opaque row id. */
export function newId(): string {
  return randomUUID()
}

/** Whether a string has the shape of a token from newToken (checked before any lookup). */
export function looksLikeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token)
}
