// Progress sync on the server (src/domain/sync/SPEC.md), measured against the real app from server/app.ts:
// (a) mutations per second through POST /api/sync/push in batches of 50 (autocannon, loopback), against a bare
//     Fastify route that parses the same JSON body and does nothing with it — same run, same loopback;
// (b) POST /api/sync/pull {cookie: 0} of a member with 10,000 facts, against the same pull of an empty member.
// Run alone with `npx tsx bench/sync.bench.ts`.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Fastify, { type FastifyInstance } from 'fastify'
import { buildApp } from '../server/app'
import type { Issue } from '../src/domain/issue/types'
import type { Mutation } from '../src/domain/sync/mutations'
import { runIfMain, type BenchRow } from '../tools/lib/bench-row'

interface AutocannonResult {
  requests: { average: number; total: number }
  errors: number
  timeouts: number
  non2xx: number
  '2xx': number
}
type Autocannon = (opts: {
  url: string
  connections: number
  duration: number
  timeout?: number
  workers?: number
  method?: string
  headers?: Record<string, string>
  requests?: Array<{ setupRequest: string }>
}) => Promise<AutocannonResult>
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon

const ISSUE_ID = 'chongqing-dangshi-gongzuo-2020-02'
const SAMPLE = fileURLToPath(new URL(`../content/issues/${ISSUE_ID}.txt`, import.meta.url))
const BATCH = 50
const CONNECTIONS = 10
const DURATION_S = 6
const ROUNDS = 2
const FACTS = 10_000
const PULLS = 9
/** Ratio of push throughput to the bare parse-only route that must be kept. */
const PUSH_GOAL_RATIO = 0.5
/**
 * A member's whole progress on a new device (cookie 0): 10,000 facts is years of daily reading. Half a second on
 * this 2-core machine keeps the first sync of a new phone well inside WeChat's default request timeout and what a
 * member waits for once when pairing; the same pull of an empty member is the floor (auth, transaction, reply).
 */
const PULL_GOAL_MS = 500

// autocannon's workers need the request hook as a file: each connection is one sync client whose mutation ids
// increase by BATCH per request (SPEC M1), every mutation a new reading session, so no push is skipped (P2).
const SETUP_REQUEST = `
module.exports = function setupRequest(req, context) {
  if (!context.clientId) {
    context.clientId = 'bench-' + Math.random().toString(36).slice(2) + '-' + Date.now().toString(36)
    context.next = 1
  }
  const mutations = []
  for (let i = 0; i < __BATCH__; i++) {
    const id = context.next++
    mutations.push({
      clientId: context.clientId,
      id,
      name: 'readingSession',
      args: { issueId: __ISSUE__, articleId: __ARTICLE__, sessionId: context.clientId + '-' + id, ms: 1000, at: __AT__ },
      at: __AT__
    })
  }
  return Object.assign({}, req, { body: JSON.stringify({ mutations }) })
}
`

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (typeof address !== 'object' || address === null) throw new Error('no address')
  return `http://127.0.0.1:${address.port}`
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

