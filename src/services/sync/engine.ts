import type { Static, TSchema } from '@sinclair/typebox'
import { matches } from '../../domain/api/check'
import { Type } from '../../domain/api/type'
import { emptyFacts, FactsSchema, mergeFacts, type Facts } from '../../domain/sync/facts'
import { decodeHlc, encodeHlc, tickHlc } from '../../domain/sync/hlc'
import {
  applyMutation,
  factsOf,
  MutationSchema,
  type Mutation,
  type MutationArgsOf,
  type MutationName
} from '../../domain/sync/mutations'
import type { PullBody, PullReply, PushBody, PushReply } from '../../domain/api/sync'
import type { KeyValueStore } from '../../platform/kv'
import { NetworkError } from '../../platform/http.types'
import { factsToMutationArgs } from './carry-over'

/** How the engine reaches the server; the API client implements it (and tests, with faults). */
export interface SyncTransport {
  push(body: PushBody): Promise<PushReply>
  pull(body: PullBody): Promise<PullReply>
}

export interface SyncEngineDeps {
  kv: KeyValueStore
  transport: SyncTransport
  now(): number
  /** In [0, 1); the jitter of the retry delay. */
  random(): number
  /** A fresh unique id (client ids, session ids). */
  newId(): string
  setTimer?(fn: () => void, ms: number): unknown
  clearTimer?(handle: unknown): void
}

export type SyncState = 'synced' | 'pending' | 'syncing' | 'offline' | 'error'
export interface SyncStatus {
  state: SyncState
  /** Mutations not yet acknowledged by the server. */
  pending: number
  lastSyncedAt: number | null
  /** A sentence for the member when state is 'error'. */
  error: string | null
}

const OUTBOX_KEY = 'sync.outbox'
const SERVER_KEY = 'sync.server'
const BATCH = 50
const DEBOUNCE_MS = 1500
const RETRY_BASE_MS = 1000
const RETRY_MAX_MS = 5 * 60 * 1000

const OutboxRecord = Type.Object({
  v: Type.Literal(1),
  memberId: Type.Union([Type.String(), Type.Null()]),
  clientId: Type.String(),
  nextId: Type.Integer({ minimum: 1 }),
  hlc: Type.Union([Type.String(), Type.Null()]),
  /** The server has applied (or rejected) every mutation up to this id; they leave the outbox at the next pull. */
  acked: Type.Optional(Type.Integer({ minimum: 0 })),
  outbox: Type.Array(MutationSchema)
})
const ServerRecord = Type.Object({ v: Type.Literal(1), facts: FactsSchema, cookie: Type.Integer({ minimum: 0 }) })
type Outbox = Static<typeof OutboxRecord>
type Server = Static<typeof ServerRecord>

function restore<T>(kv: KeyValueStore, key: string, schema: TSchema, fallback: () => T): T {
  try {
    const raw = kv.getItem(key)
    if (raw !== null) {
      const value: unknown = JSON.parse(raw)
      if (matches(schema, value)) return value as T
    }
  } catch {
    // A record that does not parse is treated as absent; the server still has everything acknowledged.
  }
  return fallback()
}

/**
 * The device side of progress sync (src/domain/sync/SPEC.md): every change is a mutation written to a durable
 * outbox in the same step as the local view changes (M2); the view is the server's facts with the outbox replayed
 * over them, so a mutation the server rejects disappears once acknowledged. Push and pull retry with exponential
 * backoff and jitter; a push whose answer was lost is simply sent again (the server skips what it has, P2).
 */
