/**
 * Bundle size: the weapp main package and the H5 first-load JS of this app, each against an empty Taro 4 React app
 * (bench/fixtures/empty-taro: one page rendering <View>Hello</View>) built the same way in the same run. Both apps
 * are built fresh, so the numbers are of the current source and settings; the ratio is what the app adds to Taro.
 * Run alone: npx tsx bench/bundle.bench.ts
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ensureFixtureResolves, syncFixtureConfig } from './lib/fixture'
import { filesSize, human } from '../tools/lib/fs-size'
import { firstLoadAssets } from './lib/h5'
import { run as exec, runOrThrow, tail } from '../tools/lib/run'
import { formatTable } from '../tools/lib/table'
import type { BenchRow } from '../tools/lib/bench-row'
import { packageSizes } from '../tools/lib/weapp'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const FIXTURE = join(ROOT, 'bench', 'fixtures', 'empty-taro')
// The root's own CLI, run with cwd = the fixture: same Taro, same plugins, same webpack.
const TARO = join(ROOT, 'node_modules', '.bin', 'taro')

type Platform = 'weapp' | 'h5'

interface Measured {
  weappMain: number
  js: { raw: number; gzip: number }
  css: { raw: number; gzip: number }
  scripts: number
  buildMs: Record<Platform, number>
}

/** The app is built as `npm run build:<platform>` does (content first); if the content step fails, Taro alone. */
async function buildApp(platform: Platform): Promise<number> {
  const started = Date.now()
  const r = await exec('npm', ['run', `build:${platform}`], { cwd: ROOT })
  if (r.code !== 0) {
    console.error(`npm run build:${platform} exited ${r.code}; building with taro alone\n${tail(r.output, 5)}`)
    await runOrThrow(TARO, ['build', '--type', platform], { cwd: ROOT })
  }
  return Date.now() - started
}

async function buildFixture(platform: Platform): Promise<number> {
  // Taro empties its output dir itself; removing it first also drops anything a failed earlier run left behind.
  rmSync(join(FIXTURE, 'dist', platform), { recursive: true, force: true })
  return (await runOrThrow(TARO, ['build', '--type', platform], { cwd: FIXTURE })).ms
}

function measure(appDir: string): Omit<Measured, 'buildMs'> {
  const first = firstLoadAssets(join(appDir, 'dist', 'h5'))
  return {
    weappMain: packageSizes(join(appDir, 'dist', 'weapp')).main,
    js: filesSize(first.scripts),
    css: filesSize(first.styles),
    scripts: first.scripts.length
  }
}

export async function run(): Promise<BenchRow[]> {
  const resynced = syncFixtureConfig(ROOT, FIXTURE)
  if (resynced.length)
    console.error(`bundle bench: fixture config re-copied from the root (commit it): ${resynced.join(', ')}`)
  const linked = ensureFixtureResolves(ROOT, FIXTURE)

  // One build at a time: the machine has 2 cores, and parallel webpack builds would only slow each other.
  const base = { buildMs: { weapp: await buildFixture('weapp'), h5: await buildFixture('h5') }, ...measure(FIXTURE) }
  const app = { buildMs: { weapp: await buildApp('weapp'), h5: await buildApp('h5') }, ...measure(ROOT) }

  const secs = (ms: number) => `${(ms / 1000).toFixed(0)} s`
  const notes = [linked, resynced.length ? 'fixture config re-synced' : undefined].filter(Boolean).join('; ')
  const withNote = (note: string) => (notes ? `${note}; ${notes}` : note)
  const rows: BenchRow[] = [
    {
      measure: 'weapp main package',
      value: app.weappMain,
      baseline: base.weappMain,
      unit: 'bytes',
      // What the app adds to Taro's own start-up code: at most 30 % (issue 18). npm run check:weapp also enforces an
      // absolute budget, half of WeChat's 2 MB.
      goal: { of: 'ratio', max: 1.3 },
      note: withNote(
        `${human(app.weappMain)} (check:weapp budget 1 MB); files outside subpackages; builds ${secs(app.buildMs.weapp)} vs ${secs(base.buildMs.weapp)}`
      )
    },
    {
      measure: 'h5 first-load JS raw',
      value: app.js.raw,
      baseline: base.js.raw,
      unit: 'bytes',
      note: withNote(
        `${app.scripts} vs ${base.scripts} <script src> in index.html; builds ${secs(app.buildMs.h5)} vs ${secs(base.buildMs.h5)}`
      )
    },
    {
      measure: 'h5 first-load JS gzip',
      value: app.js.gzip,
      baseline: base.js.gzip,
      unit: 'bytes',
      note: withNote('gzip -9, each file on its own')
    }
  ]
  // CSS only when the app ships some: the empty app has none, so its ratio would say nothing.
  if (app.css.raw > 0) {
    rows.push({
      measure: 'h5 first-load CSS gzip',
      value: app.css.gzip,
      baseline: base.css.gzip,
      unit: 'bytes',
      note: withNote(`raw ${app.css.raw} vs ${base.css.raw}`)
    })
  }
  return rows
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then(
    (rows) => console.log(formatTable(rows)),
    (e: unknown) => {
      console.error(e)
      process.exitCode = 1
    }
  )
}
