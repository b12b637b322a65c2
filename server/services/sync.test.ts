import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Issue } from '../../src/domain/issue/types'
import type { Mutation } from '../../src/domain/sync/mutations'
import { dumpDatabase, SAMPLE_ID, signInDevice, testEnv, type TestEnv } from '../test-support'
import { SyncService } from './sync'

let env: TestEnv
let sync: SyncService
let articleIds: string[]

beforeAll(async () => {
  env = await testEnv()
  sync = new SyncService(env.app.services.store.sync, env.app.services.content, env.clock.now)
  const issue = JSON.parse((await env.app.services.content.issue(SAMPLE_ID))!.body) as Issue
  articleIds = issue.sections.flatMap((s) => s.articles.map((a) => a.id))
})
afterAll(async () => env.close())

const session = (clientId: string, id: number, sessionId: string, ms: number, article = articleIds[0]): Mutation => ({
  clientId,
  id,
  name: 'readingSession',
  args: { issueId: SAMPLE_ID, articleId: article, sessionId, ms, at: env.clock.now() - 1000 },
  at: env.clock.now()
})
const ok = <T extends { kind: string }>(o: T) => {
  if (o.kind !== 'ok') throw new Error(`push refused: ${JSON.stringify(o)}`)
  return o as Extract<T, { kind: 'ok' }>
}
const readingMs = async (memberId: string) =>
  Object.values((await sync.pull(memberId, 0)).facts.sessions).reduce((n, s) => n + s.ms, 0)

describe('sync service on SQLite (SPEC P1–P5, L1)', () => {
  it('P2: a push sent twice is applied once; reading time from two devices adds up (F2)', async () => {
    const { memberId } = await signInDevice(env.app)
    const batch = [session('phone', 1, 's1', 300_000), session('phone', 2, 's2', 60_000)]
    expect(ok(await sync.push(memberId, batch))).toMatchObject({ applied: 2, skipped: 0 })
    expect(ok(await sync.push(memberId, batch))).toMatchObject({ applied: 0, skipped: 2 })
    ok(await sync.push(memberId, [session('tablet', 1, 't1', 180_000)]))
    expect(await readingMs(memberId)).toBe(540_000)
    expect((await sync.pull(memberId, 0)).lastMutationIds).toEqual({ phone: 2, tablet: 1 })
  })

  it('P3: a gap applies what came before and refuses the rest', async () => {
    const { memberId } = await signInDevice(env.app)
    const out = ok(
      await sync.push(memberId, [session('c', 1, 'a', 1000), session('c', 3, 'b', 1000), session('c', 4, 'd', 1000)])
    )
    expect(out.gap).toEqual({ clientId: 'c', lastMutationId: 1, got: 3 })
    expect(out.lastMutationIds).toEqual({ c: 1 })
    expect(await readingMs(memberId)).toBe(1000)
  })

  it('P4: an invalid mutation is rejected with a reason and still advances the client', async () => {
    const { memberId } = await signInDevice(env.app)
    const bad = session('c4', 1, 'x', 1000, 'no-such-article')
    const out = ok(await sync.push(memberId, [bad, session('c4', 2, 'y', 2000)]))
    expect(out.rejected).toEqual([{ clientId: 'c4', id: 1, reason: `unknown article ${SAMPLE_ID}/no-such-article` }])
    expect(out.lastMutationIds).toEqual({ c4: 2 })
    expect(await readingMs(memberId)).toBe(2000)
  })

  it('P5: a member cannot push for another member’s client, and nothing is written', async () => {
    const a = await signInDevice(env.app)
    const b = await signInDevice(env.app)
    ok(await sync.push(a.memberId, [session('a-phone', 1, 's', 1000)]))
    const before = dumpDatabase(env.dataDir)
    expect(await sync.push(b.memberId, [session('b-own', 1, 'z', 5), session('a-phone', 2, 's2', 1000)])).toEqual({
      kind: 'foreign_client',
      clientId: 'a-phone'
    })
    expect(dumpDatabase(env.dataDir)).toBe(before)
    expect(await readingMs(b.memberId)).toBe(0)
  })

  it('L1: a pull returns only what changed since the cookie, and never another member’s facts', async () => {
    const a = await signInDevice(env.app)
    const b = await signInDevice(env.app)
    ok(await sync.push(a.memberId, [session('pa', 1, 's1', 1000)]))
    const first = await sync.pull(a.memberId, 0)
    expect(Object.keys(first.facts.sessions)).toHaveLength(1)
    ok(await sync.push(a.memberId, [session('pa', 2, 's2', 1000, articleIds[1])]))
    const next = await sync.pull(a.memberId, first.cookie)
    expect(Object.keys(next.facts.sessions)).toHaveLength(1)
    expect(next.cookie).toBeGreaterThan(first.cookie)
    expect(Object.keys((await sync.pull(b.memberId, 0)).facts.sessions)).toHaveLength(0)
  })

  it('C2: a read time in the future is stored as the server’s now', async () => {
    const { memberId } = await signInDevice(env.app)
    const m: Mutation = {
      clientId: 'f',
      id: 1,
      name: 'markRead',
      args: { issueId: SAMPLE_ID, articleId: articleIds[0], at: 9e12 },
      at: 9e12
    }
    ok(await sync.push(memberId, [m]))
    expect(Object.values((await sync.pull(memberId, 0)).facts.reads)[0].readAt).toBe(env.clock.now())
  })
})