export function createSyncEngine(deps: SyncEngineDeps) {
  const setTimer = deps.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms))
  const clearTimer = deps.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>))
  let box: Outbox = restore(deps.kv, OUTBOX_KEY, OutboxRecord, () => ({
    v: 1 as const,
    memberId: null,
    clientId: deps.newId(),
    nextId: 1,
    hlc: null,
    outbox: []
  }))
  let server: Server = restore(deps.kv, SERVER_KEY, ServerRecord, () => ({
    v: 1 as const,
    facts: emptyFacts(),
    cookie: 0
  }))
  let view: Facts = replay()
  let status: SyncStatus = {
    state: box.outbox.some((m) => m.id > (box.acked ?? 0)) ? 'pending' : 'synced',
    pending: box.outbox.filter((m) => m.id > (box.acked ?? 0)).length,
    lastSyncedAt: null,
    error: null
  }
  let running: Promise<void> | null = null
  let followUp: Promise<void> | null = null
  /** Mutations up to this id may be on their way to the server: they are never rewritten. */
  let sentUpTo = box.acked ?? 0
  let timer: unknown = null
  let attempt = 0
  let canSync = false
  const listeners = new Set<() => void>()

  function replay(): Facts {
    return box.outbox.reduce((f, m) => applyMutation(f, m), server.facts)
  }
  const saveBox = () => deps.kv.setItem(OUTBOX_KEY, JSON.stringify(box))
  const saveServer = () => deps.kv.setItem(SERVER_KEY, JSON.stringify(server))
  function setStatus(next: Partial<SyncStatus>) {
    status = { ...status, pending: unsent().length, ...next }
    for (const l of listeners) l()
  }

  function schedule(ms: number) {
    if (timer !== null) clearTimer(timer)
    timer = setTimer(() => {
      timer = null
      void syncNow()
    }, ms)
  }

  /** Mutations the server has not acknowledged yet: what 待同步 counts and what the next push sends. */
  const unsent = () => box.outbox.filter((m) => m.id > (box.acked ?? 0))

  /** Records what the server acknowledged. The mutations stay in the view until a pull brings their facts. */
  function acknowledge(lastId: number | undefined) {
    if (lastId === undefined || lastId <= (box.acked ?? 0)) return
    box = { ...box, acked: lastId }
    saveBox()
  }

  /**
   * Drops the mutations a pull has accounted for: their facts came with it (or, for a mutation the server rejected,
   * never will), so the view is the server's facts plus what is still on its way.
   */
  function settle(lastId: number | undefined) {
    if (lastId === undefined) return
    box = { ...box, outbox: box.outbox.filter((m) => m.id > lastId), acked: Math.max(box.acked ?? 0, lastId) }
    saveBox()
  }

  /** The server lost what it had acknowledged (a restored backup): start again as a new client, resending all. */
  function restartClient() {
    const clientId = deps.newId()
    sentUpTo = 0
    box = {
      ...box,
      acked: 0,
      clientId,
      nextId: box.outbox.length + 1,
      outbox: box.outbox.map((m, i) => ({ ...m, clientId, id: i + 1 }))
    }
    saveBox()
  }

  async function cycle(): Promise<void> {
    for (let batch = unsent().slice(0, BATCH); batch.length > 0; batch = unsent().slice(0, BATCH)) {
      sentUpTo = Math.max(sentUpTo, batch[batch.length - 1].id)
      const reply = await deps.transport.push({ mutations: batch })
      if (reply.gap && reply.gap.clientId === box.clientId && reply.gap.lastMutationId < batch[0].id - 1) {
        restartClient()
        continue
      }
      const before = box.acked ?? 0
      acknowledge(reply.lastMutationIds[box.clientId])
      // An answer that acknowledges nothing would have this loop send the same batch forever: retry later instead.
      if ((box.acked ?? 0) <= before) throw new Error('push not acknowledged')
      setStatus({})
    }
    const pulled = await deps.transport.pull({ cookie: server.cookie })
    // Server facts first, then the outbox: killed in between, the outbox replays facts the server already has,
    // which merging makes harmless.
    server = { v: 1, facts: mergeFacts(server.facts, pulled.facts), cookie: pulled.cookie }
    saveServer()
    settle(pulled.lastMutationIds[box.clientId])
    view = replay()
  }

  /** Pushes the outbox and pulls what changed; a call during a run waits for it and then runs once more. */
  function syncNow(): Promise<void> {
    if (!canSync) return Promise.resolve()
    if (running)
      return (followUp ??= running.then(() => {
        followUp = null
        return syncNow()
      }))
    setStatus({ state: 'syncing' })
    running = cycle()
      .then(() => {
        attempt = 0
        const waiting = unsent().length > 0
        setStatus({ state: waiting ? 'pending' : 'synced', lastSyncedAt: deps.now(), error: null })
        if (waiting) schedule(DEBOUNCE_MS)
      })
      .catch((err: unknown) => {
        // No answer at all (the platform's NetworkError, or the API client's ApiError with offline set).
        const offline = err instanceof NetworkError || (err as { offline?: unknown }).offline === true
        setStatus({ state: offline ? 'offline' : 'error', error: offline ? null : describeError(err) })
        // Full jitter: a random wait up to the doubled delay, so many devices coming online do not retry together.
        const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** attempt)
        attempt = Math.min(attempt + 1, 20)
        schedule(Math.round(deps.random() * delay) + 200)
      })
      .finally(() => {
        running = null
      })
    return running
  }

  return {
    /** The member's progress as this device knows it. */
    facts: (): Facts => view,
    /** The facts as last pulled from the server (a new object only when a pull or a change of member changed them). */
    pulledFacts: (): Facts => server.facts,
    status: (): SyncStatus => status,
    clientId: () => box.clientId,
    subscribe(listener: () => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },

    /** Records a change: outbox and view in one step (M2), then a debounced push. */
    record<N extends MutationName>(name: N, args: MutationArgsOf<N>): Mutation {
      // A position or a growing reading session replaces its own unsent mutation instead of queueing another:
      // scrolling saves often, and the outbox should hold what the member did, not every step of it. Facts merge
      // the same in any order, so the newer value may take the older one's place in the queue.
      let at = -1
      for (let i = box.outbox.length - 1; i >= 0 && box.outbox[i].id > sentUpTo; i--) {
        if (supersedes(box.outbox[i], name, args)) {
          at = i
          break
        }
      }
      const id = at >= 0 ? box.outbox[at].id : box.nextId
      const m: Mutation = { clientId: box.clientId, id, name, args, at: deps.now() }
      const judged = factsOf(m)
      if (!judged.ok) throw new Error(`invalid ${name}: ${judged.reason}`)
      const next =
        at >= 0
          ? { ...box, outbox: box.outbox.map((x, i) => (i === at ? m : x)) }
          : { ...box, nextId: box.nextId + 1, outbox: [...box.outbox, m] }
      deps.kv.setItem(OUTBOX_KEY, JSON.stringify(next)) // throws when storage is full: nothing changed then
      box = next
      view = mergeFacts(view, judged.facts)
      setStatus({ state: status.state === 'syncing' ? 'syncing' : 'pending' })
      if (canSync) schedule(DEBOUNCE_MS)
      return m
    },

    /** A clock value for a position change (SPEC F3): after every clock this device has made. */
    nextHlc(): string {
      const last = box.hlc ? decodeHlc(box.hlc) : null
      const hlc = encodeHlc(tickHlc(last, deps.now(), box.clientId))
      box = { ...box, hlc }
      return hlc
    },

    /**
     * Says who is signed in. A device that becomes another member (paired, or signed in after reading anonymously)
     * carries everything it knows over to that member as new mutations; facts merge idempotently, so nothing counts
     * twice. null stops syncing (单页模式, signed out).
     */
    setMember(memberId: string | null) {
      canSync = memberId !== null
      if (memberId === null || memberId === box.memberId) {
        if (canSync) void syncNow()
        return
      }
      if (box.memberId !== null || server.cookie > 0) {
        const known = view
        const clientId = deps.newId()
        const args = factsToMutationArgs(known)
        box = {
          v: 1,
          memberId,
          clientId,
          nextId: args.length + 1,
          hlc: box.hlc,
          outbox: args.map((a, i) => ({ clientId, id: i + 1, name: a.name, args: a.args, at: deps.now() }))
        }
        server = { v: 1, facts: emptyFacts(), cookie: 0 }
        saveServer()
      } else {
        box = { ...box, memberId }
      }
      saveBox()
      view = replay()
      setStatus({ state: unsent().length ? 'pending' : status.state })
      void syncNow()
    },

    syncNow,

    /** Forgets everything of the member on this device (sign-out on a shared device). */
    clear() {
      canSync = false
      if (timer !== null) clearTimer(timer)
      timer = null
      deps.kv.removeItem(OUTBOX_KEY)
      deps.kv.removeItem(SERVER_KEY)
      box = { v: 1, memberId: null, clientId: deps.newId(), nextId: 1, hlc: null, outbox: [] }
      server = { v: 1, facts: emptyFacts(), cookie: 0 }
      view = emptyFacts()
      setStatus({ state: 'synced', lastSyncedAt: null, error: null })
    },

    /** Stops the retry timer (tests, app shutdown). */
    dispose() {
      canSync = false
      if (timer !== null) clearTimer(timer)
      timer = null
    }
  }
}

