// GET /api/issues/:id throughput of the real app (all plugins, auth hook, SQLite read, ETag) against a bare Fastify
// route that returns the same bytes — measured in the same run, on loopback, so the ratio is the server's overhead.
// Run alone with `npx tsx bench/server.bench.ts`.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Fastify, { type FastifyInstance } from 'fastify'
import { buildApp } from '../server/app'
import { runIfMain, type BenchRow } from '../tools/lib/bench-row'

/** The part of autocannon's programmatic API used here (the package ships no types). */
interface AutocannonResult {
  requests: { average: number }
  latency: { p99: number }
  errors: number
  timeouts: number
  non2xx: number
}
type Autocannon = (opts: {
  url: string
  connections: number
  duration: number
  pipelining?: number
  timeout?: number
  workers?: number
  headers?: Record<string, string>
}) => Promise<AutocannonResult>
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon

const ISSUE_ID = 'chongqing-dangshi-gongzuo-2020-02'
const SAMPLE = fileURLToPath(new URL(`../content/issues/${ISSUE_ID}.txt`, import.meta.url))
const DURATION_S = 5
const ROUNDS = 2
const CONNECTIONS = 10

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (typeof address !== 'object' || address === null) throw new Error('no address')
  return `http://127.0.0.1:${address.port}`
}

/** What every browser sends; the app answers it with a br body (compressed once per ETag, then cached). */
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br'

async function load(url: string, seconds: number, headers: Record<string, string> = {}): Promise<AutocannonResult> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    workers: 1,
    headers
  })
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`)
  }
  return result
}

function mean(rounds: AutocannonResult[]): { requests: { average: number }; latency: { p99: number } } {
  const avg = (f: (r: AutocannonResult) => number) => rounds.reduce((n, r) => n + f(r), 0) / rounds.length
  return { requests: { average: avg((r) => r.requests.average) }, latency: { p99: avg((r) => r.latency.p99) } }
}

/** Requests per second for GET /api/issues/:id, with a bare Fastify route serving the same bytes as baseline. */
export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-server-'))
  const contentDir = join(dir, 'issues')
  mkdirSync(contentDir)
  copyFileSync(SAMPLE, join(contentDir, `${ISSUE_ID}.txt`))
  const app = await buildApp({ dataDir: join(dir, 'data'), contentDir })
  const bare = Fastify({ logger: false })
  try {
    const path = `/api/issues/${ISSUE_ID}`
    const body = (await app.inject({ url: path })).body
    bare.get('/api/issues/:id', async (_req, reply) => reply.type('application/json; charset=utf-8').send(body))
    const appUrl = `${await listen(app)}${path}`
    const bareUrl = `${await listen(bare)}${path}`
    // Warm both up (JIT, SQLite page cache), then alternate in rounds so a load spike elsewhere on the machine
    // hits both sides alike.
    const browser = { 'accept-encoding': BROWSER_ACCEPT_ENCODING }
    await load(appUrl, 1)
    await load(appUrl, 1, browser)
    await load(bareUrl, 1)
    const measuredRounds: AutocannonResult[] = []
    const compressedRounds: AutocannonResult[] = []
    const baselineRounds: AutocannonResult[] = []
    for (let i = 0; i < ROUNDS; i++) {
      measuredRounds.push(await load(appUrl, DURATION_S / ROUNDS))
      compressedRounds.push(await load(appUrl, DURATION_S / ROUNDS, browser))
      baselineRounds.push(await load(bareUrl, DURATION_S / ROUNDS))
    }
    const measured = mean(measuredRounds)
    const compressed = mean(compressedRounds)
    const baseline = mean(baselineRounds)
    const compressedMeasure = `server GET /api/issues/:id with Accept-Encoding: ${BROWSER_ACCEPT_ENCODING} (br)`
    return [
      {
        measure: `server GET /api/issues/:id (${Math.round(Buffer.byteLength(body) / 1024)} KB JSON, ${CONNECTIONS} connections)`,
        value: Math.round(measured.requests.average),
        baseline: Math.round(baseline.requests.average),
        unit: 'req/s'
      },
      {
        measure: 'server GET /api/issues/:id p99 latency',
        value: measured.latency.p99,
        baseline: baseline.latency.p99,
        unit: 'ms'
      },
      {
        measure: `${compressedMeasure}, against the uncompressed figure`,
        value: Math.round(compressed.requests.average),
        baseline: Math.round(measured.requests.average),
        unit: 'req/s',
        goal: { of: 'ratio', min: 0.8 }
      },
      {
        measure: `${compressedMeasure}, against the bare route`,
        value: Math.round(compressed.requests.average),
        baseline: Math.round(baseline.requests.average),
        unit: 'req/s',
        goal: { of: 'ratio', min: 0.8 }
      },
      {
        measure: 'server GET /api/issues/:id p99 latency with a browser Accept-Encoding',
        value: compressed.latency.p99,
        baseline: measured.latency.p99,
        unit: 'ms'
      }
    ]
  } finally {
    await app.close()
    await bare.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

runIfMain('server.bench.ts', run)
