// Child processes that scripts, benches and tests start (a server, a build) run in their own process group, so
// stopping one stops everything it started in turn (npm → node → webpack). Every group still registered when this
// process exits, is interrupted (Ctrl-C) or terminated is stopped too: nothing outlives the script that started it.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

const groups = new Set<number>()
let installed = false

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal)
    return true
  } catch {
    return false
  }
}

/** Whether any process of the group is still there. */
export function groupAlive(pgid: number): boolean {
  return signalGroup(pgid, 0)
}

/** Registered groups that still have a process: what a script forgot to stop. */
export function aliveGroups(): number[] {
  return [...groups].filter(groupAlive)
}

function installCleanup(): void {
  if (installed) return
  installed = true
  // Last resort, synchronous: 'exit' handlers cannot wait.
  process.on('exit', () => {
    for (const pgid of groups) signalGroup(pgid, 'SIGKILL')
  })
  const codes: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping ${groups.size} child process group(s)`)
      void Promise.all([...groups].map((pgid) => stopGroup(pgid, 3000))).finally(() => process.exit(codes[signal]))
    })
  }
}

/** spawn() in a new process group that is stopped when this process exits, on Ctrl-C and on SIGTERM. */
export function spawnGroup(cmd: string, args: string[], opts: SpawnOptions = {}): ChildProcess {
  installCleanup()
  const child = spawn(cmd, args, { ...opts, detached: true })
  if (child.pid !== undefined) groups.add(child.pid)
  return child
}

/** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves when no process of the group is left. */
export async function stopGroup(target: ChildProcess | number, graceMs = 5000): Promise<void> {
  const pgid = typeof target === 'number' ? target : target.pid
  if (pgid === undefined) return
  signalGroup(pgid, 'SIGTERM')
  const deadline = Date.now() + graceMs
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(50)
  if (groupAlive(pgid)) signalGroup(pgid, 'SIGKILL')
  for (let i = 0; i < 100 && groupAlive(pgid); i++) await sleep(20)
  groups.delete(pgid)
}

export interface ProcessInfo {
  pid: number
  command: string
}

/**
 * Processes (other than this one) whose environment has NAME=VALUE: every descendant of a process started with
 * that variable carries it, even after its parent died or it moved to a process group of its own. Linux (/proc) only;
 * elsewhere it finds nothing.
 */
export function processesWithEnv(name: string, value: string): ProcessInfo[] {
  const needle = `${name}=${value}\0`
  const found: ProcessInfo[] = []
  let pids: string[]
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d))
  } catch {
    return found
  }
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue
    try {
      if (!readFileSync(`/proc/${pid}/environ`, 'latin1').includes(needle)) continue
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()
      found.push({ pid: Number(pid), command })
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found
}
