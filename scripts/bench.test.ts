// The bench runner's promises: a missed goal fails the run, and a bench that leaves a process running is caught
// (and the process killed), however it escaped.
import { spawn, spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { processesWithEnv } from '../tools/lib/processes'

const dir = mkdtempSync(join(tmpdir(), 'bench-runner-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function runner(...filters: string[]): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', ...filters], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_DIR: dir },
    timeout: 60_000
  })
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` }
}

const row = (value: number, goal: string) =>
  `export async function run() { return [{ measure: 'm', value: ${value}, baseline: 10, unit: 'ms', goal: ${goal} }] }\n`

describe.skipIf(process.platform !== 'linux')('npm run bench', () => {
  it('prints each goal with PASS or FAIL and exits 1 when one is missed', () => {
    writeFileSync(join(dir, 'met.bench.ts'), row(12, "{ of: 'ratio', max: 1.5 }"))
    writeFileSync(join(dir, 'missed.bench.ts'), row(30, "{ of: 'ratio', max: 1.5 }"))
    const met = runner('met')
    expect(met.out).toMatch(/ratio ≤ 1\.5× \| PASS/)
    expect(met.code).toBe(0)
    const missed = runner('missed')
    expect(missed.out).toMatch(/ratio ≤ 1\.5× \| FAIL/)
    expect(missed.out).toMatch(/goal missed: m/)
    expect(missed.code).toBe(1)
  })

  it('fails a bench that leaves a process running, names it and kills it', () => {
    const id = randomUUID()
    writeFileSync(
      join(dir, 'leak.bench.ts'),
      `import { spawn } from 'node:child_process'
export async function run() {
  // A server started in a group of its own and never stopped.
  spawn('sleep', ['77'], { detached: true, stdio: 'ignore', env: { ...process.env, LEAK_ID: '${id}' } }).unref()
  return [{ measure: 'leaky', value: 1, baseline: 1, unit: 'ms' }]
}
`
    )
    const r = runner('leak')
    const left = processesWithEnv('LEAK_ID', id)
    // Never leave the sleeper behind, even when the runner failed to kill it.
    for (const p of left) process.kill(p.pid, 'SIGKILL')
    expect(r.out).toMatch(/leak: left 1 process\(es\) running after it finished/)
    expect(r.out).toMatch(/sleep 77/)
    expect(r.code).toBe(1)
    expect(left).toEqual([])
  })

  it('on Ctrl-C stops the bench and everything it started', async () => {
    const id = randomUUID()
    const processes = fileURLToPath(new URL('../tools/lib/processes.ts', import.meta.url))
    writeFileSync(
      join(dir, 'hang.bench.ts'),
      `import { spawnGroup } from ${JSON.stringify(processes)}
export async function run() {
  spawnGroup('sleep', ['88'], { stdio: 'ignore', env: { ...process.env, HANG_ID: '${id}' } })
  console.error('hang: started')
  await new Promise(() => {})
  return []
}
`
    )
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', 'hang'], {
      env: { ...process.env, BENCH_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    child.stderr.on('data', (c: Buffer) => {
      out += c.toString()
    })
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    for (let i = 0; i < 600 && !out.includes('hang: started'); i++) await new Promise((r) => setTimeout(r, 50))
    expect(processesWithEnv('HANG_ID', id)).toHaveLength(1)
    child.kill('SIGINT')
    const code = await exited
    const left = processesWithEnv('HANG_ID', id)
    for (const p of left) process.kill(p.pid, 'SIGKILL')
    expect(left).toEqual([])
    expect(code).not.toBe(0)
  }, 60_000)
})
