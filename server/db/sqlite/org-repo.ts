import type { Database, Statement } from 'better-sqlite3'
import type { OrgRepo, OrgRow } from '../repos'

const COLUMNS = 'id, name, join_code AS joinCode, created_at AS createdAt'

/** OrgRepo on better-sqlite3. */
export class SqliteOrgRepo implements OrgRepo {
  private readonly insertStmt: Statement<unknown[]>
  private readonly getStmt: Statement<unknown[]>
  private readonly byCodeStmt: Statement<unknown[]>
  private readonly listStmt: Statement<unknown[]>

  constructor(db: Database) {
    this.insertStmt = db.prepare(
      'INSERT INTO orgs (id, name, join_code, created_at) VALUES (@id, @name, @joinCode, @createdAt) ON CONFLICT DO NOTHING'
    )
    this.getStmt = db.prepare(`SELECT ${COLUMNS} FROM orgs WHERE id = ?`)
    this.byCodeStmt = db.prepare(`SELECT ${COLUMNS} FROM orgs WHERE join_code = ?`)
    this.listStmt = db.prepare(`SELECT ${COLUMNS},
        (SELECT COUNT(*) FROM members m WHERE m.org_id = orgs.id) AS memberCount
      FROM orgs ORDER BY created_at, id`)
  }

  async create(org: OrgRow): Promise<boolean> {
    return this.insertStmt.run(org).changes === 1
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
