// SPEC P1, P2: the server process is killed with SIGKILL while devices push, then restarted on the same database.
// Every mutation the server acknowledged before the kill is in the database, and every other one is applied
// exactly once after the devices retry.
import { spawn, type ChildProcess } from 'node:child_process'
import { freePort } from '../../tools/lib/app'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import type { Issue } from '../../src/domain/issue/types'
import { createFetchClient } from '../../src/platform/http.fetch'
import { createMemoryKeyValueStore } from '../../src/platform/kv.memory'
import { createSyncEngine, type SyncEngine, type SyncTransport } from '../../src/services/sync/engine'
import { DB_FILE } from '../../server/db/sqlite/open'
import { SAMPLE_ID, tempDir } from '../../server/test-support'

const dir = tempDir('dangshi-kill-')
let server: ChildProcess | null = null

afterAll(() => {
  server?.kill('SIGKILL')
  dir.remove()
})

async function startServer(port: number): Promise<void> {
  // One process (tsx as a loader, not its CLI that forks a child), so SIGKILL really kills the server.
  server = spawn(process.execPath, ['--import', 'tsx', 'server/server.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: join(dir.path, 'data'),
      H5_DIR: join(dir.path, 'none'),
      LOG_LEVEL: 'error'
    },
    stdio: 'ignore'
  })
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('server did not start')
}

describe('sync survives kill -9 of the server', () => {
  it('keeps every acknowledged mutation and applies the rest exactly once after the retry', async () => {
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    await startServer(port)
    const http = createFetchClient()
    const issue = (await (await fetch(`${base}/api/issues/${SAMPLE_ID}`)).json()) as Issue
    const articles = issue.sections.flatMap((s) => s.articles.map((a) => a.id))

    const acked = new Map<string, number>()
    let ids = 0
    const devices: SyncEngine[] = []
    for (let d = 0; d < 3; d++) {
      const signIn = await http<{ token: string; member: { id: string } }>({
        url: `${base}/api/auth/device`,
        method: 'POST',
        body: { deviceName: `load-${d}` }
      })
      const call = async <T>(path: string, body: unknown): Promise<T> => {
        const res = await http<T>({
          url: `${base}${path}`,
          method: 'POST',
          body,
          headers: { authorization: `Bearer ${signIn.data.token}` },
          timeoutMs: 5000
        })
        if (res.status !== 200) throw Object.assign(new Error(`HTTP ${res.status}`), { status: res.status })
        return res.data
      }
      const transport: SyncTransport = {
        push: async (body) => {
          const reply = await call<Awaited<ReturnType<SyncTransport['push']>>>('/api/sync/push', body)
          for (const [c, id] of Object.entries(reply.lastMutationIds)) acked.set(c, Math.max(acked.get(c) ?? 0, id))
          return reply
        },
        pull: (body) => call('/api/sync/pull', body)
      }
      const engine = createSyncEngine({
        kv: createMemoryKeyValueStore(),
        transport,
        now: Date.now,
        random: Math.random,
        newId: () => `kill-${d}-${++ids}`,
        setTimer: () => null,
        clearTimer: () => undefined
      })
      engine.setMember(signIn.data.member.id)
      devices.push(engine)
    }

    let sessions = 0
    const round = () =>
      devices.map((e) => {
        for (let k = 0; k < 20; k++) {
          sessions++
          e.record('readingSession', {
            issueId: SAMPLE_ID,
            articleId: articles[k % articles.length],
            sessionId: `s${sessions}`,
            ms: 1000,
            at: Date.now()
          })
        }
        return e.syncNow()
      })

    for (let r = 0; r < 5; r++) await Promise.all(round())
    // Kill while pushes are in flight.
    const inFlight = round()
    await new Promise((r) => setTimeout(r, 15))
    server!.kill('SIGKILL')
    await new Promise((r) => server!.once('exit', r))
    await Promise.all(inFlight)
    const ackedAtKill = new Map(acked)
    for (let r = 0; r < 3; r++) await Promise.all(round()) // the server is down: everything waits in the outboxes
    expect(devices.some((e) => e.status().state === 'offline')).toBe(true)

    await startServer(port)
    for (let r = 0; r < 3; r++) await Promise.all(round())
    for (let pass = 0; pass < 2; pass++) for (const e of devices) await e.syncNow()

    const db = new Database(join(dir.path, 'data', DB_FILE), { readonly: true })
    try {
      for (const e of devices) {
        expect(e.status().pending).toBe(0)
        const rows = db
          .prepare('SELECT mutation_id FROM sync_mutations WHERE client_id = ? ORDER BY mutation_id')
          .pluck()
          .all(e.clientId()) as number[]
        // Each id from 1 to the last one made, each exactly once.
        expect(rows).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1))
        expect(rows.length).toBeGreaterThanOrEqual(ackedAtKill.get(e.clientId()) ?? 0)
      }
      expect(db.prepare('SELECT COUNT(*) FROM sync_mutations').pluck().get()).toBe(sessions)
      const total = (
        db.prepare("SELECT json FROM sync_facts WHERE kind = 'sessions'").pluck().all() as string[]
      ).reduce((n, j) => n + (JSON.parse(j) as { ms: number }).ms, 0)
      expect(total).toBe(sessions * 1000)
    } finally {
      db.close()
    }
    server!.kill('SIGTERM')
  }, 120_000)
})
