/** A member as the server describes them (GET /api/me). */
export interface Member {
  id: string
  displayName: string
  org: { id: string; name: string } | null
  devices: Array<{ id: string; name: string; kind: 'wechat' | 'device' | 'paired'; createdAt: number; current: boolean }>
}

export interface SignedIn {
  token: string
  member: Member
}

/** Pairing and join codes: 8 characters of an unambiguous alphabet; people type them with spaces, dashes, lower case. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '')
}

/** Shows a code in two groups of four, easier to read aloud: ABCD EFGH. */
export function formatCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code
}
