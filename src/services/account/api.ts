import type { Member, SignedIn } from '../../domain/account'
import type { HttpClient } from '../../platform/http'

/** The server said no: status and its {error, message}. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message)
    this.name = 'ApiError'
  }
}

/** Sign-in, pairing and membership over the server's /api/auth, /api/me and /api/orgs routes. */
export function createAccountApi(http: HttpClient, apiBase: string, token: () => string | null) {
  const call = async <T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> => {
    const t = token()
    const res = await http<T & { error?: string; message?: string }>({
      url: `${apiBase}${path}`, method, body, headers: t ? { authorization: `Bearer ${t}` } : {}
    })
    if (res.status >= 200 && res.status < 300) return res.data
    const data = (res.data ?? {}) as { error?: string; message?: string }
    throw new ApiError(res.status, data.error ?? 'error', data.message ?? `HTTP ${res.status}`)
  }
  return {
    signInDevice: (deviceName?: string) => call<SignedIn>('POST', '/api/auth/device', deviceName ? { deviceName } : {}),
    signInWechat: (code: string) => call<SignedIn>('POST', '/api/auth/wechat', { code }),
    createPairing: () => call<{ code: string; expiresAt: number }>('POST', '/api/auth/pairing'),
    claimPairing: (code: string, deviceName?: string) => call<SignedIn>('POST', '/api/auth/pairing/claim', deviceName ? { code, deviceName } : { code }),
    me: () => call<{ member: Member }>('GET', '/api/me'),
    rename: (displayName: string) => call<{ member: Member }>('PATCH', '/api/me', { displayName }),
    joinOrg: (joinCode: string) => call<{ member: Member }>('POST', '/api/orgs/join', { joinCode }),
    logout: () => call<{ ok: true }>('POST', '/api/auth/logout')
  }
}

export type AccountApi = ReturnType<typeof createAccountApi>
