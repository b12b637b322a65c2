import { randomInt } from 'node:crypto'
import { HttpError } from '../errors'
import type { AccountRepo, MemberRow, SessionKind, SessionRow } from '../db/repos'
import type { CodeExchange } from './wechat'
import { CODE_LENGTH, isCode, normalizeCode } from '../../src/domain/account'
import type { PairingReply } from '../../src/domain/api/account-actions'
import { cleanName, DEVICE_NAME_MAX } from '../../src/domain/names'
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

/** A session unused this long ends (the member signs in again; progress waits in the app's outbox). */
export const SESSION_IDLE_MS = 30 * 24 * 60 * 60 * 1000
/** A session ends this long after sign-in however much it is used: a stolen token does not live for ever. */
export const SESSION_MAX_AGE_MS = 180 * 24 * 60 * 60 * 1000
/** Last use is written at most this often per session, not on every request. */
export const SESSION_RENEW_AFTER_MS = 24 * 60 * 60 * 1000
/** A device account nobody kept (no live session, nothing stored) is deleted this long after it was made. */
export const ABANDONED_MEMBER_MS = SESSION_IDLE_MS

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
    const { token, session } = newSession('device', deviceNameOrDefault(deviceName, '浏览器'), at)
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

  /**
   * The live session for a bearer token, or null for anything malformed, unknown or revoked. A session past its
   * idle or absolute expiry is revoked and answers 401 session_expired; a used one is renewed once a day.
   */
  async authenticate(token: string): Promise<SessionRow | null> {
    if (!looksLikeToken(token)) return null
    const session = await this.accounts.findSession(sha256(token))
    if (session === null) return null
    const at = this.now()
    if (sessionExpired(session, at)) {
      await this.accounts.revokeSession(session.id, at)
      throw new HttpError(401, 'session_expired')
    }
    if (at - session.lastUsedAt >= SESSION_RENEW_AFTER_MS) {
      await this.accounts.touchSession(session.id, at)
      return { ...session, lastUsedAt: at }
    }
    return session
  }

  /** Signs out one of the member's devices; 404 unknown_device for anything not a live session of theirs. */
  async signOutDevice(memberId: string, sessionId: string): Promise<void> {
    if (!(await this.accounts.revokeMemberSession(memberId, sessionId, this.now()))) {
      throw new HttpError(404, 'unknown_device')
    }
  }

  /** Signs out every device of the member but the calling one; returns how many. */
  async signOutOthers(memberId: string, currentSessionId: string): Promise<number> {
    return this.accounts.revokeOtherSessions(memberId, currentSessionId, this.now())
  }

  /** The periodic clean-up: revokes expired sessions and deletes abandoned device accounts. */
  async prune(): Promise<{ sessions: number; members: number }> {
    const at = this.now()
    const sessions = await this.accounts.revokeExpiredSessions(at - SESSION_IDLE_MS, at - SESSION_MAX_AGE_MS, at)
    const members = await this.accounts.deleteAbandonedMembers(at - ABANDONED_MEMBER_MS)
    return { sessions, members }
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
    const { token, session } = newSession('paired', deviceNameOrDefault(deviceName, '配对设备'), at)
    const memberId = isCode(normalized) ? await this.accounts.claimPairing(sha256(normalized), at, session) : null
    if (memberId === null) {
      throw new HttpError(404, 'invalid_pairing_code')
    }
    await this.accounts.pruneSessions(memberId, MAX_SESSIONS_PER_MEMBER, at)
    return { token, memberId, sessionId: session.id }
  }
}

/** Whether a session is past its idle or absolute expiry at `at`. */
export function sessionExpired(s: { createdAt: number; lastUsedAt: number }, at: number): boolean {
  return at - s.lastUsedAt >= SESSION_IDLE_MS || at - s.createdAt >= SESSION_MAX_AGE_MS
}

/** A device name as sent (checked like display names), or the default when none was sent; 400 when refused. */
function deviceNameOrDefault(deviceName: string | undefined, fallback: string): string {
  if (deviceName === undefined) return fallback
  const name = cleanName(deviceName, DEVICE_NAME_MAX)
  if (name === null) throw new HttpError(400, 'invalid_device_name')
  return name
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
