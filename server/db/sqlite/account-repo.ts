import type { Database } from 'better-sqlite3'
import type { AccountRepo, MemberRow, NewSession, SessionRow } from '../repos'
import { StatsWriter } from './stats'

const SESSION_COLUMNS =
  'id, member_id AS memberId, kind, device_name AS deviceName, created_at AS createdAt, last_used_at AS lastUsedAt'

/** Every statement the repository uses, prepared once. */
function prepareStatements(db: Database) {
  return {
    getMember: db.prepare(
      'SELECT id, display_name AS displayName, org_id AS orgId, created_at AS createdAt FROM members WHERE id = ?'
    ),
    byName: db.prepare(
      'SELECT id, display_name AS displayName, org_id AS orgId, created_at AS createdAt FROM members WHERE display_name = ?'
    ),
    insertMember: db.prepare(`INSERT INTO members (id, display_name, org_id, created_at, updated_at)
      VALUES (@id, @displayName, @orgId, @createdAt, @createdAt)`),
    insertSession:
      db.prepare(`INSERT INTO sessions (id, member_id, token_hash, kind, device_name, created_at, last_used_at)
      VALUES (@id, @memberId, @tokenHash, @kind, @deviceName, @createdAt, @createdAt)`),
    touch: db.prepare('UPDATE sessions SET last_used_at = ? WHERE id = ? AND revoked_at IS NULL'),
    revokeMember: db.prepare(
      'UPDATE sessions SET revoked_at = ? WHERE id = ? AND member_id = ? AND revoked_at IS NULL'
    ),
    revokeOthers: db.prepare(
      'UPDATE sessions SET revoked_at = ? WHERE member_id = ? AND id <> ? AND revoked_at IS NULL'
    ),
    revokeExpired: db.prepare(
      'UPDATE sessions SET revoked_at = ? WHERE revoked_at IS NULL AND (last_used_at <= ? OR created_at <= ?)'
    ),
    abandoned: db
      .prepare(
        `SELECT m.id FROM members m WHERE m.created_at <= ? AND m.org_id IS NULL AND m.updated_at = m.created_at
        AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.member_id = m.id AND s.revoked_at IS NULL)
        AND NOT EXISTS (SELECT 1 FROM wechat_accounts w WHERE w.member_id = m.id)
        AND NOT EXISTS (SELECT 1 FROM sync_clients c WHERE c.member_id = m.id)
        AND NOT EXISTS (SELECT 1 FROM sync_mutations x WHERE x.member_id = m.id)
        AND NOT EXISTS (SELECT 1 FROM sync_facts f WHERE f.member_id = m.id)
        AND NOT EXISTS (SELECT 1 FROM quiz_attempts q WHERE q.member_id = m.id)
        LIMIT 1000`
      )
      .pluck(),
    deleteSessions: db.prepare('DELETE FROM sessions WHERE member_id = ?'),
    deletePairings: db.prepare('DELETE FROM pairing_codes WHERE member_id = ?'),
    deleteMember: db.prepare('DELETE FROM members WHERE id = ?'),
    findWechat: db.prepare('SELECT member_id FROM wechat_accounts WHERE openid = ?').pluck(),
    insertWechat: db.prepare(`INSERT INTO wechat_accounts (openid, unionid, member_id, created_at)
      VALUES (?, ?, ?, ?)`),
    fillUnionid: db.prepare('UPDATE wechat_accounts SET unionid = ? WHERE openid = ? AND unionid IS NULL'),
    rename: db.prepare('UPDATE members SET display_name = ?, updated_at = ? WHERE id = ?'),
    setOrg: db.prepare('UPDATE members SET org_id = ?, updated_at = ? WHERE id = ?'),
    dropAdmins: db.prepare('DELETE FROM org_admins WHERE member_id = ?'),
    findSession: db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE token_hash = ? AND revoked_at IS NULL`),
    listAllSessions: db.prepare(
      `SELECT ${SESSION_COLUMNS}, revoked_at AS revokedAt FROM sessions WHERE member_id = ? ORDER BY created_at, id`
    ),
    listWechat: db.prepare(
      'SELECT openid, unionid, created_at AS createdAt FROM wechat_accounts WHERE member_id = ? ORDER BY created_at'
    ),
    revoke: db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    listSessions: db.prepare(
      `SELECT ${SESSION_COLUMNS} FROM sessions WHERE member_id = ? AND revoked_at IS NULL ORDER BY created_at, id`
    ),
    prune: db.prepare(`UPDATE sessions SET revoked_at = ? WHERE member_id = ? AND revoked_at IS NULL AND id NOT IN (
      SELECT id FROM sessions WHERE member_id = ? AND revoked_at IS NULL ORDER BY created_at DESC, id DESC LIMIT ?)`),
    voidPairings: db.prepare('UPDATE pairing_codes SET used_at = ? WHERE member_id = ? AND used_at IS NULL'),
    insertPairing: db.prepare(`INSERT INTO pairing_codes (id, member_id, code_hash, created_at, expires_at)
      VALUES (@id, @memberId, @codeHash, @createdAt, @expiresAt)`),
    livePairing: db.prepare(
      'SELECT id, member_id AS memberId FROM pairing_codes WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?'
    ),
    usePairing: db.prepare('UPDATE pairing_codes SET used_at = ? WHERE id = ? AND used_at IS NULL')
  }
}

/** AccountRepo on better-sqlite3; multi-row operations run in one transaction each. */
export class SqliteAccountRepo implements AccountRepo {
  private readonly s: ReturnType<typeof prepareStatements>
  private readonly createMemberTx: (member: MemberRow, session: NewSession) => void
  private readonly wechatTx: (
    identity: { openid: string; unionid: string | null },
    member: MemberRow,
    session: Omit<NewSession, 'memberId'>
  ) => string
  private readonly createPairingTx: (p: {
    id: string
    memberId: string
    codeHash: string
    createdAt: number
    expiresAt: number
  }) => void
  private readonly deleteAbandonedTx: (createdBefore: number) => number
  private readonly claimTx: (codeHash: string, now: number, session: Omit<NewSession, 'memberId'>) => string | null
  private readonly setOrgTx: (memberId: string, orgId: string | null, at: number) => void

  constructor(db: Database) {
    const s = (this.s = prepareStatements(db))
    const stats = new StatsWriter(db)

    // Joining, moving or leaving moves the member's statistics between organizations in the same transaction, and
    // ends any admin role they had (an admin role belongs to one organization's membership).
    this.setOrgTx = db.transaction((memberId: string, orgId: string | null, at: number) => {
      const current = s.getMember.get(memberId) as MemberRow | undefined
      if (current === undefined) return
      s.setOrg.run(orgId, at, memberId)
      if (current.orgId === orgId) return
      s.dropAdmins.run(memberId)
      stats.move(memberId, orgId, at)
    })

    this.createMemberTx = db.transaction((member: MemberRow, session: NewSession) => {
      s.insertMember.run(member)
      s.insertSession.run(session)
    })
    this.wechatTx = db.transaction((identity, member: MemberRow, session) => {
      let memberId = s.findWechat.get(identity.openid) as string | undefined
      if (memberId === undefined) {
        s.insertMember.run(member)
        s.insertWechat.run(identity.openid, identity.unionid, member.id, member.createdAt)
        memberId = member.id
      } else if (identity.unionid !== null) {
        // unionid only arrives once the app is bound to an open-platform account; keep it when it shows up.
        s.fillUnionid.run(identity.unionid, identity.openid)
      }
      s.insertSession.run({ ...session, memberId })
      return memberId
    })
    this.createPairingTx = db.transaction((p) => {
      // One live code per member: a new code on the first device replaces the one shown before.
      s.voidPairings.run(p.createdAt, p.memberId)
      s.insertPairing.run(p)
    })
    this.deleteAbandonedTx = db.transaction((createdBefore: number) => {
      const ids = s.abandoned.all(createdBefore) as string[]
      for (const id of ids) {
        s.deletePairings.run(id)
        s.deleteSessions.run(id)
        s.deleteMember.run(id)
      }
      return ids.length
    })
    this.claimTx = db.transaction((codeHash: string, now: number, session) => {
      const row = s.livePairing.get(codeHash, now) as { id: string; memberId: string } | undefined
      if (row === undefined) return null
      if (s.usePairing.run(now, row.id).changes !== 1) return null
      s.insertSession.run({ ...session, memberId: row.memberId })
      return row.memberId
    })
  }

  async getMember(id: string): Promise<MemberRow | null> {
    return (this.s.getMember.get(id) as MemberRow | undefined) ?? null
  }

  async createMemberWithSession(member: MemberRow, session: NewSession): Promise<void> {
    this.createMemberTx(member, session)
  }

  async signInWechat(
    identity: { openid: string; unionid: string | null },
    newMember: MemberRow,
    session: Omit<NewSession, 'memberId'>
  ): Promise<string> {
    return this.wechatTx(identity, newMember, session)
  }

  async findMembersByName(displayName: string): Promise<MemberRow[]> {
    return this.s.byName.all(displayName) as MemberRow[]
  }

  async updateDisplayName(memberId: string, displayName: string, at: number): Promise<void> {
    this.s.rename.run(displayName, at, memberId)
  }

  async setOrg(memberId: string, orgId: string | null, at: number): Promise<void> {
    this.setOrgTx(memberId, orgId, at)
  }

  async findSession(tokenHash: string): Promise<SessionRow | null> {
    return (this.s.findSession.get(tokenHash) as SessionRow | undefined) ?? null
  }

  async addSession(session: NewSession): Promise<void> {
    this.s.insertSession.run(session)
  }

  async revokeSession(sessionId: string, at: number): Promise<boolean> {
    return this.s.revoke.run(at, sessionId).changes === 1
  }

  async listSessions(memberId: string): Promise<SessionRow[]> {
    return this.s.listSessions.all(memberId) as SessionRow[]
  }

  async listAllSessions(memberId: string): Promise<Array<SessionRow & { revokedAt: number | null }>> {
    return this.s.listAllSessions.all(memberId) as Array<SessionRow & { revokedAt: number | null }>
  }

  async listWechat(memberId: string): Promise<Array<{ openid: string; unionid: string | null; createdAt: number }>> {
    return this.s.listWechat.all(memberId) as Array<{ openid: string; unionid: string | null; createdAt: number }>
  }

  async touchSession(sessionId: string, at: number): Promise<void> {
    this.s.touch.run(at, sessionId)
  }

  async revokeMemberSession(memberId: string, sessionId: string, at: number): Promise<boolean> {
    return this.s.revokeMember.run(at, sessionId, memberId).changes === 1
  }

  async revokeOtherSessions(memberId: string, keepId: string, at: number): Promise<number> {
    return this.s.revokeOthers.run(at, memberId, keepId).changes
  }

  async revokeExpiredSessions(idleBefore: number, startedBefore: number, at: number): Promise<number> {
    return this.s.revokeExpired.run(at, idleBefore, startedBefore).changes
  }

  async deleteAbandonedMembers(createdBefore: number): Promise<number> {
    return this.deleteAbandonedTx(createdBefore)
  }

  async pruneSessions(memberId: string, keep: number, at: number): Promise<number> {
    return this.s.prune.run(at, memberId, memberId, keep).changes
  }

  async createPairing(p: {
    id: string
    memberId: string
    codeHash: string
    createdAt: number
    expiresAt: number
  }): Promise<void> {
    this.createPairingTx(p)
  }

  async pairingInUse(codeHash: string, now: number): Promise<boolean> {
    return this.s.livePairing.get(codeHash, now) !== undefined
  }

  async claimPairing(codeHash: string, now: number, session: Omit<NewSession, 'memberId'>): Promise<string | null> {
    return this.claimTx(codeHash, now, session)
  }
}