export type SyncEngine = ReturnType<typeof createSyncEngine>

/** Whether a new mutation makes the previous one redundant (same article's position; same reading session, longer). */
function supersedes(prev: Mutation, name: MutationName, args: unknown): boolean {
  if (prev.name !== name) return false
  const a = prev.args as Record<string, unknown>
  const b = args as Record<string, unknown>
  if (name === 'setPosition') return a.issueId === b.issueId && a.articleId === b.articleId
  if (name === 'readingSession')
    return (
      a.issueId === b.issueId &&
      a.articleId === b.articleId &&
      a.sessionId === b.sessionId &&
      (b.ms as number) >= (a.ms as number)
    )
  // F6: a listening session that grew replaces its unsent self, like a reading session.
  if (name === 'listenArticle' || name === 'listenLecture')
    return (
      a.sessionId === b.sessionId &&
      a.issueId === b.issueId &&
      a.articleId === b.articleId &&
      a.campaignId === b.campaignId &&
      a.lectureId === b.lectureId &&
      a.mode === b.mode &&
      (b.seconds as number) >= (a.seconds as number)
    )
  return false
}

function describeError(err: unknown): string {
  const status = (err as { status?: number }).status
  if (status === 401) return '登录已失效，正在重新登录后同步'
  if (status === 429) return '同步太频繁，稍后自动重试'
  if (status !== undefined && status >= 500) return '服务器暂时不可用，稍后自动重试'
  return '同步失败，稍后自动重试'
}
