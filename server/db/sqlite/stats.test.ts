// @vitest-environment node
// The organization statistics at scale: 3,900 organizations and 50,000 members with generated progress (a tenth of
// it through the live push path, the rest in bulk through the same StatsWriter), checked against a straightforward
// recomputation from the raw facts and quiz attempts.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../test-support'
import { migrate } from '../migrate'
import type { MemberCounters, OrgFiguresRow } from '../repos'
import { generatePopulation } from './population'
import { SqliteStatsRepo } from './stats-repo'

const ORGS = 3_900
const MEMBERS = 50_000

let dir: ReturnType<typeof tempDir>
let db: Database.Database
let stats: SqliteStatsRepo

beforeAll(async () => {
  dir = tempDir()
  db = new Database(join(dir.path, 'app.db'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  migrate(db)
  stats = new SqliteStatsRepo(db)
  await generatePopulation(db, { orgs: ORGS, members: MEMBERS, seed: 20260101, pushEvery: 10 })
}, 120_000)
afterAll(() => {
  db.close()
  dir.remove()
})

type Expected = Omit<MemberCounters, 'lastActive'>

/** Every member's figures from the raw rows, and each organization's sums, computed the plain way. */
function recompute() {
  const members = new Map<string, Expected & { orgId: string | null }>()
  for (const m of db.prepare('SELECT id, org_id AS orgId FROM members').all() as Array<{
    id: string
    orgId: string | null
  }>) {
    members.set(m.id, {
      orgId: m.orgId,
      articles: 0,
      readingMs: 0,
      books: 0,
      lectures: 0,
      shares: 0,
      talks: 0,
      quizTotal: null,
      quizMax: null
    })
  }
  for (const f of db.prepare('SELECT member_id AS id, kind, json FROM sync_facts').iterate() as Iterable<{
    id: string
    kind: string
    json: string
  }>) {
    const m = members.get(f.id)!
    if (f.kind === 'reads') m.articles++
    else if (f.kind === 'sessions') m.readingMs += (JSON.parse(f.json) as { ms: number }).ms
    else if (f.kind === 'books') m.books++
    else if (f.kind === 'lectures') m.lectures++
    else if (f.kind === 'shares') m.shares++
    else if (f.kind === 'talks') m.talks++
  }
  for (const a of db
    .prepare('SELECT member_id AS id, result_json AS r FROM quiz_attempts WHERE submitted_at IS NOT NULL')
    .all() as Array<{ id: string; r: string }>) {
    const m = members.get(a.id)!
    const r = JSON.parse(a.r) as { total: number; max: number }
    if (m.quizTotal === null || r.total > m.quizTotal) {
      m.quizTotal = r.total
      m.quizMax = r.max
    }
  }
  const orgs = new Map<string, OrgFiguresRow & { phaseSum: number }>()
  for (const o of db.prepare('SELECT id, name FROM orgs').all() as Array<{ id: string; name: string }>) {
    orgs.set(o.id, {
      orgId: o.id,
      name: o.name,
      members: 0,
      activeRead: 0,
      activeListen: 0,
      activeSpeak: 0,
      activeAnswer: 0,
      quizCount: 0,
      quizTotalSum: 0,
      quizMaxSum: 0,
      articles: 0,
      readingMs: 0,
      completion: 0,
      phaseSum: 0
    })
  }
  for (const m of members.values()) {
    if (m.orgId === null) continue
    const o = orgs.get(m.orgId)!
    const read = m.articles + m.books > 0
    const listen = m.lectures > 0
    const speak = m.shares + m.talks > 0
    const answer = m.quizTotal !== null
    o.members++
    o.activeRead += Number(read)
    o.activeListen += Number(listen)
    o.activeSpeak += Number(speak)
    o.activeAnswer += Number(answer)
    o.phaseSum += Number(read) + Number(listen) + Number(speak) + Number(answer)
    if (answer) {
      o.quizCount++
      o.quizTotalSum += m.quizTotal!
      o.quizMaxSum += m.quizMax!
    }
    o.articles += m.articles
    o.readingMs += m.readingMs
  }
  for (const o of orgs.values()) o.completion = o.members === 0 ? 0 : o.phaseSum / (4 * o.members)
  const ranking = [...orgs.values()].sort(
    (a, b) =>
      b.completion - a.completion ||
      b.members - a.members ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      (a.orgId < b.orgId ? -1 : 1)
  )
  return { members, orgs, ranking }
}

describe(`statistics of ${ORGS} organizations and ${MEMBERS} members`, () => {
  it('rank and figure every organization as a recomputation from the raw facts does', async () => {
    const expected = recompute()
    expect(await stats.orgCount()).toBe(ORGS)
    const ranked: OrgFiguresRow[] = []
    for (let offset = 0; offset < ORGS; offset += 100) ranked.push(...(await stats.ranking(offset, 100)))
    expect(ranked.map((r) => r.orgId)).toEqual(expected.ranking.map((r) => r.orgId))
    // Every organization's figures, not only the order.
    const strip = ({ phaseSum: _, ...rest }: OrgFiguresRow & { phaseSum: number }) => rest
    expect(ranked).toEqual(expected.ranking.map(strip))
    // The population is not trivial: sizes and activity vary, and the quiz and every phase are present.
    const totals = ranked.reduce(
      (t, r) => ({ members: t.members + r.members, quiz: t.quiz + r.quizCount, listen: t.listen + r.activeListen }),
      { members: 0, quiz: 0, listen: 0 }
    )
    expect(totals.members).toBeGreaterThan(MEMBERS * 0.95)
    expect(totals.quiz).toBeGreaterThan(1000)
    expect(totals.listen).toBeGreaterThan(1000)
    expect(new Set(ranked.map((r) => r.completion)).size).toBeGreaterThan(100)
  })

  it("one organization's figures, rank and member lines match the recomputation", async () => {
    const expected = recompute()
    const biggest = [...expected.orgs.values()].sort((a, b) => b.members - a.members)[0]
    expect(biggest.members).toBeGreaterThan(50)
    const { phaseSum: _, ...want } = biggest
    expect(await stats.figures(biggest.orgId)).toEqual(want)
    expect(await stats.rank(biggest.orgId)).toBe(expected.ranking.findIndex((o) => o.orgId === biggest.orgId) + 1)
    const lines = await stats.memberLines(biggest.orgId, 0, 1000)
    expect(lines).toHaveLength(biggest.members)
    for (const line of lines) {
      const m = expected.members.get(line.memberId)!
      const { orgId: __, ...figures } = m
      expect(line).toMatchObject(figures)
    }
  })
})
