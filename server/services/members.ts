import { HttpError } from '../errors'
import type { AccountRepo, OrgRepo } from '../db/repos'
import { CODE_LENGTH, normalizeCode } from '../../src/domain/account'
import type { Member } from '../../src/domain/api/account'
import { cleanName, DISPLAY_NAME_MAX } from '../../src/domain/names'
import { newCode, newId } from './secrets'

export { DISPLAY_NAME_MAX } from '../../src/domain/names'

/** Profile and organization membership. Every method acts on the caller's own member id only. */
export class MemberService {
  constructor(
    private readonly accounts: AccountRepo,
    private readonly orgs: OrgRepo,
    private readonly now: () => number
  ) {}

  /** A new join code for the organization (an admin's action; the caller checks the role). */
  rotateJoinCode(orgId: string, ttlMs: number | null): Promise<{ joinCode: string; expiresAt: number | null }> {
    return rotateJoinCode(this.orgs, orgId, this.now(), ttlMs)
  }

  /** The member's profile, organization and live devices. */
  async view(memberId: string, currentSessionId: string): Promise<Member> {
    const member = await this.accounts.getMember(memberId)
    // A live session always has its member; a miss means the row vanished, which is the caller's 401.
    if (member === null) throw new HttpError(401, 'unauthorized', 'This account no longer exists')
    const org = member.orgId === null ? null : await this.orgs.get(member.orgId)
    const sessions = await this.accounts.listSessions(memberId)
    return {
      id: member.id,
      displayName: member.displayName,
      org: org === null ? null : { id: org.id, name: org.name },
      devices: sessions.map((s) => ({
        id: s.id,
        name: s.deviceName,
        kind: s.kind,
        createdAt: s.createdAt,
        lastUsedAt: s.lastUsedAt,
        current: s.id === currentSessionId
      }))
    }
  }

  /** Sets the display name: trimmed, 1–20 characters, no control characters, at least one visible character. */
  async rename(memberId: string, displayName: string): Promise<void> {
    const name = cleanName(displayName, DISPLAY_NAME_MAX)
    if (name === null) throw new HttpError(400, 'invalid_display_name')
    await this.accounts.updateDisplayName(memberId, name, this.now())
  }

  /** Joins the organization with this join code (moving out of any earlier one). */
  async joinOrg(memberId: string, joinCode: string): Promise<void> {
    const org = await this.orgs.findByJoinCode(normalizeCode(joinCode))
    // An expired code answers exactly like a wrong one: nobody learns that it once worked.
    if (org === null || !joinCodeLive(org, this.now())) throw new HttpError(404, 'unknown_join_code')
    await this.accounts.setOrg(memberId, org.id, this.now())
  }

  /**
   * Leaves the member's organization (idempotent: a member in none stays in none). Their statistics leave its
   * figures and any admin role there ends, in one transaction (AccountRepo.setOrg). For POST /api/orgs/leave.
   */
  async leaveOrg(memberId: string): Promise<void> {
    const member = await this.accounts.getMember(memberId)
    if (member === null || member.orgId === null) return
    await this.accounts.setOrg(memberId, null, this.now())
  }
}

/** Creates a party organization with a fresh join code; used by `npm run org -- create`. */
export async function createOrg(
  orgs: OrgRepo,
  name: string,
  at: number
): Promise<{ id: string; name: string; joinCode: string }> {
  const trimmed = name.trim()
  if (trimmed === '' || [...trimmed].length > 50) throw new Error('organization name must be 1–50 characters')
  for (;;) {
    const org = { id: newId(), name: trimmed, joinCode: newCode(CODE_LENGTH), joinCodeExpiresAt: null, createdAt: at }
    if (await orgs.create(org)) return org
  }
}

/** Whether an organization's join code still lets members in at `at`. */
export function joinCodeLive(org: { joinCodeExpiresAt: number | null }, at: number): boolean {
  return org.joinCodeExpiresAt === null || at < org.joinCodeExpiresAt
}

/**
 * Gives the organization a fresh join code (the old one stops working at once), valid for `ttlMs` or, with null,
 * until the next rotation. Members already in stay in. Used by `npm run org -- rotate`.
 */
export async function rotateJoinCode(
  orgs: OrgRepo,
  orgId: string,
  at: number,
  ttlMs: number | null
): Promise<{ joinCode: string; expiresAt: number | null }> {
  if ((await orgs.get(orgId)) === null) throw new Error(`no organization ${orgId}`)
  const expiresAt = ttlMs === null ? null : at + ttlMs
  for (;;) {
    const joinCode = newCode(CODE_LENGTH)
    if (await orgs.setJoinCode(orgId, joinCode, expiresAt)) return { joinCode, expiresAt }
  }
}

/** Reads a duration such as 30d, 12h or 90m (days, hours, minutes) into milliseconds; null if malformed. */
export function parseDuration(text: string): number | null {
  const m = /^(\d{1,5})([dhm])$/.exec(text.trim())
  if (m === null || Number(m[1]) === 0) return null
  return Number(m[1]) * { d: 86_400_000, h: 3_600_000, m: 60_000 }[m[2] as 'd' | 'h' | 'm']
}
