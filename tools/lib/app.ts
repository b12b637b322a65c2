import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnGroup, stopGroup } from './processes'

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolve(port))
    })
  })
}

export interface RunningApp {
  url: string
  dataDir: string
  stop(): Promise<void>
  output(): string
}

/**
 * Starts `npm start` (scripts/start.ts) on a free port with its own data directory, as a user would. It runs in a
 * process group of its own (with any build it starts): stop() ends the group and removes the data directory, and
 * the group is also stopped when this process exits or is interrupted, or when the app fails to start.
 */
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'dangshi-e2e-'))
  const child = spawnGroup(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: process.cwd(),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  const url = `http://127.0.0.1:${port}/`
  const stop = async (): Promise<void> => {
    await stopGroup(child)
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`app did not start:\n${out}`)), 170000)
      const onData = (chunk: Buffer) => {
        out += chunk.toString()
        if (out.includes(url)) {
          clearTimeout(timer)
          resolve()
        }
      }
      child.stdout?.on('data', onData)
      child.stderr?.on('data', (c: Buffer) => {
        out += c.toString()
      })
      child.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`app exited with ${code}:\n${out}`))
      })
    })
  } catch (err) {
    await stop()
    throw err
  }
  return { url, dataDir, output: () => out, stop }
}
