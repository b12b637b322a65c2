import { HttpError } from '../errors'
import type { AccountRepo, OrgRepo } from '../db/repos'
import { CODE_LENGTH, normalizeCode } from '../../src/domain/account'
import type { Member } from '../../src/domain/api/account'
import { newCode, newId } from './secrets'

export const DISPLAY_NAME_MAX = 20
/** Characters that draw nothing on their own: Hangul fillers (ㅤ), the blank Braille cell, lone combining marks, variation selectors. */
const BLANK_LOOKING = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{M}\u2800]/gu

/** Profile and organization membership. Every method acts on the caller's own member id only. */
export class MemberService {
  constructor(
    private readonly accounts: AccountRepo,
    private readonly orgs: OrgRepo,
    private readonly now: () => number
  ) {}

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
        current: s.id === currentSessionId
      }))
    }
  }

  /** Sets the display name: trimmed, 1–20 characters, no control characters, at least one visible character. */
  async rename(memberId: string, displayName: string): Promise<void> {
    const name = displayName.trim()
    const length = [...name].length
    if (
      length < 1 ||
      length > DISPLAY_NAME_MAX ||
      /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u.test(name) ||
      name.replace(BLANK_LOOKING, '') === ''
    ) {
      throw new HttpError(400, 'invalid_display_name')
    }
    await this.accounts.updateDisplayName(memberId, name, this.now())
  }

  /** Joins the organization with this join code (moving out of any earlier one). */
  async joinOrg(memberId: string, joinCode: string): Promise<void> {
    const org = await this.orgs.findByJoinCode(normalizeCode(joinCode))
    if (org === null) throw new HttpError(404, 'unknown_join_code')
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
    const org = { id: newId(), name: trimmed, joinCode: newCode(CODE_LENGTH), createdAt: at }
    if (await orgs.create(org)) return org
  }
}
