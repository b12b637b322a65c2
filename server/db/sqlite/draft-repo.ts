import type { Database, Statement } from 'better-sqlite3'
import type { DraftRepo, DraftRow, IssueRecord } from '../repos'

interface Row {
  token_hash: string
  member_id: string
  issue_id: string
  file_name: string
  file_sha256: string
  record_json: string
  source_text: string
  created_at: number
  expires_at: number
}

/** DraftRepo on better-sqlite3: previews kept until confirmed, cancelled, replaced or expired. */
export class SqliteDraftRepo implements DraftRepo {
  private readonly putTx: (draft: DraftRow, now: number) => void
  private readonly getStmt: Statement<unknown[]>
  private readonly deleteStmt: Statement<unknown[]>

  constructor(db: Database) {
    const expired = db.prepare('DELETE FROM publish_drafts WHERE expires_at <= ?')
    const earlier = db.prepare('DELETE FROM publish_drafts WHERE member_id = ?')
    const insert = db.prepare(`INSERT INTO publish_drafts
        (token_hash, member_id, issue_id, file_name, file_sha256, record_json, source_text, created_at, expires_at)
      VALUES (@tokenHash, @memberId, @issueId, @fileName, @fileSha256, @recordJson, @text, @createdAt, @expiresAt)`)
    this.putTx = db.transaction((draft: DraftRow, now: number) => {
      expired.run(now)
      earlier.run(draft.memberId)
      const { record, ...rest } = draft
      insert.run({ ...rest, recordJson: JSON.stringify(record) })
    })
    this.getStmt = db.prepare('SELECT * FROM publish_drafts WHERE token_hash = ?')
    this.deleteStmt = db.prepare('DELETE FROM publish_drafts WHERE token_hash = ?')
  }

  async put(draft: DraftRow, now: number): Promise<void> {
    this.putTx(draft, now)
  }

  async get(tokenHash: string): Promise<DraftRow | null> {
    const row = this.getStmt.get(tokenHash) as Row | undefined
    if (row === undefined) return null
    return {
      tokenHash: row.token_hash,
      memberId: row.member_id,
      issueId: row.issue_id,
      fileName: row.file_name,
      fileSha256: row.file_sha256,
      record: JSON.parse(row.record_json) as IssueRecord,
      text: row.source_text,
      createdAt: row.created_at,
      expiresAt: row.expires_at
    }
  }

  async delete(tokenHash: string): Promise<boolean> {
    return this.deleteStmt.run(tokenHash).changes > 0
  }
}
