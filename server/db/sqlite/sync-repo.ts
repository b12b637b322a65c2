import type { Database, Statement } from 'better-sqlite3'
import { emptyFacts, mergeFacts, type AnswerFact, type Facts } from '../../../src/domain/sync/facts'
import { factsOf } from '../../../src/domain/sync/mutations'
import type { PullReply } from '../../../src/domain/api/sync'
import type { JudgedMutation, MemberSyncData, PushOutcome, SyncRepo } from '../repos'
import { StatsWriter, type MemberDelta } from './stats'

type Kind = keyof Facts
const KINDS: Kind[] = ['reads', 'sessions', 'positions', 'shares', 'answers', 'books', 'lectures', 'talks', 'listens']

/** Adds a fact the member did not have to the push's statistics delta. */
function countNew(delta: Required<Omit<MemberDelta, 'quiz'>>, kind: Kind, fact: unknown): void {
  if (kind === 'reads') delta.articles++
  else if (kind === 'sessions') delta.readingMs += (fact as { ms: number }).ms
  else if (kind === 'books') delta.books++
  else if (kind === 'lectures') delta.lectures++
  else if (kind === 'shares') delta.shares++
  else if (kind === 'talks') delta.talks++
}

/** SyncRepo on better-sqlite3: a push is one transaction (SPEC P1). */
export class SqliteSyncRepo implements SyncRepo {
  private readonly pushTx: (memberId: string, mutations: JudgedMutation[], at: number) => PushOutcome
  private readonly pullTx: (memberId: string, cookie: number) => PullReply
  private readonly dataTx: (memberId: string, limit: number) => MemberSyncData
  private readonly answerMutations: Statement<
    [string, number, string],
    { argsJson: string; receivedAt: number; clientId: string; id: number }
  >

