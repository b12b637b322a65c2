// `npm test`: every suite the project has, in the order a failure is cheapest to find, and one closing line
// `N passed, N failed` summed over them all (CI reads that line).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureBrowser } from '../tools/lib/ensure-browser'

interface Tally {
  name: string
  passed: number
  failed: number
  skipped?: number
  note?: string
}
const tallies: Tally[] = []
const only = process.argv.slice(2)
const wanted = (name: string) => only.length === 0 || only.includes(name)

function run(cmd: string, args: string[], env: Record<string, string> = {}): number {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return r.status ?? 1
}

/** Runs one check that either passes or fails as a whole (lint, type check, a build). */
function check(name: string, cmd: string, args: string[]): boolean {
  console.log(`\n=== ${name} ===`)
  const ok = run(cmd, args) === 0
  tallies.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 })
  return ok
}

/** Runs a vitest config and counts its tests from the JSON report. */
function vitest(name: string, config: string): void {
  console.log(`\n=== ${name} ===`)
  const dir = mkdtempSync(join(tmpdir(), 'vitest-report-'))
  const out = join(dir, 'report.json')
  const code = run('npx', [
    'vitest',
    'run',
    '-c',
    config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${out}`
  ])
  if (!existsSync(out)) {
    tallies.push({ name, passed: 0, failed: 1, note: `vitest exited ${code} without a report` })
    return
  }
  const report = JSON.parse(readFileSync(out, 'utf8')) as {
    numPassedTests: number
    numFailedTests: number
    numPendingTests: number
    numTodoTests: number
    testResults: Array<{ status: string; assertionResults: unknown[] }>
  }
  // A file that fails to load has no test results but must still count as a failure.
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length
  tallies.push({
    name,
    passed: report.numPassedTests,
    skipped: report.numPendingTests + report.numTodoTests,
    failed: report.numFailedTests + brokenFiles + (code !== 0 && report.numFailedTests + brokenFiles === 0 ? 1 : 0)
  })
  rmSync(dir, { recursive: true, force: true })
}

/** Runs the weapp quality checks and reads their own `weapp-check: N passed, N failed` line. */
function weappCheck(): void {
  console.log('\n=== weapp checks (miniprogram-ci) ===')
  const r = spawnSync('npx', ['tsx', 'scripts/check-weapp.ts'], { encoding: 'utf8', env: process.env })
  process.stdout.write(r.stdout ?? '')
  process.stderr.write(r.stderr ?? '')
  const m = /weapp-check: (\d+) passed, (\d+) failed/.exec(r.stdout ?? '')
  if (m)
    tallies.push({
      name: 'weapp checks',
      passed: Number(m[1]),
      failed: Number(m[2]) + (r.status !== 0 && m[2] === '0' ? 1 : 0)
    })
  else tallies.push({ name: 'weapp checks', passed: 0, failed: 1, note: 'no summary line' })
}

if (wanted('format')) check('format (prettier --check)', 'npx', ['prettier', '--check', '.'])
if (wanted('lint')) check('lint (layering rules, React hooks)', 'npx', ['eslint', '.'])
if (wanted('types')) check('type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])
// Chromium and the H5 build come before the unit suite: some integration tests (the server's CSP against the real
// H5 app) need both and would otherwise be skipped.
const browser = wanted('unit') || wanted('e2e') ? ensureBrowser() : { ok: false, message: '' }
if (!browser.ok && browser.message) console.error(`\n${browser.message}`)
const h5Built = (wanted('unit') || wanted('e2e')) && check('H5 build', 'npm', ['run', '-s', 'build:h5'])
if (wanted('unit')) vitest('unit and integration tests', 'vitest.config.mts')
if (wanted('weapp') && check('weapp build', 'npx', ['taro', 'build', '--type', 'weapp'])) {
  weappCheck()
  // The built bundle run in the mini-program's own JavaScript environment (tests/weapp/harness).
  vitest('weapp runtime', 'vitest.weapp.config.mts')
}
if (wanted('e2e')) {
  if (!browser.ok) tallies.push({ name: 'end-to-end (Chromium)', passed: 0, failed: 1, note: browser.message })
  else if (h5Built) vitest('end-to-end (Chromium)', 'vitest.e2e.config.mts')
}

console.log('\n=== summary ===')
for (const t of tallies)
  console.log(
    `${t.failed ? '✗' : '✓'} ${t.name}: ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}${t.note ? ` (${t.note})` : ''}`
  )
const passed = tallies.reduce((n, t) => n + t.passed, 0)
const failed = tallies.reduce((n, t) => n + t.failed, 0)
const skipped = tallies.reduce((n, t) => n + (t.skipped ?? 0), 0)
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 ? 1 : 0)