async function signIn(app: FastifyInstance, deviceName: string): Promise<{ token: string; memberId: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/device', payload: { deviceName } })
  if (res.statusCode !== 200) throw new Error(`device sign-in failed: ${res.statusCode} ${res.body}`)
  const body = res.json<{ token: string; member: { id: string } }>()
  return { token: body.token, memberId: body.member.id }
}

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sync-'))
  const contentDir = join(dir, 'issues')
  mkdirSync(contentDir)
  copyFileSync(SAMPLE, join(contentDir, `${ISSUE_ID}.txt`))
  const app = await buildApp({ dataDir: join(dir, 'data'), contentDir })
  const bare = Fastify({ logger: false, bodyLimit: 1024 * 1024 })
  try {
    const issue = (await app.inject({ url: `/api/issues/${ISSUE_ID}` })).json<Issue>()
    const articleId = issue.sections.flatMap((s) => s.articles)[0].id
    const at = Date.now() - 60_000
    const hook = join(dir, 'setup-request.cjs')
    writeFileSync(
      hook,
      SETUP_REQUEST.replace('__BATCH__', String(BATCH))
        .replace('__ISSUE__', JSON.stringify(ISSUE_ID))
        .replace('__ARTICLE__', JSON.stringify(articleId))
        .replaceAll('__AT__', String(at))
    )
    const pusher = await signIn(app, 'bench-push')
    bare.post('/api/sync/push', async (req) => ({ mutations: (req.body as { mutations: unknown[] }).mutations.length }))
    const appUrl = `${await listen(app)}/api/sync/push`
    const bareUrl = `${await listen(bare)}/api/sync/push`
    const load = async (url: string, seconds: number) => {
      const r = await autocannon({
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${pusher.token}` },
        requests: [{ setupRequest: hook }],
        connections: CONNECTIONS,
        duration: seconds,
        timeout: 20,
        workers: 1
      })
      if (r.errors > 0 || r.timeouts > 0 || r.non2xx > 0)
        throw new Error(`${url}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx`)
      return r
    }
    await load(appUrl, 1)
    await load(bareUrl, 1)
    const measured: AutocannonResult[] = []
    const baseline: AutocannonResult[] = []
    for (let i = 0; i < ROUNDS; i++) {
      measured.push(await load(appUrl, DURATION_S / ROUNDS))
      baseline.push(await load(bareUrl, DURATION_S / ROUNDS))
    }
    const perSecond = (rs: AutocannonResult[]) => (rs.reduce((n, r) => n + r.requests.average, 0) / rs.length) * BATCH
    // Every answered push was applied, none skipped as a duplicate: one session fact per mutation sent.
    const pushed = (await app.services.sync.pull(pusher.memberId, 0)).facts
    const sessions = Object.keys(pushed.sessions).length
    const answered = measured.reduce((n, r) => n + r['2xx'], 0) * BATCH
    if (sessions < answered) throw new Error(`${answered} mutations answered but only ${sessions} sessions stored`)

    // A member with FACTS facts, seeded through the service in the largest batches a push takes.
    const heavy = await signIn(app, 'bench-heavy')
    const empty = await signIn(app, 'bench-empty')
    const clientId = 'bench-seed'
    for (let id = 1; id <= FACTS; id += 200) {
      const batch: Mutation[] = Array.from({ length: Math.min(200, FACTS - id + 1) }, (_, i) => ({
        clientId,
        id: id + i,
        name: 'readingSession',
        args: { issueId: ISSUE_ID, articleId, sessionId: `seed-${id + i}`, ms: 1000, at },
        at
      }))
      const out = await app.services.sync.push(heavy.memberId, batch)
      if (out.kind === 'foreign_client') throw new Error('seed refused')
    }
    const base = `${appUrl.replace(/\/push$/, '')}/pull`
    const pull = async (token: string): Promise<{ ms: number; facts: number }> => {
      const start = performance.now()
      const res = await fetch(base, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ cookie: 0 })
      })
      const body = (await res.json()) as { facts: { sessions: Record<string, unknown> } }
      const ms = performance.now() - start
      if (res.status !== 200) throw new Error(`pull: ${res.status}`)
      return { ms, facts: Object.keys(body.facts.sessions).length }
    }
    const heavyMs: number[] = []
    const emptyMs: number[] = []
    await pull(heavy.token)
    await pull(empty.token)
    for (let i = 0; i < PULLS; i++) {
      const h = await pull(heavy.token)
      if (h.facts !== FACTS) throw new Error(`pulled ${h.facts} facts, seeded ${FACTS}`)
      heavyMs.push(h.ms)
      emptyMs.push((await pull(empty.token)).ms)
    }
    const round1 = (n: number) => Math.round(n * 10) / 10
    return [
      {
        measure: `sync push, batches of ${BATCH} (${CONNECTIONS} connections)`,
        value: Math.round(perSecond(measured)),
        baseline: Math.round(perSecond(baseline)),
        unit: 'mutations/s',
        note: 'baseline: a bare route parsing the same JSON',
        goal: { of: 'ratio', min: PUSH_GOAL_RATIO }
      },
      {
        measure: `sync pull {cookie:0} of ${FACTS.toLocaleString('en')} facts (median of ${PULLS})`,
        value: round1(median(heavyMs)),
        baseline: round1(median(emptyMs)),
        unit: 'ms',
        note: 'baseline: the same pull of an empty member',
        goal: { of: 'value', max: PULL_GOAL_MS }
      }
    ]
  } finally {
    await app.close()
    await bare.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

runIfMain('sync.bench.ts', run)
