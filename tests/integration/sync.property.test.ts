// SPEC M1–M2, P1–P5, L1, F1–F4 as one property: random schedules of 2–4 devices of one member against the real
// server code (SyncService on SQLite) in-process, with offline devices, lost answers, duplicated and late
// deliveries, and devices killed and restarted from their storage. After everyone syncs, every device's state
// equals the server's and each mutation is counted exactly once. Seeded; the seed is printed on failure.
import fc from 'fast-check'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Issue } from '../../src/domain/issue/types'
import { canonicalFacts, type Facts } from '../../src/domain/sync/facts'
import type { PushBody } from '../../src/domain/api/sync'
import { NetworkError } from '../../src/platform/http.types'
import { createMemoryKeyValueStore } from '../../src/platform/kv.memory'
import { createSyncEngine, type SyncEngine, type SyncTransport } from '../../src/services/sync/engine'
import { DB_FILE } from '../../server/db/sqlite/open'
import { SyncService } from '../../server/services/sync'
import { SAMPLE_ID, signInDevice, testEnv, type TestEnv } from '../../server/test-support'

const SEED = Number(process.env.FC_SEED ?? 1_921_07)
const RUNS = Number(process.env.SYNC_RUNS ?? 1000)

let env: TestEnv
let sync: SyncService
let articles: string[]
let db: Database.Database

beforeAll(async () => {
  env = await testEnv()
  sync = new SyncService(env.app.services.store.sync, env.app.services.content, env.clock.now)
  const issue = JSON.parse((await env.app.services.content.issue(SAMPLE_ID))!.body) as Issue
  articles = issue.sections.flatMap((s) => s.articles.map((a) => a.id)).slice(0, 4)
  db = new Database(join(env.dataDir, DB_FILE), { readonly: true })
})
afterAll(async () => {
  db.close()
  await env.close()
})

type Action =
  | { kind: 'read'; d: number; a: number }
  | { kind: 'session'; d: number; a: number; s: number; ms: number }
  | { kind: 'position'; d: number; a: number; p: number }
  | { kind: 'answer'; d: number; q: number }
  | { kind: 'offline'; d: number; on: boolean }
  | { kind: 'sync'; d: number; fault: 'none' | 'lost' | 'dup' }
  | { kind: 'late'; d: number }
  | { kind: 'kill'; d: number }
  | { kind: 'bad'; d: number }

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('read' as const), d: fc.nat(3), a: fc.nat(3) }),
  fc.record({
    kind: fc.constant('session' as const),
    d: fc.nat(3),
    a: fc.nat(3),
    s: fc.nat(2),
    ms: fc.integer({ min: 1, max: 600_000 })
  }),
  fc.record({
    kind: fc.constant('position' as const),
    d: fc.nat(3),
    a: fc.nat(3),
    p: fc.double({ min: 0, max: 1, noNaN: true })
  }),
  fc.record({ kind: fc.constant('answer' as const), d: fc.nat(3), q: fc.nat(5) }),
  fc.record({ kind: fc.constant('offline' as const), d: fc.nat(3), on: fc.boolean() }),
  fc.record({
    kind: fc.constant('sync' as const),
    d: fc.nat(3),
    fault: fc.constantFrom('none' as const, 'lost' as const, 'dup' as const)
  }),
  fc.record({ kind: fc.constant('late' as const), d: fc.nat(3) }),
  fc.record({ kind: fc.constant('kill' as const), d: fc.nat(3) }),
  // Valid on the device, refused by the server (P4): no published issue has this article.
  fc.record({ kind: fc.constant('bad' as const), d: fc.nat(3) })
)

interface Device {
  kv: ReturnType<typeof createMemoryKeyValueStore>
  engine: SyncEngine
  offline: boolean
  fault: 'none' | 'lost' | 'dup'
  /** Pushes this device sent earlier, delivered again later by the network. */
  sent: PushBody[]
  /** Clock skew of this device: some run ahead of the server (C2). */
  skew: number
  sessions: number
}

