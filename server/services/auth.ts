import { randomInt } from 'node:crypto'
import { HttpError } from '../errors'
import type { AccountRepo, MemberRow, SessionKind, SessionRow } from '../db/repos'
import type { CodeExchange } from './wechat'
import { CODE_LENGTH, isCode, normalizeCode } from '../../src/domain/account'
import type { PairingReply } from '../../src/domain/api/account'
import { looksLikeToken, newCode, newId, newToken, sha256 } from './secrets'

/** How long a pairing code can be claimed. */
export const PAIRING_TTL_MS = 10 * 60 * 1000
/** Length of a pairing code: 31^8 ≈ 8.5e11 values, far beyond what the claim rate limit lets anyone try. */
export const PAIRING_CODE_LENGTH = CODE_LENGTH

/**
 * Live sessions kept per member. Each WeChat sign-in makes a new one (the mini-program signs in again whenever its
 * storage is cleared), so without a cap the device list would only grow; the oldest are revoked first.
 */
export const MAX_SESSIONS_PER_MEMBER = 20

/** A new session's bearer token and the member it belongs to. */
export interface SignIn {
  token: string
  memberId: string
  sessionId: string
}

/** Sign-in, sessions and pairing. Holds the rules; the repository only stores rows. */
export class AuthService {
  constructor(
    private readonly accounts: AccountRepo,
    private readonly now: () => number,
    private readonly exchangeCode: CodeExchange | null
  ) {}

  /** Creates a new member with a device account (H5, no WeChat). */
  async signInDevice(deviceName: string | undefined): Promise<SignIn> {
    const at = this.now()
    const member = newMember(at)
    const { token, session } = newSession('device', deviceName ?? '浏览器', at)
    await this.accounts.createMemberWithSession(member, { ...session, memberId: member.id })
    return { token, memberId: member.id, sessionId: session.id }
  }

  /** Exchanges a wx.login code with WeChat and signs in the member for that openid, creating it on first use. */
  async signInWechat(code: string): Promise<SignIn> {
    if (this.exchangeCode === null) throw new HttpError(404, 'not_found', 'WeChat sign-in is not configured')
    const identity = await this.exchangeCode(code)
    const at = this.now()
    const member = newMember(at)
    const { token, session } = newSession('wechat', '微信小程序', at)
    const memberId = await this.accounts.signInWechat(identity, member, session)
    await this.accounts.pruneSessions(memberId, MAX_SESSIONS_PER_MEMBER, at)
    return { token, memberId, sessionId: session.id }
  }

  /** The live session for a bearer token, or null for anything malformed, unknown or revoked. */
  async authenticate(token: string): Promise<SessionRow | null> {
    if (!looksLikeToken(token)) return null
    return this.accounts.findSession(sha256(token))
  }

  /** Revokes a session; its token fails from now on. */
  async logout(sessionId: string): Promise<void> {
    await this.accounts.revokeSession(sessionId, this.now())
  }

  /** A fresh single-use pairing code for the member, replacing any earlier unused one. */
  async createPairing(memberId: string): Promise<PairingReply> {
    const at = this.now()
    for (;;) {
      const code = newCode(PAIRING_CODE_LENGTH)
      const codeHash = sha256(code)
      // Two members holding the same live code would make a claim ambiguous; vanishingly rare, but cheap to rule out.
      if (await this.accounts.pairingInUse(codeHash, at)) continue
      const expiresAt = at + PAIRING_TTL_MS
      await this.accounts.createPairing({ id: newId(), memberId, codeHash, createdAt: at, expiresAt })
      return { code, expiresAt }
    }
  }

  /** Signs a second device in as the member who created the code; the code is used up. */
  async claimPairing(code: string, deviceName: string | undefined): Promise<SignIn> {
    const normalized = normalizeCode(code)
    const at = this.now()
    const { token, session } = newSession('paired', deviceName ?? '配对设备', at)
    const memberId = isCode(normalized) ? await this.accounts.claimPairing(sha256(normalized), at, session) : null
    if (memberId === null) {
      throw new HttpError(404, 'invalid_pairing_code')
    }
    await this.accounts.pruneSessions(memberId, MAX_SESSIONS_PER_MEMBER, at)
    return { token, memberId, sessionId: session.id }
  }
}

function newMember(at: number): MemberRow {
  // A friendly placeholder until the member picks a name; the digits tell two new accounts apart.
  const suffix = String(randomInt(10000)).padStart(4, '0')
  return { id: newId(), displayName: `党员${suffix}`, orgId: null, createdAt: at }
}

function newSession(kind: SessionKind, deviceName: string, at: number) {
  const token = newToken()
  return { token, session: { id: newId(), kind, deviceName, tokenHash: sha256(token), createdAt: at } }
}
