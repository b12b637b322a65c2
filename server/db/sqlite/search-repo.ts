import type { Database, Statement } from 'better-sqlite3'
import type { SearchRepo, SearchRow } from '../repos'

/** SearchRepo on better-sqlite3: the FTS5 table of migration 008. */
export class SqliteSearchRepo implements SearchRepo {
  private readonly indexedStmt: Statement<unknown[]>
  private readonly matchStmt: Statement<unknown[]>
  private readonly replaceTx: (issueId: string, hash: string, rows: SearchRow[]) => void
  private readonly removeTx: (issueId: string) => void

  constructor(db: Database) {
    this.indexedStmt = db.prepare('SELECT issue_id AS id, hash FROM search_issues')
    this.matchStmt = db.prepare(
      'SELECT issue_id AS issueId, article_index AS articleIndex FROM search_fts WHERE search_fts MATCH ? LIMIT ?'
    )
    const del = db.prepare('DELETE FROM search_fts WHERE issue_id = ?')
    const insert = db.prepare('INSERT INTO search_fts (tokens, issue_id, article_index) VALUES (?, ?, ?)')
    const upsert = db.prepare(
      'INSERT INTO search_issues (issue_id, hash) VALUES (?, ?) ON CONFLICT (issue_id) DO UPDATE SET hash = excluded.hash'
    )
    const forget = db.prepare('DELETE FROM search_issues WHERE issue_id = ?')
    this.replaceTx = db.transaction((issueId: string, hash: string, rows: SearchRow[]) => {
      del.run(issueId)
      for (const r of rows) insert.run(r.tokens, issueId, r.articleIndex)
      upsert.run(issueId, hash)
    })
    this.removeTx = db.transaction((issueId: string) => {
      del.run(issueId)
      forget.run(issueId)
    })
  }

  async indexed(): Promise<Map<string, string>> {
    const rows = this.indexedStmt.all() as Array<{ id: string; hash: string }>
    return new Map(rows.map((r) => [r.id, r.hash]))
  }

  async replace(issueId: string, hash: string, rows: SearchRow[]): Promise<void> {
    this.replaceTx(issueId, hash, rows)
  }

  async remove(issueId: string): Promise<void> {
    this.removeTx(issueId)
  }

  async match(query: string, limit: number): Promise<Array<{ issueId: string; articleIndex: number }>> {
    return this.matchStmt.all(query, limit) as Array<{ issueId: string; articleIndex: number }>
  }
}
