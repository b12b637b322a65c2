import { describe, expect, it } from 'vitest'
import { emptyFacts, mergeFacts, type Facts } from '../../domain/sync/facts'
import { applyMutation, type Mutation } from '../../domain/sync/mutations'
import type { PushReply } from '../../domain/api/sync'
import { NetworkError } from '../../platform/http.types'
import { StorageFullError } from '../../platform/kv.types'
import { createMemoryKeyValueStore } from '../../platform/kv.memory'
import { createSyncEngine, type SyncTransport } from './engine'

/** A tiny in-memory server: applies everything except mutations on article 'bad'. */
function fakeServer() {
  let facts: Facts = emptyFacts()
  const last: Record<string, number> = {}
  let version = 0
  let offline = false
  const transport: SyncTransport = {
    async push({ mutations }): Promise<PushReply> {
      if (offline) throw new NetworkError('offline')
      const rejected: PushReply['rejected'] = []
      for (const m of mutations as Mutation[]) {
        if (m.id <= (last[m.clientId] ?? 0)) continue
        last[m.clientId] = m.id
        if ((m.args as { articleId?: string }).articleId === 'bad')
          rejected.push({ clientId: m.clientId, id: m.id, reason: 'unknown article' })
        else facts = applyMutation(facts, m)
      }
      version++
      return {
        applied: mutations.length - rejected.length,
        skipped: 0,
        rejected,
        gap: null,
        lastMutationIds: { ...last }
      }
    },
    async pull() {
      if (offline) throw new NetworkError('offline')
      return { facts, lastMutationIds: { ...last }, cookie: version }
    }
  }
  return {
    transport,
    facts: () => facts,
    setOffline: (o: boolean) => (offline = o),
    merge: (f: Facts) => (facts = mergeFacts(facts, f))
  }
}

function engineWith(
  server: ReturnType<typeof fakeServer>,
  kv = createMemoryKeyValueStore(),
  timers: Array<{ ms: number }> = []
) {
  let n = 0
  return createSyncEngine({
    kv,
    transport: server.transport,
    now: () => 1_000_000,
    random: () => 1,
    newId: () => `c${++n}`,
    setTimer: (_fn, ms) => timers.push({ ms }),
    clearTimer: () => undefined
  })
}
const read = (articleId: string) => ({ issueId: 'i', articleId, at: 5 })

