import type { Database, Statement } from 'better-sqlite3'
import type { QuizAttemptRow, QuizRepo } from '../repos'
import { StatsWriter } from './stats'

const COLUMNS = `id, member_id AS memberId, bank_id AS bankId, seed, paper_json AS paperJson, started_at AS startedAt,
  deadline, submitted_at AS submittedAt, answers_json AS answersJson, result_json AS resultJson`

/** QuizRepo on better-sqlite3: UNIQUE (member_id, bank_id) makes a second start a no-op. */
export class SqliteQuizRepo implements QuizRepo {
  private readonly insert: Statement
  private readonly byId: Statement<[string], QuizAttemptRow>
  private readonly byMemberBank: Statement<[string, string], QuizAttemptRow>
  private readonly byMember: Statement<[string], QuizAttemptRow>
  private readonly submitTx: (id: string, s: { submittedAt: number; answersJson: string; resultJson: string }) => void

  constructor(db: Database) {
    this.insert = db.prepare(`INSERT INTO quiz_attempts
      (id, member_id, bank_id, seed, paper_json, started_at, deadline) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (member_id, bank_id) DO NOTHING`)
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM quiz_attempts WHERE id = ?`)
    this.byMemberBank = db.prepare(`SELECT ${COLUMNS} FROM quiz_attempts WHERE member_id = ? AND bank_id = ?`)
    this.byMember = db.prepare(`SELECT ${COLUMNS} FROM quiz_attempts WHERE member_id = ? ORDER BY bank_id`)
    const markSubmitted = db.prepare(`UPDATE quiz_attempts SET submitted_at = ?, answers_json = ?, result_json = ?
      WHERE id = ? AND submitted_at IS NULL`)
    const stats = new StatsWriter(db)
    // The member's best result moves with the submission that stored it (a submit or the scoring after the deadline).
    this.submitTx = db.transaction(
      (id: string, s: { submittedAt: number; answersJson: string; resultJson: string }) => {
        if (markSubmitted.run(s.submittedAt, s.answersJson, s.resultJson, id).changes !== 1) return
        const row = this.byId.get(id) as QuizAttemptRow
        const result = JSON.parse(s.resultJson) as { total: number; max: number }
        stats.apply(row.memberId, { quiz: { total: result.total, max: result.max }, at: s.submittedAt })
      }
    )
  }

  async start(row: QuizAttemptRow): Promise<QuizAttemptRow> {
    this.insert.run(row.id, row.memberId, row.bankId, row.seed, row.paperJson, row.startedAt, row.deadline)
    return this.byMemberBank.get(row.memberId, row.bankId) as QuizAttemptRow
  }

  async get(id: string): Promise<QuizAttemptRow | null> {
    return this.byId.get(id) ?? null
  }

  async listForMember(memberId: string): Promise<QuizAttemptRow[]> {
    return this.byMember.all(memberId)
  }

  async submit(
    id: string,
    s: { submittedAt: number; answersJson: string; resultJson: string }
  ): Promise<QuizAttemptRow | null> {
    this.submitTx(id, s)
    return this.byId.get(id) ?? null
  }
}
