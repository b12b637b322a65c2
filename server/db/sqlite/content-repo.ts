import type { Database, Statement } from 'better-sqlite3'
import type { ContentRepo, IssueRecord } from '../repos'

/** ContentRepo on better-sqlite3 (synchronous calls wrapped as promises). */
export class SqliteContentRepo implements ContentRepo {
  private readonly revisionStmt: Statement<unknown[]>
  private readonly listStmt: Statement<unknown[]>
  private readonly getStmt: Statement<unknown[]>
  private readonly hashesStmt: Statement<unknown[]>
  private readonly publishTx: (records: IssueRecord[], at: number) => string[]

  constructor(db: Database) {
    this.revisionStmt = db.prepare('SELECT revision FROM content_state WHERE id = 1').pluck()
    this.listStmt = db.prepare('SELECT summary_json FROM issues ORDER BY published_on DESC, id ASC').pluck()
    this.getStmt = db.prepare('SELECT json, hash FROM issues WHERE id = ?')
    this.hashesStmt = db.prepare('SELECT id, hash, source_hash AS sourceHash FROM issues')
    const existing = db.prepare('SELECT hash FROM issues WHERE id = ?').pluck()
    const upsert = db.prepare(`INSERT INTO issues
        (id, json, hash, summary_json, source_hash, published_on, published_at, updated_at)
      VALUES (@id, @json, @hash, @summaryJson, @sourceHash, @publishedOn, @at, @at)
      ON CONFLICT (id) DO UPDATE SET json = excluded.json, hash = excluded.hash, summary_json = excluded.summary_json,
        source_hash = excluded.source_hash, published_on = excluded.published_on, updated_at = excluded.updated_at`)
    const touchSource = db.prepare('UPDATE issues SET source_hash = ? WHERE id = ?')
    const bump = db.prepare('UPDATE content_state SET revision = revision + 1 WHERE id = 1')
    this.publishTx = db.transaction((records: IssueRecord[], at: number) => {
      const changed: string[] = []
      for (const r of records) {
        if (existing.get(r.id) === r.hash) {
          // Same served bytes: only remember the new source hash, clients see no change.
          touchSource.run(r.sourceHash, r.id)
          continue
        }
        upsert.run({ ...r, at })
        changed.push(r.id)
      }
      if (changed.length > 0) bump.run()
      return changed
    })
  }

  async revision(): Promise<number> {
    return this.revisionStmt.get() as number
  }

  async listSummaryJson(): Promise<string[]> {
    return this.listStmt.all() as string[]
  }

  async getIssue(id: string): Promise<{ json: string; hash: string } | null> {
    return (this.getStmt.get(id) as { json: string; hash: string } | undefined) ?? null
  }

  async listHashes(): Promise<Map<string, { hash: string; sourceHash: string }>> {
    const rows = this.hashesStmt.all() as Array<{ id: string; hash: string; sourceHash: string }>
    return new Map(rows.map((r) => [r.id, { hash: r.hash, sourceHash: r.sourceHash }]))
  }

  async publish(records: IssueRecord[], at: number): Promise<string[]> {
    return this.publishTx(records, at)
  }
}
