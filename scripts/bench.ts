// `npm run bench [-- FILTER...]`: runs every bench/*.bench.ts one after another (never in parallel: they time
// things and build things on a 2-core machine) and prints one table. A FILTER keeps the benches whose file name
// contains it. A bench that throws gets an error row and makes the run exit 1, after the others have run.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { formatTable } from '../bench/lib/table'
import type { BenchRow } from '../bench/lib/types'

const BENCH_DIR = fileURLToPath(new URL('../bench/', import.meta.url))

async function main(): Promise<number> {
  const filters = process.argv.slice(2).filter((a) => a !== '--')
  const files = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort()
  if (files.length === 0) {
    console.error(`no bench/*.bench.ts matches ${filters.join(', ') || '(any)'}`)
    return 1
  }

  const rows: BenchRow[] = []
  const errors: string[] = []
  for (const file of files) {
    const name = file.replace(/\.bench\.ts$/, '')
    const started = Date.now()
    console.error(`bench ${name}…`)
    try {
      const mod = (await import(pathToFileURL(join(BENCH_DIR, file)).href)) as { run?: () => Promise<BenchRow[]> }
      if (typeof mod.run !== 'function') throw new Error(`${file} exports no run()`)
      const got = await mod.run()
      if (!Array.isArray(got) || got.length === 0) throw new Error(`${file}: run() returned no rows`)
      rows.push(...got)
      console.error(`bench ${name}: ${got.length} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e)
      errors.push(`${name}: ${message}`)
      // The table keeps one line per failure; the full message follows it.
      rows.push({ measure: `${name}: ERROR`, value: NaN, baseline: NaN, unit: '', note: message.split('\n')[0].slice(0, 160) })
    }
  }

  console.log(formatTable(rows))
  for (const e of errors) console.error(`\n${e}`)
  return errors.length ? 1 : 0
}

main().then((code) => {
  // Exit explicitly: a bench may leave handles open (a server's keep-alive, a watcher) that would keep node alive.
  process.exit(code)
}, (e: unknown) => {
  console.error(e)
  process.exit(1)
})
