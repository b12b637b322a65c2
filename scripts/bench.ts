// `npm run bench [-- FILTER...]`: runs every bench/*.bench.ts one after another (never in parallel: they time
// things and build things on a 2-core machine) and prints one table with each row's goal and PASS/FAIL. A FILTER
// keeps the benches whose file name contains it. Exits 1 when a bench throws, a goal is missed, or a bench leaves a
// process running (a server, a browser, a build); the others still run first.
//
// Each bench runs in a child process of its own (`--one FILE`), in its own process group and with a marker in its
// environment that every process it starts inherits. When the child has exited, any process still carrying the
// marker was left behind: it is listed, killed, and fails the bench.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { verdict, type BenchRow } from '../tools/lib/bench-row'
import { aliveGroups, groupAlive, processesWithEnv, spawnGroup, stopGroup } from '../tools/lib/processes'
import { formatTable } from '../tools/lib/table'

// BENCH_DIR is for the runner's own test (scripts/bench.test.ts), which runs it on benches made to fail.
const BENCH_DIR = process.env.BENCH_DIR ?? fileURLToPath(new URL('../bench/', import.meta.url))
const MARKER = 'DANGSHI_BENCH_RUN'

/** Child mode: runs one bench in this process and writes its rows (or its error) as JSON to `out`. */
async function runOne(file: string, out: string): Promise<number> {
  let result: { rows?: BenchRow[]; error?: string }
  try {
    const mod = (await import(pathToFileURL(join(BENCH_DIR, file)).href)) as { run?: () => Promise<BenchRow[]> }
    if (typeof mod.run !== 'function') throw new Error(`${file} exports no run()`)
    const rows = await mod.run()
    if (!Array.isArray(rows) || rows.length === 0) throw new Error(`${file}: run() returned no rows`)
    result = { rows }
  } catch (e) {
    result = { error: e instanceof Error ? (e.stack ?? e.message) : String(e) }
  }
  // A server or build started through tools/lib/processes and not stopped by the bench is a bug in the bench,
  // even though the exit handler would stop it.
  const forgotten = aliveGroups()
  if (forgotten.length && !result.error)
    result = { ...result, error: `${file} did not stop the process group(s) ${forgotten.join(', ')} it started` }
  writeFileSync(out, JSON.stringify(result))
  return 0
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--')
  if (args[0] === '--one') return runOne(args[1], args[2])

  const filters = args
  const files = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort()
  if (files.length === 0) {
    console.error(`no bench/*.bench.ts matches ${filters.join(', ') || '(any)'}`)
    return 1
  }

  const tmp = mkdtempSync(join(tmpdir(), 'bench-'))
  const rows: BenchRow[] = []
  const errors: string[] = []
  try {
    for (const file of files) {
      const name = file.replace(/\.bench\.ts$/, '')
      const started = Date.now()
      console.error(`bench ${name}…`)
      const out = join(tmp, `${name}.json`)
      const runId = randomUUID()
      const child = spawnGroup(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(import.meta.url), '--one', file, out],
        {
          env: { ...process.env, [MARKER]: runId },
          stdio: ['ignore', 'inherit', 'inherit']
        }
      )
      const code = await new Promise<number>((resolve) =>
        child.once('exit', (c, signal) => resolve(c ?? (signal ? 128 : 1)))
      )
      const problems: string[] = []
      let result: { rows?: BenchRow[]; error?: string } = {}
      try {
        result = JSON.parse(readFileSync(out, 'utf8')) as typeof result
      } catch {
        problems.push(`the bench process exited ${code} without results`)
      }
      if (result.error) problems.push(result.error)
      // Anything the bench started that is still running: same group, or anywhere with the run's marker. Helpers
      // that exit with their parent (tsx's esbuild service) get a moment to do so.
      const leftovers = () =>
        (child.pid !== undefined && groupAlive(child.pid)) || processesWithEnv(MARKER, runId).length > 0
      for (let i = 0; i < 60 && leftovers(); i++) await new Promise((resolve) => setTimeout(resolve, 50))
      const left = processesWithEnv(MARKER, runId)
      if (leftovers()) {
        problems.push(
          `left ${left.length} process(es) running after it finished (now killed):\n${left.map((p) => `  ${p.pid} ${p.command.slice(0, 160)}`).join('\n')}`
        )
        for (const p of left) {
          try {
            process.kill(p.pid, 'SIGKILL')
          } catch {
            /* gone */
          }
        }
      }
      await stopGroup(child, 1000)
      if (result.rows) rows.push(...result.rows)
      if (problems.length) {
        const message = problems.join('\n')
        errors.push(`${name}: ${message}`)
        // The table keeps one line per failure; the full message follows it.
        rows.push({
          measure: `${name}: ERROR`,
          value: NaN,
          baseline: NaN,
          unit: '',
          note: message.split('\n')[0].slice(0, 160)
        })
      } else {
        console.error(
          `bench ${name}: ${result.rows?.length ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`
        )
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }

  console.log(formatTable(rows))
  for (const e of errors) console.error(`\n${e}`)
  const missed = rows.filter((r) => verdict(r) === 'FAIL')
  for (const r of missed) console.error(`goal missed: ${r.measure}`)
  console.log(
    `bench: ${rows.filter((r) => verdict(r) === 'PASS').length} goals met, ${missed.length} missed, ${errors.length} errors`
  )
  return errors.length || missed.length ? 1 : 0
}

main().then(
  (code) => {
    // Exit explicitly: a bench may leave handles open (a server's keep-alive, a watcher) that would keep node alive.
    process.exit(code)
  },
  (e: unknown) => {
    console.error(e)
    process.exit(1)
  }
)
