import type { Database, Statement } from 'better-sqlite3'
import type { MemberCounters } from '../repos'

export type { MemberCounters } from '../repos'

/** What one write adds to a member: counts of new facts, ms added, a submitted quiz result, the time of the write. */
export interface MemberDelta {
  articles?: number
  readingMs?: number
  books?: number
  lectures?: number
  shares?: number
  talks?: number
  quiz?: { total: number; max: number }
  at?: number
}

export const ZERO: MemberCounters = {
  articles: 0,
  readingMs: 0,
  books: 0,
  lectures: 0,
  shares: 0,
  talks: 0,
  quizTotal: null,
  quizMax: null,
  lastActive: null
}

/** 读 听 讲 答 (the campaign's four phases): which the member is active in. */
export function phasesOf(s: MemberCounters): { read: boolean; listen: boolean; speak: boolean; answer: boolean } {
  return {
    read: s.articles + s.books > 0,
    listen: s.lectures > 0,
    speak: s.shares + s.talks > 0,
    answer: s.quizTotal !== null
  }
}

export function phaseCount(s: MemberCounters): number {
  const p = phasesOf(s)
  return Number(p.read) + Number(p.listen) + Number(p.speak) + Number(p.answer)
}

/** The counters after a delta. The best quiz is the higher total (the first one on a tie). */
export function applyDelta(s: MemberCounters, d: MemberDelta): MemberCounters {
  const better = d.quiz !== undefined && (s.quizTotal === null || d.quiz.total > s.quizTotal)
  return {
    articles: s.articles + (d.articles ?? 0),
    readingMs: s.readingMs + (d.readingMs ?? 0),
    books: s.books + (d.books ?? 0),
    lectures: s.lectures + (d.lectures ?? 0),
    shares: s.shares + (d.shares ?? 0),
    talks: s.talks + (d.talks ?? 0),
    quizTotal: better ? d.quiz!.total : s.quizTotal,
    quizMax: better ? d.quiz!.max : s.quizMax,
    lastActive: d.at === undefined ? s.lastActive : Math.max(s.lastActive ?? d.at, d.at)
  }
}

/** What a member adds to their organization's row. */
function contribution(s: MemberCounters | null): number[] {
  if (s === null) return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
  const p = phasesOf(s)
  const quizzed = s.quizTotal !== null
  return [
    1,
    Number(p.read),
    Number(p.listen),
    Number(p.speak),
    Number(p.answer),
    phaseCount(s),
    Number(quizzed),
    quizzed ? (s.quizTotal as number) : 0,
    quizzed ? (s.quizMax as number) : 0,
    s.articles,
    s.readingMs
  ]
}

const COUNTER_COLUMNS = `articles, reading_ms AS readingMs, books, lectures, shares, talks, quiz_total AS quizTotal,
  quiz_max AS quizMax, last_active AS lastActive`

interface OrgSums {
  members: number
  activeRead: number
  activeListen: number
  activeSpeak: number
  activeAnswer: number
  phaseSum: number
  quizCount: number
  quizTotalSum: number
  quizMaxSum: number
  articles: number
  readingMs: number
}
const SUM_KEYS: Array<keyof OrgSums> = [
  'members',
  'activeRead',
  'activeListen',
  'activeSpeak',
  'activeAnswer',
  'phaseSum',
  'quizCount',
  'quizTotalSum',
  'quizMaxSum',
  'articles',
  'readingMs'
]

/**
 * The one place member_stats and org_stats change. Every caller runs it inside the transaction of the write that
 * caused the change (a push, a quiz submission, a join), so the statistics never disagree with the facts: the
 * member's row gets the delta and the organization's row gets the difference the member's contribution made.
 * Keeping org_stats as sums (rather than aggregating member_stats per request) makes the ranking a walk over
 * one small indexed table, whatever the number of members.
 */
export class StatsWriter {
  private readonly getMember: Statement<[string], MemberCounters & { orgId: string | null; joinedAt: number | null }>
  private readonly memberOrg: Statement<[string], { orgId: string | null; updatedAt: number }>
  private readonly putMember: Statement
  private readonly setMemberOrg: Statement
  private readonly getOrg: Statement<[string], OrgSums>
  private readonly putOrg: Statement
  private readonly insertOrg: Statement

