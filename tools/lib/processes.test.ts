// The guarantee behind "nothing outlives the script that started it": a stopped group takes its grandchildren
// with it, and the bench runner's leak check finds a process that escaped into a group of its own.
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { aliveGroups, groupAlive, processesWithEnv, spawnGroup, stopGroup } from './processes'

const MARKER = 'DANGSHI_PROCESSES_TEST'
const waitFor = async (ok: () => boolean, ms = 5000) => {
  for (const end = Date.now() + ms; !ok() && Date.now() < end;) await new Promise((r) => setTimeout(r, 50))
  return ok()
}

describe.skipIf(process.platform !== 'linux')('process groups', () => {
  it('stopGroup ends the child and everything it started, even a child that ignores SIGTERM', async () => {
    const id = randomUUID()
    // sh starts two grandchildren; one ignores SIGTERM and must get SIGKILL after the grace period.
    const child = spawnGroup('sh', ['-c', "sleep 60 & (trap '' TERM; sleep 60) & wait"], {
      env: { ...process.env, [MARKER]: id },
      stdio: 'ignore'
    })
    expect(await waitFor(() => processesWithEnv(MARKER, id).length >= 3)).toBe(true)
    expect(aliveGroups()).toContain(child.pid)
    await stopGroup(child, 500)
    expect(groupAlive(child.pid as number)).toBe(false)
    expect(processesWithEnv(MARKER, id)).toEqual([])
    expect(aliveGroups()).not.toContain(child.pid)
  })

  it('processesWithEnv finds a process left behind in a group of its own, by the marker it inherited', async () => {
    const id = randomUUID()
    const escaped = spawn('sleep', ['60'], { detached: true, stdio: 'ignore', env: { ...process.env, [MARKER]: id } })
    escaped.unref()
    try {
      expect(await waitFor(() => processesWithEnv(MARKER, id).some((p) => p.pid === escaped.pid))).toBe(true)
      expect(processesWithEnv(MARKER, id)[0].command).toMatch(/sleep 60/)
    } finally {
      escaped.kill('SIGKILL')
    }
    expect(await waitFor(() => processesWithEnv(MARKER, id).length === 0)).toBe(true)
  })
})
