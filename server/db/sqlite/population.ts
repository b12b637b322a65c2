// A generated population of organizations and members with progress, for the statistics test and benchmark (not
// shipped data). Seeded (mulberry32), so a failing run can be replayed.
import type { Database } from 'better-sqlite3'
import { mulberry32 } from '../../../src/domain/random'
import { emptyFacts, type Facts } from '../../../src/domain/sync/facts'
import type { JudgedMutation } from '../repos'
import { SqliteAccountRepo } from './account-repo'
import { SqliteOrgRepo } from './org-repo'
import { SqliteQuizRepo } from './quiz-repo'
import { StatsWriter, type MemberDelta } from './stats'
import { SqliteSyncRepo } from './sync-repo'

export interface PopulationOptions {
  orgs: number
  members: number
  seed: number
  /** Every `pushEvery`-th member's progress goes through SqliteSyncRepo.push (the live path, session growth
   * included); the others' facts are inserted in bulk and counted through the same StatsWriter. Default 1 (all). */
  pushEvery?: number
  /** Insert no sync_facts rows for bulk members, only their statistics (the benchmark at 600,000 members). */
  statsOnly?: boolean
  at?: number
}

const BASE = Date.UTC(2026, 0, 1)

/** Fills an empty, migrated database; returns the organization ids in creation order. */
export async function generatePopulation(db: Database, o: PopulationOptions): Promise<string[]> {
  const rng = mulberry32(o.seed)
  const at = o.at ?? BASE
  const int = (n: number) => Math.floor(rng() * n)
  const orgRepo = new SqliteOrgRepo(db)
  const accounts = new SqliteAccountRepo(db)
  const sync = new SqliteSyncRepo(db)
  const quiz = new SqliteQuizRepo(db)
  const writer = new StatsWriter(db)
  const insertMember = db.prepare(
    'INSERT INTO members (id, display_name, org_id, created_at, updated_at) VALUES (?, ?, NULL, ?, ?)'
  )
  const insertFact = db.prepare(
    'INSERT INTO sync_facts (member_id, kind, fact_key, json, version) VALUES (?, ?, ?, ?, 1)'
  )
  const pending: Array<Promise<unknown>> = []
  const orgIds: string[] = []
  const activity: number[] = []
  db.transaction(() => {
    for (let i = 0; i < o.orgs; i++) {
      const id = `org-${i}`
      pending.push(
        orgRepo.create({
          id,
          name: `第${(i * 7919) % o.orgs}党支部`,
          joinCode: `J${i}`,
          joinCodeExpiresAt: null,
          createdAt: at
        })
      )
      orgIds.push(id)
      activity.push(0.2 + rng())
    }
    for (let m = 0; m < o.members; m++) {
      const id = `m-${m}`
      insertMember.run(id, `党员${m}`, at, at)
      // A few members in no organization; the rest skewed towards the first organizations (bigger branches).
      const orgIndex = rng() < 0.03 ? -1 : Math.floor(rng() ** 1.5 * o.orgs)
      if (orgIndex >= 0) pending.push(accounts.setOrg(id, orgIds[orgIndex], at + m))
      const f = orgIndex >= 0 ? activity[orgIndex] : 0.5
      const facts = emptyFacts()
      const grown: Facts = emptyFacts()
      const reads = Math.floor(rng() ** 2 * 8 * f)
      for (let r = 0; r < reads; r++) {
        const art = { issueId: `issue-${int(12)}`, articleId: `a${int(30)}` }
        facts.reads[`${art.issueId}/${art.articleId}`] = { ...art, readAt: at + r }
        const key = `${art.issueId}/${art.articleId}#s${r}`
        const ms = 10_000 + int(600_000)
        facts.sessions[key] = { ...art, ms, at: at + r }
        if (rng() < 0.3) grown.sessions[key] = { ...art, ms: ms + int(300_000), at: at + r }
      }
      if (rng() < 0.2 * f) facts.shares[`sh-${m}`] = { issueId: 'issue-1', articleId: 'a1', channel: 'chat', at }
      for (let b = int(3); b > 0 && rng() < 0.3 * f; b--)
        facts.books[`c/b${b}`] = { campaignId: 'c', bookId: `b${b}`, at }
      if (rng() < 0.25 * f) facts.lectures['c/l1'] = { campaignId: 'c', lectureId: 'l1', at }
      if (rng() < 0.1 * f) facts.talks[`t-${m}`] = { campaignId: 'c', title: '讲党课', on: '2026-01-01', at }
      if (m % (o.pushEvery ?? 1) === 0) {
        const mutations: JudgedMutation[] = [facts, grown].map((facts, i) => ({
          clientId: `c-${m}`,
          id: i + 1,
          name: 'generated',
          argsJson: '{}',
          at,
          facts,
          reason: null
        }))
        pending.push(sync.push(id, mutations, at + 1000 + m))
      } else {
        const delta: MemberDelta = { articles: 0, readingMs: 0, books: 0, lectures: 0, shares: 0, talks: 0, at: at + m }
        for (const [kind, map] of Object.entries(facts) as Array<[keyof Facts, Record<string, unknown>]>) {
          for (const [key, fact] of Object.entries(map)) {
            const final = kind === 'sessions' ? (grown.sessions[key] ?? fact) : fact
            if (!o.statsOnly) insertFact.run(id, kind, key, JSON.stringify(final))
            if (kind === 'reads') delta.articles! += 1
            else if (kind === 'sessions') delta.readingMs! += (final as { ms: number }).ms
            else if (kind !== 'positions' && kind !== 'answers' && kind !== 'listens') delta[kind]! += 1
          }
        }
        writer.apply(id, delta)
      }
      // The scored quiz: some members submit one bank, a few two (the better result counts).
      for (const bank of rng() < 0.3 * f ? (rng() < 0.2 ? ['b1', 'b2'] : ['b1']) : []) {
        const attempt = `q-${m}-${bank}`
        pending.push(
          quiz.start({
            id: attempt,
            memberId: id,
            bankId: bank,
            seed: 's',
            paperJson: '{}',
            startedAt: at,
            deadline: at + 1,
            submittedAt: null,
            answersJson: null,
            resultJson: null
          })
        )
        const total = int(101)
        pending.push(
          quiz.submit(attempt, {
            submittedAt: at + 2 + m,
            answersJson: '[]',
            resultJson: JSON.stringify({ total, max: 100 })
          })
        )
      }
      // A few members move to another organization after their progress: their figures move with them.
      if (orgIndex >= 0 && rng() < 0.02) pending.push(accounts.setOrg(id, orgIds[int(o.orgs)], at + m + 1))
    }
  })()
  // The repos' methods ran synchronously inside the transaction; surface any failure they reported.
  await Promise.all(pending)
  return orgIds
}
