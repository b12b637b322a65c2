// Organization statistics (server/db/sqlite/stats.ts): what GET /api/orgs/ranking and GET /api/orgs/mine/stats do
// (OrgStatsService over SQLite), at 3,900 organizations / 50,000 members and at 3,900 / 600,000, each against a
// plain `SELECT count(*) FROM member_stats` on the same database in the same run: the cheapest question one can ask
// of the members' table, so a ratio near or below 1 means the figures cost no more than counting the members.
// The populations are generated (server/db/sqlite/population.ts), statistics only, no facts: reads do not touch them.
// Run alone with `npx tsx bench/orgs.bench.ts`.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { migrate } from '../server/db/migrate'
import { SqliteAccountRepo } from '../server/db/sqlite/account-repo'
import { generatePopulation } from '../server/db/sqlite/population'
import { SqliteStatsRepo } from '../server/db/sqlite/stats-repo'
import { OrgStatsService } from '../server/services/org-stats'
import { runIfMain, type BenchRow } from '../tools/lib/bench-row'

const ORGS = 3_900
const SIZES = [50_000, 600_000]
const RUNS = 200
/** What a member would accept for the server's part of opening the page: well under a frame of network latency. */
const GOAL_MS = 20

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function timeMedian(fn: () => unknown): Promise<number> {
  for (let i = 0; i < 10; i++) await fn()
  const ms: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    await fn()
    ms.push(performance.now() - start)
  }
  return median(ms)
}

async function measure(members: number): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-orgs-'))
  const db = new Database(join(dir, 'app.db'))
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    migrate(db)
    const stats = new SqliteStatsRepo(db)
    const started = performance.now()
    await generatePopulation(db, { orgs: ORGS, members, seed: members, pushEvery: 1_000_000_000, statsOnly: true })
    console.error(`orgs bench: ${members} members generated in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    db.pragma('optimize')
    const service = new OrgStatsService(stats, new SqliteAccountRepo(db), Date.now)
    // A member of a mid-ranked organization asks.
    const asker = db
      .prepare("SELECT member_id FROM member_stats WHERE org_id = 'org-100' LIMIT 1")
      .pluck()
      .get() as string
    const count = db.prepare('SELECT count(*) FROM member_stats').pluck()
    const countMs = await timeMedian(() => count.get())
    const rankingMs = await timeMedian(() => service.ranking(asker, 5, 20))
    const mineMs = await timeMedian(() => service.mine(asker))
    const round = (n: number) => Math.round(n * 1000) / 1000
    const label = `${ORGS.toLocaleString('en')} orgs / ${members.toLocaleString('en')} members`
    const note = 'baseline: SELECT count(*) FROM member_stats, same database'
    return [
      {
        measure: `org ranking page (page 5 of 20, with my own rank), ${label} (median of ${RUNS})`,
        value: round(rankingMs),
        baseline: round(countMs),
        unit: 'ms',
        note,
        goal: { of: 'value', max: GOAL_MS }
      },
      {
        measure: `one organization's figures (GET /api/orgs/mine/stats), ${label} (median of ${RUNS})`,
        value: round(mineMs),
        baseline: round(countMs),
        unit: 'ms',
        note,
        goal: { of: 'value', max: GOAL_MS }
      }
    ]
  } finally {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  for (const members of SIZES) rows.push(...(await measure(members)))
  return rows
}

runIfMain('orgs.bench.ts', run)