  constructor(db: Database) {
    this.getMember = db.prepare(`SELECT ${COUNTER_COLUMNS}, org_id AS orgId, joined_at AS joinedAt
      FROM member_stats WHERE member_id = ?`)
    this.memberOrg = db.prepare('SELECT org_id AS orgId, updated_at AS updatedAt FROM members WHERE id = ?')
    this.putMember = db.prepare(`INSERT INTO member_stats (member_id, org_id, joined_at, articles, reading_ms, books,
      lectures, shares, talks, quiz_total, quiz_max, last_active, phases)
      VALUES (@memberId, @orgId, @joinedAt, @articles, @readingMs, @books, @lectures, @shares, @talks, @quizTotal,
      @quizMax, @lastActive, @phases)
      ON CONFLICT (member_id) DO UPDATE SET org_id = excluded.org_id, joined_at = excluded.joined_at,
      articles = excluded.articles, reading_ms = excluded.reading_ms, books = excluded.books,
      lectures = excluded.lectures, shares = excluded.shares, talks = excluded.talks, quiz_total = excluded.quiz_total,
      quiz_max = excluded.quiz_max, last_active = excluded.last_active, phases = excluded.phases`)
    this.setMemberOrg = db.prepare('UPDATE member_stats SET org_id = ?, joined_at = ? WHERE member_id = ?')
    this.getOrg = db.prepare(`SELECT members, active_read AS activeRead, active_listen AS activeListen,
      active_speak AS activeSpeak, active_answer AS activeAnswer, phase_sum AS phaseSum, quiz_count AS quizCount,
      quiz_total_sum AS quizTotalSum, quiz_max_sum AS quizMaxSum, articles, reading_ms AS readingMs
      FROM org_stats WHERE org_id = ?`)
    this.putOrg = db.prepare(`UPDATE org_stats SET members = @members, active_read = @activeRead,
      active_listen = @activeListen, active_speak = @activeSpeak, active_answer = @activeAnswer,
      phase_sum = @phaseSum, quiz_count = @quizCount, quiz_total_sum = @quizTotalSum, quiz_max_sum = @quizMaxSum,
      articles = @articles, reading_ms = @readingMs, completion = @completion WHERE org_id = @orgId`)
    this.insertOrg = db.prepare(`INSERT INTO org_stats (org_id, name, members, active_read, active_listen,
      active_speak, active_answer, phase_sum, quiz_count, quiz_total_sum, quiz_max_sum, articles, reading_ms,
      completion) VALUES (?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) ON CONFLICT (org_id) DO NOTHING`)
  }

  /** The empty statistics row of a new organization. */
  addOrg(orgId: string, name: string): void {
    this.insertOrg.run(orgId, name)
  }

  /** Adds a delta to the member (and to their organization). Call inside the write's transaction. */
  apply(memberId: string, delta: MemberDelta): void {
    const row = this.getMember.get(memberId)
    let orgId: string | null
    let joinedAt: number | null
    let before: MemberCounters
    if (row === undefined) {
      const member = this.memberOrg.get(memberId)
      if (member === undefined) return
      orgId = member.orgId
      joinedAt = orgId === null ? null : member.updatedAt
      before = ZERO
    } else {
      ;({ orgId, joinedAt } = row)
      before = row
    }
    const after = applyDelta(before, delta)
    this.putMember.run({ memberId, orgId, joinedAt, ...after, phases: phaseCount(after) })
    if (orgId !== null) this.moveOrg(orgId, row === undefined ? null : before, after)
  }

  /** Moves the member's contribution from their organization (if any) to `orgId` (or none). Inside the join's transaction. */
  move(memberId: string, orgId: string | null, at: number): void {
    const row = this.getMember.get(memberId)
    if (row === undefined) {
      this.putMember.run({ memberId, orgId, joinedAt: orgId === null ? null : at, ...ZERO, phases: 0 })
      if (orgId !== null) this.moveOrg(orgId, null, ZERO)
      return
    }
    if (row.orgId === orgId) return
    if (row.orgId !== null) this.moveOrg(row.orgId, row, null)
    this.setMemberOrg.run(orgId, orgId === null ? null : at, memberId)
    if (orgId !== null) this.moveOrg(orgId, null, row)
  }

  /** Replaces `before`'s contribution to the organization with `after`'s (null: not counted there). */
  private moveOrg(orgId: string, before: MemberCounters | null, after: MemberCounters | null): void {
    const sums = this.getOrg.get(orgId)
    if (sums === undefined) return
    const b = contribution(before)
    const a = contribution(after)
    const next = { ...sums }
    SUM_KEYS.forEach((key, i) => (next[key] += a[i] - b[i]))
    const completion = next.members > 0 ? next.phaseSum / (4 * next.members) : 0
    this.putOrg.run({ orgId, ...next, completion })
  }
}
