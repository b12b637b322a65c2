import type { Database, Statement } from 'better-sqlite3'
import type { MemberStatsRow, OrgFiguresRow, StatsRepo } from '../repos'
import { StatsWriter, type MemberDelta } from './stats'

const ORG_COLUMNS = `org_id AS orgId, name, members, active_read AS activeRead, active_listen AS activeListen,
  active_speak AS activeSpeak, active_answer AS activeAnswer, quiz_count AS quizCount,
  quiz_total_sum AS quizTotalSum, quiz_max_sum AS quizMaxSum, articles, reading_ms AS readingMs, completion`
const RANKING_ORDER = 'completion DESC, members DESC, name, org_id'
const MEMBER_COLUMNS = `s.member_id AS memberId, m.display_name AS displayName, s.joined_at AS joinedAt, s.articles,
  s.reading_ms AS readingMs, s.books, s.lectures, s.shares, s.talks, s.quiz_total AS quizTotal, s.quiz_max AS quizMax,
  s.last_active AS lastActive, s.phases`

/** StatsRepo on better-sqlite3; fills the statistics once from the data stored before they existed. */
export class SqliteStatsRepo implements StatsRepo {
  private readonly countStmt: Statement<[], { n: number }>
  private readonly rankingStmt: Statement<[number, number], OrgFiguresRow>
  private readonly figuresStmt: Statement<[string], OrgFiguresRow>
  private readonly aheadStmt: Statement<Record<string, unknown>, { n: number }>
  private readonly memberStmt: Statement<[string], MemberStatsRow>
  private readonly linesStmt: Statement<[string, number, number], MemberStatsRow>
  private readonly adminStmt: Statement<[string, string], { one: number }>
  private readonly addAdminStmt: Statement

  constructor(db: Database) {
    this.countStmt = db.prepare('SELECT COUNT(*) AS n FROM org_stats')
    this.rankingStmt = db.prepare(`SELECT ${ORG_COLUMNS} FROM org_stats ORDER BY ${RANKING_ORDER} LIMIT ? OFFSET ?`)
    this.figuresStmt = db.prepare(`SELECT ${ORG_COLUMNS} FROM org_stats WHERE org_id = ?`)
    this.aheadStmt = db.prepare(`SELECT COUNT(*) AS n FROM org_stats WHERE completion > @completion
      OR (completion = @completion AND (members > @members OR (members = @members AND (name < @name
      OR (name = @name AND org_id < @orgId)))))`)
    this.memberStmt = db.prepare(
      `SELECT ${MEMBER_COLUMNS} FROM member_stats s JOIN members m ON m.id = s.member_id WHERE s.member_id = ?`
    )
    this.linesStmt = db.prepare(`SELECT ${MEMBER_COLUMNS} FROM member_stats s JOIN members m ON m.id = s.member_id
      WHERE s.org_id = ? ORDER BY s.phases DESC, s.articles DESC, m.display_name, s.member_id LIMIT ? OFFSET ?`)
    this.adminStmt = db.prepare('SELECT 1 AS one FROM org_admins WHERE org_id = ? AND member_id = ?')
    this.addAdminStmt = db.prepare(
      'INSERT INTO org_admins (org_id, member_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'
    )
    fillOnce(db)
  }

  async orgCount(): Promise<number> {
    return (this.countStmt.get() as { n: number }).n
  }

  async ranking(offset: number, limit: number): Promise<OrgFiguresRow[]> {
    return this.rankingStmt.all(limit, offset)
  }

  async figures(orgId: string): Promise<OrgFiguresRow | null> {
    return this.figuresStmt.get(orgId) ?? null
  }

  async rank(orgId: string): Promise<number | null> {
    const row = this.figuresStmt.get(orgId)
    if (row === undefined) return null
    return (this.aheadStmt.get({ ...row }) as { n: number }).n + 1
  }

  async memberLine(memberId: string): Promise<MemberStatsRow | null> {
    return this.memberStmt.get(memberId) ?? null
  }

  async memberLines(orgId: string, offset: number, limit: number): Promise<MemberStatsRow[]> {
    return this.linesStmt.all(orgId, limit, offset)
  }

  async isAdmin(orgId: string, memberId: string): Promise<boolean> {
    return this.adminStmt.get(orgId, memberId) !== undefined
  }

  async addAdmin(orgId: string, memberId: string, at: number): Promise<void> {
    this.addAdminStmt.run(orgId, memberId, at)
  }
}

/**
 * Fills member_stats and org_stats from what was stored before migration 005 (once: stats_state.filled), through
 * the same StatsWriter the live writes use. On a new database this finds nothing to do.
 */
function fillOnce(db: Database): void {
  if ((db.prepare('SELECT filled FROM stats_state WHERE id = 1').pluck().get() as number) === 1) return
  db.transaction(() => {
    const writer = new StatsWriter(db)
    for (const org of db.prepare('SELECT id, name FROM orgs').all() as Array<{ id: string; name: string }>) {
      writer.addOrg(org.id, org.name)
    }
    const members = db.prepare('SELECT id, org_id AS orgId, updated_at AS at FROM members').all() as Array<{
      id: string
      orgId: string | null
      at: number
    }>
    const facts = db.prepare('SELECT kind, json FROM sync_facts WHERE member_id = ?')
    const attempts = db.prepare(
      'SELECT result_json AS resultJson, submitted_at AS at FROM quiz_attempts WHERE member_id = ? AND result_json IS NOT NULL'
    )
    const lastPush = db.prepare('SELECT MAX(received_at) FROM sync_mutations WHERE member_id = ?').pluck()
    for (const m of members) {
      writer.move(m.id, m.orgId, m.at)
      const delta: MemberDelta = { articles: 0, readingMs: 0, books: 0, lectures: 0, shares: 0, talks: 0 }
      for (const f of facts.all(m.id) as Array<{ kind: string; json: string }>) {
        if (f.kind === 'reads') delta.articles! += 1
        else if (f.kind === 'sessions') delta.readingMs! += (JSON.parse(f.json) as { ms: number }).ms
        else if (f.kind === 'books') delta.books! += 1
        else if (f.kind === 'lectures') delta.lectures! += 1
        else if (f.kind === 'shares') delta.shares! += 1
        else if (f.kind === 'talks') delta.talks! += 1
      }
      const pushed = lastPush.get(m.id) as number | null
      if (pushed !== null) delta.at = pushed
      writer.apply(m.id, delta)
      for (const a of attempts.all(m.id) as Array<{ resultJson: string; at: number }>) {
        const r = JSON.parse(a.resultJson) as { total: number; max: number }
        writer.apply(m.id, { quiz: { total: r.total, max: r.max }, at: a.at })
      }
    }
    db.prepare('UPDATE stats_state SET filled = 1 WHERE id = 1').run()
  })()
}
