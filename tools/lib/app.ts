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
  const dataDir = mkdtempSync(join(tmpdir(), 'dangshi-e2e-'))
  const child = spawnGroup(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: process.cwd(),
    // Port 0: the server takes a free port and prints it. A port picked here and passed in could be taken in between,
    // even by the app's own mock WeChat service, which listens first.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  let url = ''
  const stop = async (): Promise<void> => {
    await stopGroup(child)
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`app did not start:\n${out}`)), 170000)
      const onData = (chunk: string) => {
        out += chunk
        // The app's own line, not the mock WeChat service's (scripts/start.ts prints both).
        const running = /党史阅读 running at (http:\/\/\S+\/)/.exec(out)
        if (running) {
          url = running[1]
          clearTimeout(timer)
          resolve()
        }
      }
      // As text, so that a character split across two chunks is not mangled.
      child.stdout?.setEncoding('utf8').on('data', onData)
      child.stderr?.setEncoding('utf8').on('data', (c: string) => {
        out += c
      })
      child.once('exit', (code, signal) => {
        clearTimeout(timer)
        reject(new Error(`app exited with ${code ?? signal}:\n${out}`))
      })
    })
  } catch (err) {
    await stop()
    throw err
  }
  return { url, dataDir, output: () => out, stop }
}
