import type { Database, Statement } from 'better-sqlite3'
import type { OrgRepo, OrgRow } from '../repos'
import { StatsWriter } from './stats'

const COLUMNS = 'id, name, join_code AS joinCode, created_at AS createdAt'

/** OrgRepo on better-sqlite3. */
export class SqliteOrgRepo implements OrgRepo {
  private readonly createTx: (org: OrgRow) => boolean
  private readonly getStmt: Statement<unknown[]>
  private readonly byCodeStmt: Statement<unknown[]>
  private readonly listStmt: Statement<unknown[]>

  constructor(db: Database) {
    const insert = db.prepare(
      'INSERT INTO orgs (id, name, join_code, created_at) VALUES (@id, @name, @joinCode, @createdAt) ON CONFLICT DO NOTHING'
    )
    const stats = new StatsWriter(db)
    // The organization's empty statistics row comes with it, so the ranking lists it from the start.
    this.createTx = db.transaction((org: OrgRow) => {
      if (insert.run(org).changes !== 1) return false
      stats.addOrg(org.id, org.name)
      return true
    })
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

  async list(): Promise<Array<OrgRow & { memberCount: number }>> {
    return this.listStmt.all() as Array<OrgRow & { memberCount: number }>
  }
}