async function schedule(devices: number, skews: number[], actions: Action[]): Promise<void> {
  const { memberId } = await signInDevice(env.app)
  let ids = 0
  const made = new Map<string, number>() // session key → largest ms any device recorded for it
  const recorded = new Set<string>() // clientId/id of every mutation made
  const transportFor = (dev: () => Device): SyncTransport => ({
    async push(body) {
      const d = dev()
      if (d.offline) throw new NetworkError('offline')
      d.sent.push(body)
      const out = await sync.push(memberId, body.mutations)
      if (out.kind !== 'ok') throw new Error(`refused: ${out.clientId}`)
      if (d.fault === 'dup') await sync.push(memberId, body.mutations)
      if (d.fault === 'lost') throw new NetworkError('answer lost')
      const { kind: _kind, ...reply } = out
      return reply
    },
    async pull(body) {
      if (dev().offline) throw new NetworkError('offline')
      return sync.pull(memberId, body.cookie)
    }
  })
  const boot = (d: Device): SyncEngine => {
    const engine = createSyncEngine({
      kv: d.kv,
      transport: transportFor(() => d),
      now: () => env.clock.now() + d.skew,
      random: () => 0.5,
      // Unique across schedules, as the app's random ids are: a client id is bound to the member that first used it
      // (another member's push under it is refused), and a prefix of the member id is not unique among 1000 members.
      newId: () => `id${++ids}-${memberId}`,
      setTimer: () => null, // the schedule drives every sync itself
      clearTimer: () => undefined
    })
    engine.setMember(memberId)
    return engine
  }
  const devs: Device[] = []
  for (let i = 0; i < devices; i++) {
    const d = {
      kv: createMemoryKeyValueStore(),
      offline: false,
      fault: 'none',
      sent: [],
      skew: skews[i],
      sessions: 0
    } as unknown as Device
    d.engine = boot(d)
    devs.push(d)
  }
  await Promise.all(devs.map((d) => d.engine.syncNow()))

  for (const act of actions) {
    const d = devs[act.d % devices]
    env.clock.advance(1000)
    const issueId = SAMPLE_ID
    const articleId = articles[('a' in act ? act.a : 0) % articles.length]
    const at = env.clock.now() + d.skew
    const note = (m: { clientId: string; id: number }) => recorded.add(`${m.clientId}/${m.id}`)
    switch (act.kind) {
      case 'read':
        note(d.engine.record('markRead', { issueId, articleId, at }))
        break
      case 'session': {
        // Sessions grow while the page is open (same id, more time) or start anew.
        const sessionId = `${d.engine.clientId()}-s${act.s}`
        note(d.engine.record('readingSession', { issueId, articleId, sessionId, ms: act.ms, at }))
        const key = `${issueId}/${articleId}#${sessionId}`
        made.set(key, Math.max(made.get(key) ?? 0, act.ms))
        break
      }
      case 'position':
        note(d.engine.record('setPosition', { issueId, articleId, position: act.p, hlc: d.engine.nextHlc() }))
        break
      case 'answer':
        note(
          d.engine.record('answer', {
            answerId: `${d.engine.clientId()}-q${act.q}`,
            bankId: 'b',
            questionId: `q${act.q}`,
            answer: ['A'],
            at
          })
        )
        break
      case 'offline':
        d.offline = act.on
        break
      case 'sync':
        d.fault = act.fault
        await d.engine.syncNow()
        d.fault = 'none'
        break
      case 'late': {
        const old = d.sent[Math.floor(d.sent.length / 2)]
        if (old) await sync.push(memberId, old.mutations)
        break
      }
      case 'bad':
        note(d.engine.record('markRead', { issueId, articleId: 'no-such-article', at }))
        break
      case 'kill':
        d.engine.dispose()
        d.engine = boot(d)
        break
    }
  }

  for (const d of devs) d.offline = false
  for (let round = 0; round < 2; round++) for (const d of devs) await d.engine.syncNow()

  const onServer = (await sync.pull(memberId, 0)).facts
  const canonical = canonicalFacts(onServer)
  for (const [i, d] of devs.entries()) {
    expect(d.engine.status().pending, `device ${i} outbox (${JSON.stringify(d.engine.status())})`).toBe(0)
    expect(canonicalFacts(d.engine.facts()), `device ${i} equals the server`).toBe(canonical)
  }
  // Exactly once: one row per mutation made, and reading time is the sum of the sessions made.
  const rows = db
    .prepare("SELECT client_id || '/' || mutation_id FROM sync_mutations WHERE member_id = ?")
    .pluck()
    .all(memberId) as string[]
  expect(new Set(rows).size).toBe(rows.length)
  expect(new Set(rows)).toEqual(recorded)
  const total = (f: Facts) => Object.values(f.sessions).reduce((n, s) => n + s.ms, 0)
  expect(total(onServer)).toBe([...made.values()].reduce((n, ms) => n + ms, 0))
}

describe('sync: every schedule converges, nothing lost or counted twice', () => {
  it(`${RUNS} schedules of 2–4 devices (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 4 }),
        fc.array(fc.constantFrom(0, 0, 5 * 60_000, -60_000), { minLength: 4, maxLength: 4 }),
        fc.array(action, { minLength: 5, maxLength: 40 }),
        (n, skews, actions) => schedule(n, skews, actions)
      ),
      { seed: SEED, numRuns: RUNS, verbose: 1 }
    )
  }, 600_000)
})