  constructor(db: Database) {
    const clientOwner: Statement<[string], { member_id: string; last_mutation_id: number }> = db.prepare(
      'SELECT member_id, last_mutation_id FROM sync_clients WHERE client_id = ?'
    )
    const upsertClient = db.prepare(`INSERT INTO sync_clients (client_id, member_id, last_mutation_id, updated_at)
      VALUES (?, ?, ?, ?) ON CONFLICT (client_id) DO UPDATE SET last_mutation_id = excluded.last_mutation_id,
      updated_at = excluded.updated_at`)
    const logMutation = db.prepare(`INSERT INTO sync_mutations
      (client_id, mutation_id, member_id, name, args_json, at, rejected, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    const addFact = db.prepare(`INSERT INTO sync_facts (member_id, kind, fact_key, json, version) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (member_id, kind, fact_key) DO NOTHING`)
    const getFact = db.prepare('SELECT json FROM sync_facts WHERE member_id = ? AND kind = ? AND fact_key = ?').pluck()
    const putFact = db.prepare(`INSERT INTO sync_facts (member_id, kind, fact_key, json, version) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (member_id, kind, fact_key) DO UPDATE SET json = excluded.json, version = excluded.version`)
    const memberVersion = db.prepare('SELECT version FROM sync_members WHERE member_id = ?').pluck()
    const putVersion = db.prepare(`INSERT INTO sync_members (member_id, version) VALUES (?, ?)
      ON CONFLICT (member_id) DO UPDATE SET version = excluded.version`)
    const changedFacts = db.prepare(
      'SELECT kind, fact_key AS key, json FROM sync_facts WHERE member_id = ? AND version > ?'
    )
    const memberClients = db.prepare(
      'SELECT client_id AS clientId, last_mutation_id AS last FROM sync_clients WHERE member_id = ?'
    )

    // LIKE only narrows the rows (the prefix somewhere in the arguments); the exact answerId test is in JS.
    this.answerMutations = db.prepare(`SELECT args_json AS argsJson, received_at AS receivedAt, client_id AS clientId,
      mutation_id AS id FROM sync_mutations WHERE member_id = ? AND name = 'answer' AND rejected IS NULL
      AND received_at <= ? AND args_json LIKE ? ESCAPE '\\'`)

    const clientRows = db.prepare(`SELECT client_id AS clientId, last_mutation_id AS lastMutationId,
      updated_at AS updatedAt FROM sync_clients WHERE member_id = ? ORDER BY updated_at, client_id`)
    const mutationCounts = db.prepare(`SELECT COUNT(*) AS total, COUNT(rejected) AS rejected FROM sync_mutations
      WHERE member_id = ?`)
    const factCount = db.prepare('SELECT COUNT(*) FROM sync_facts WHERE member_id = ? AND kind = ?').pluck()
    const factRows = db
      .prepare('SELECT json FROM sync_facts WHERE member_id = ? AND kind = ? ORDER BY fact_key LIMIT ?')
      .pluck()

    this.dataTx = db.transaction((memberId: string, limit: number): MemberSyncData => {
      const facts = {} as MemberSyncData['facts']
      for (const kind of KINDS) {
        facts[kind] = {
          count: factCount.get(memberId, kind) as number,
          items: (factRows.all(memberId, kind, limit) as string[]).map((json) => JSON.parse(json) as unknown)
        }
      }
      return {
        clients: clientRows.all(memberId) as MemberSyncData['clients'],
        mutations: mutationCounts.get(memberId) as MemberSyncData['mutations'],
        facts
      }
    })
    const stats = new StatsWriter(db)

    const lastIds = (memberId: string): Record<string, number> =>
      Object.fromEntries(
        (memberClients.all(memberId) as Array<{ clientId: string; last: number }>).map((r) => [r.clientId, r.last])
      )

    this.pushTx = db.transaction((memberId: string, mutations: JudgedMutation[], at: number): PushOutcome => {
      // P5: refuse the whole push before anything is written if any client is another member's.
      const last = new Map<string, number>()
      for (const m of mutations) {
        if (last.has(m.clientId)) continue
        const row = clientOwner.get(m.clientId)
        if (row && row.member_id !== memberId) return { kind: 'foreign_client', clientId: m.clientId }
        last.set(m.clientId, row?.last_mutation_id ?? 0)
      }
      const version = ((memberVersion.get(memberId) as number | undefined) ?? 0) + 1
      let changed = false
      let applied = 0
      let skipped = 0
      const rejected: Array<{ clientId: string; id: number; reason: string }> = []
      let gap: { clientId: string; lastMutationId: number; got: number } | null = null
      // What this push adds to the member's statistics, applied once at the end of the same transaction.
      const delta: Required<Omit<MemberDelta, 'quiz'>> = {
        articles: 0,
        readingMs: 0,
        books: 0,
        lectures: 0,
        shares: 0,
        talks: 0,
        at
      }
      for (const m of mutations) {
        const prev = last.get(m.clientId) as number
        if (m.id <= prev) {
          skipped++ // P2: seen before.
          continue
        }
        if (m.id > prev + 1) {
          gap = { clientId: m.clientId, lastMutationId: prev, got: m.id } // P3: apply what came before, no more.
          break
        }
        logMutation.run(m.clientId, m.id, memberId, m.name, m.argsJson, m.at, m.reason, at)
        last.set(m.clientId, m.id)
        if (m.facts === null) {
          rejected.push({ clientId: m.clientId, id: m.id, reason: m.reason ?? 'rejected' }) // P4: still advances.
          continue
        }
        applied++
        for (const kind of KINDS) {
          for (const [key, fact] of Object.entries(m.facts[kind] ?? {})) {
            // A fact the member does not have yet is stored as it is (merging with nothing changes nothing): one
            // statement instead of a read and a write, which is most of a push (new sessions, reads, shares).
            if (addFact.run(memberId, kind, key, JSON.stringify(fact), version).changes === 1) {
              changed = true
              countNew(delta, kind, fact)
              continue
            }
            const storedJson = getFact.get(memberId, kind, key) as string | undefined
            const incoming = { ...emptyFacts(), [kind]: { [key]: fact } } as Facts
            const merged =
              storedJson === undefined
                ? incoming
                : mergeFacts({ ...emptyFacts(), [kind]: { [key]: JSON.parse(storedJson) } } as Facts, incoming)
            const json = JSON.stringify(merged[kind]?.[key])
            if (json === storedJson) continue
            putFact.run(memberId, kind, key, json, version)
            changed = true
            // A session only grows (F2): its statistics gain the difference. Other kinds count once, when new.
            if (kind === 'sessions' && storedJson !== undefined) {
              delta.readingMs += (merged.sessions[key].ms ?? 0) - (JSON.parse(storedJson) as { ms: number }).ms
            }
          }
        }
      }
      for (const [clientId, id] of last) upsertClient.run(clientId, memberId, id, at)
      if (changed) putVersion.run(memberId, version)
      if (applied > 0) stats.apply(memberId, delta)
      return { kind: 'ok', applied, skipped, rejected, gap, lastMutationIds: lastIds(memberId) }
    })

    this.pullTx = db.transaction((memberId: string, cookie: number): PullReply => {
      const facts = emptyFacts()
      for (const row of changedFacts.all(memberId, cookie) as Array<{ kind: Kind; key: string; json: string }>) {
        ;(facts[row.kind] as Record<string, unknown>)[row.key] = JSON.parse(row.json)
      }
      const version = (memberVersion.get(memberId) as number | undefined) ?? 0
      return { facts, lastMutationIds: lastIds(memberId), cookie: version }
    })
  }

  async push(memberId: string, mutations: JudgedMutation[], at: number): Promise<PushOutcome> {
    return this.pushTx(memberId, mutations, at)
  }

  async pull(memberId: string, cookie: number): Promise<PullReply> {
    return this.pullTx(memberId, cookie)
  }

  async memberData(memberId: string, limit: number): Promise<MemberSyncData> {
    return this.dataTx(memberId, limit)
  }

  /**
   * Rebuilt from the mutation log rather than read from sync_facts: a fact row is the merge of every mutation ever
   * received, and cannot tell which of them arrived by `receivedBy`. Each mutation is judged again as the push
   * judged it (its time clamped to the moment it was received), so the result is exactly the facts the member had
   * at `receivedBy`, restricted to the prefix.
   */
  async answerFacts(memberId: string, prefix: string, receivedBy: number): Promise<Record<string, AnswerFact>> {
    // The prefix as JSON.stringify wrote it into args_json, with LIKE's own wildcards escaped.
    const inJson = JSON.stringify(prefix).slice(1, -1)
    const pattern = `%${inJson.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const out: Record<string, AnswerFact> = {}
    for (const row of this.answerMutations.all(memberId, receivedBy, pattern)) {
      const args = JSON.parse(row.argsJson) as { answerId?: unknown }
      if (typeof args.answerId !== 'string' || !args.answerId.startsWith(prefix)) continue
      const judged = factsOf(
        { clientId: row.clientId, id: row.id, name: 'answer', args, at: row.receivedAt },
        { now: row.receivedAt, articleExists: () => false }
      )
      if (!judged.ok) continue
      for (const [key, fact] of Object.entries(judged.facts.answers)) {
        const prev = out[key]
        // F4, as the push merged it: the same id seen twice keeps the earliest.
        out[key] =
          prev === undefined
            ? fact
            : mergeFacts({ ...emptyFacts(), answers: { [key]: prev } }, { ...emptyFacts(), answers: { [key]: fact } })
                .answers[key]
      }
    }
    return out
  }
}