describe('sync engine', () => {
  it('M2: a recorded change is in the outbox and the view at once, and survives a restart', () => {
    const kv = createMemoryKeyValueStore()
    const server = fakeServer()
    engineWith(server, kv).record('markRead', read('a'))
    const again = engineWith(server, kv)
    expect(again.status().pending).toBe(1)
    expect(Object.keys(again.facts().reads)).toEqual(['i/a'])
  })

  it('a storage-full write changes nothing and says so', () => {
    const kv = createMemoryKeyValueStore(10)
    const engine = engineWith(fakeServer(), kv)
    expect(() => engine.record('markRead', read('a'))).toThrow(StorageFullError)
    expect(engine.status().pending).toBe(0)
    expect(engine.facts().reads).toEqual({})
  })

  it('P4, D1: a mutation the server rejects disappears from the view once acknowledged', async () => {
    const server = fakeServer()
    const engine = engineWith(server)
    engine.setMember('m1')
    engine.record('markRead', read('bad'))
    engine.record('markRead', read('good'))
    expect(Object.keys(engine.facts().reads).sort()).toEqual(['i/bad', 'i/good'])
    await engine.syncNow()
    expect(Object.keys(engine.facts().reads)).toEqual(['i/good'])
    expect(engine.status()).toMatchObject({ state: 'synced', pending: 0 })
  })

  it('offline: keeps the outbox, says 离线, and retries with a growing, jittered delay', async () => {
    const server = fakeServer()
    const timers: Array<{ ms: number }> = []
    const engine = engineWith(server, createMemoryKeyValueStore(), timers)
    server.setOffline(true)
    engine.setMember('m1')
    engine.record('markRead', read('a'))
    await engine.syncNow()
    await engine.syncNow()
    await engine.syncNow()
    expect(engine.status()).toMatchObject({ state: 'offline', pending: 1 })
    const retries = timers.map((t) => t.ms).filter((ms) => ms !== 1500)
    // Four failed runs: the one setMember started and the three above.
    expect(retries).toEqual([1200, 2200, 4200, 8200])
    server.setOffline(false)
    await engine.syncNow()
    expect(engine.status()).toMatchObject({ state: 'synced', pending: 0 })
    expect(Object.keys(server.facts().reads)).toEqual(['i/a'])
  })

  it('D3: progress made before sign-in goes to the member; a device that becomes another member carries its progress over', async () => {
    const first = fakeServer()
    const engine = engineWith(first)
    engine.record('markRead', read('before-sign-in'))
    engine.setMember('device-member')
    await engine.syncNow()
    expect(Object.keys(first.facts().reads)).toEqual(['i/before-sign-in'])
    engine.setMember('paired-member')
    expect(engine.status().pending).toBe(1)
    await engine.syncNow()
    expect(Object.keys(first.facts().reads)).toEqual(['i/before-sign-in'])
    expect(engine.clientId()).not.toBe('c1')
  })

  it('clear() keeps nothing of the member on the device', async () => {
    const kv = createMemoryKeyValueStore()
    const engine = engineWith(fakeServer(), kv)
    engine.setMember('m1')
    engine.record('markRead', read('a'))
    await engine.syncNow()
    engine.clear()
    expect(kv.keys().filter((k) => k.startsWith('sync.'))).toEqual([])
    expect(engine.facts().reads).toEqual({})
  })

  it('a 401 shows a Chinese sentence and retries', async () => {
    const server = fakeServer()
    const engine = engineWith(server)
    server.transport.push = async () => {
      throw Object.assign(new Error('unauthorized'), { status: 401 })
    }
    engine.setMember('m1')
    engine.record('markRead', read('a'))
    await engine.syncNow()
    expect(engine.status()).toMatchObject({ state: 'error', error: '登录已失效，正在重新登录后同步', pending: 1 })
  })

  it('D2: scrolling replaces the unsent position instead of queueing every step; a sent one is never rewritten', async () => {
    const server = fakeServer()
    const engine = engineWith(server)
    const pos = (position: number) => ({ issueId: 'i', articleId: 'a', position, hlc: engine.nextHlc() })
    for (const p of [0.1, 0.2, 0.3]) engine.record('setPosition', pos(p))
    engine.record('readingSession', { issueId: 'i', articleId: 'a', sessionId: 's', ms: 1000, at: 1 })
    engine.record('setPosition', pos(0.4))
    engine.record('readingSession', { issueId: 'i', articleId: 'a', sessionId: 's', ms: 4000, at: 1 })
    // Saves alternate between time and position; each replaces its own, so two stay queued, not five.
    expect(engine.status().pending).toBe(2)
    engine.setMember('m1')
    await engine.syncNow()
    engine.record('setPosition', pos(0.9))
    expect(engine.status().pending).toBe(1)
    await engine.syncNow()
    expect(server.facts().positions['i/a'].position).toBe(0.9)
    expect(Object.values(server.facts().sessions).map((x) => x.ms)).toEqual([4000])
  })

  it('an answer that acknowledges nothing is an error to retry later, not a loop', async () => {
    const server = fakeServer()
    let pushes = 0
    server.transport.push = async () => {
      if (++pushes > 5) throw new Error('the same batch sent again and again')
      return { applied: 0, skipped: 0, rejected: [], gap: null, lastMutationIds: {} }
    }
    const engine = engineWith(server)
    engine.record('markRead', read('a'))
    engine.setMember('m1') // one run
    await engine.syncNow() // and the one asked for after it: each pushes once, then gives up until later
    expect(pushes).toBe(2)
    expect(engine.status()).toMatchObject({ state: 'error', pending: 1 })
  })
})
