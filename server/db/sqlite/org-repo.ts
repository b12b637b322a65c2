import type { Database, Statement } from 'better-sqlite3'
import type { OrgRepo, OrgRow } from '../repos'
import { StatsWriter } from './stats'

const COLUMNS = 'id, name, join_code AS joinCode, join_code_expires_at AS joinCodeExpiresAt, created_at AS createdAt'

/** OrgRepo on better-sqlite3. */
export class SqliteOrgRepo implements OrgRepo {
  private readonly createTx: (org: OrgRow) => boolean
  private readonly getStmt: Statement<unknown[]>
  private readonly byCodeStmt: Statement<unknown[]>
  private readonly listStmt: Statement<unknown[]>
  private readonly setCodeStmt: Statement<unknown[]>

  constructor(db: Database) {
    const insert = db.prepare(
      `INSERT INTO orgs (id, name, join_code, join_code_expires_at, created_at)
        VALUES (@id, @name, @joinCode, @joinCodeExpiresAt, @createdAt) ON CONFLICT DO NOTHING`
    )
    const stats = new StatsWriter(db)
    // The organization's empty statistics row comes with it, so the ranking lists it from the start.
    this.createTx = db.transaction((org: OrgRow) => {
      if (insert.run(org).changes !== 1) return false
      stats.addOrg(org.id, org.name)
      return true
    })
    this.setCodeStmt = db.prepare('UPDATE OR IGNORE orgs SET join_code = ?, join_code_expires_at = ? WHERE id = ?')
    this.getStmt = db.prepare(`SELECT ${COLUMNS} FROM orgs WHERE id = ?`)
    this.byCodeStmt = db.prepare(`SELECT ${COLUMNS} FROM orgs WHERE join_code = ?`)
    this.listStmt = db.prepare(`SELECT ${COLUMNS},
        (SELECT COUNT(*) FROM members m WHERE m.org_id = orgs.id) AS memberCount
      FROM orgs ORDER BY created_at, id`)
  }

  async create(org: OrgRow): Promise<boolean> {
    return this.createTx(org)
  }

  async get(id: string): Promise<OrgRow | null> {
    return (this.getStmt.get(id) as OrgRow | undefined) ?? null
  }

  async findByJoinCode(joinCode: string): Promise<OrgRow | null> {
    return (this.byCodeStmt.get(joinCode) as OrgRow | undefined) ?? null
  }

  async setJoinCode(id: string, joinCode: string, expiresAt: number | null): Promise<boolean> {
    return this.setCodeStmt.run(joinCode, expiresAt, id).changes === 1
  }

  async list(): Promise<Array<OrgRow & { memberCount: number }>> {
    return this.listStmt.all() as Array<OrgRow & { memberCount: number }>
  }
}
