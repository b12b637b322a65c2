// @vitest-environment node
// The real thing over TCP: `npm start`'s script in a scratch project, and the signal handling of server.ts.
import { spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SAMPLE_ID, SAMPLE_ISSUE, tempDir, writeH5Fixture } from './test-support'

const TSX = resolve('node_modules/.bin/tsx')
const children: ChildProcess[] = []
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL')
})

/** Spawns a script and resolves with the first stdout line matching `ready`. */
function spawnUntil(args: string[], cwd: string, env: Record<string, string>, ready: RegExp) {
  const child = spawn(TSX, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let out = ''
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  const matched = new Promise<RegExpExecArray>((resolveMatch, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      const m = ready.exec(out)
      if (m) resolveMatch(m)
    })
    child.stderr.on('data', (d: Buffer) => void (out += d.toString()))
    void exited.then((code) => reject(new Error(`exited ${code} before ready:\n${out}`)))
  })
  return { child, matched, exited, output: () => out }
}

/** A scratch project with issues and an H5 build, so start.ts builds nothing. */
function scratchProject(): ReturnType<typeof tempDir> {
  const dir = tempDir('project-')
  mkdirSync(join(dir.path, 'content/issues'), { recursive: true })
  copyFileSync(SAMPLE_ISSUE, join(dir.path, `content/issues/${SAMPLE_ID}.txt`))
  writeH5Fixture(join(dir.path, 'dist/h5'))
  return dir
}

describe('npm start (scripts/start.ts)', () => {
  it('serves the H5 app and the API on one origin, with the mock WeChat when WECHAT_APPID is unset', async () => {
    const dir = scratchProject()
    const run = spawnUntil(
      [resolve('scripts/start.ts')],
      dir.path,
      { PORT: '0', WECHAT_APPID: '', LOG_LEVEL: 'warn' },
      /running at (http:\/\/127\.0\.0\.1:\d+\/)/
    )
    try {
      const [, url] = await run.matched
      expect(run.output()).toMatch(/using the mock WeChat service at http:\/\/127\.0\.0\.1:\d+/)
      const page = await fetch(url)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('<div id="app">')
      expect(await (await fetch(`${url}api/health`)).json()).toEqual({ ok: true })
      const index = (await (await fetch(`${url}api/issues`)).json()) as Array<{ id: string }>
      expect(index.map((s) => s.id)).toEqual([SAMPLE_ID])
      const origin = new URL(url).origin
      const signIn = await fetch(`${url}api/auth/wechat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ code: 'mock-alice' })
      })
      expect(signIn.status).toBe(200)
      const { token } = (await signIn.json()) as { token: string }
      const me = await fetch(`${url}api/me`, { headers: { authorization: `Bearer ${token}`, origin } })
      expect(me.status).toBe(200)
      run.child.kill('SIGTERM')
      expect(await run.exited).toBe(0)
      // Closed cleanly: SQLite folded the write-ahead log back into the database file.
      expect(existsSync(join(dir.path, 'data/app.db'))).toBe(true)
      expect(existsSync(join(dir.path, 'data/app.db-wal'))).toBe(false)
    } finally {
      dir.remove()
    }
  })
})

describe('server.ts on its own', () => {
  it('listens on PORT/HOST and exits 0 on SIGINT', async () => {
    const dir = scratchProject()
    const run = spawnUntil(
      [resolve('server/server.ts')],
      dir.path,
      { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      /server at (http:\S+)/
    )
    try {
      const [, url] = await run.matched
      expect((await fetch(`${url}api/health`)).status).toBe(200)
      run.child.kill('SIGINT')
      expect(await run.exited).toBe(0)
    } finally {
      dir.remove()
    }
  })
})

describe('slow clients', () => {
  it('cuts a body sent one byte at a time at the request timeout, and closes a socket that sends nothing', async () => {
    const { startServer } = await import('./server')
    const { connect } = await import('node:net')
    const dir = tempDir()
    const server = await startServer(
      {
        dataDir: dir.path,
        timeouts: { requestTimeout: 600, headersTimeout: 600, connectionTimeout: 1500, checkInterval: 100 }
      },
      { host: '127.0.0.1', port: 0 }
    )
    const port = Number(new URL(server.url).port)
    /** Opens a socket, runs `feed` on it, and resolves with what came back and how long the socket lived. */
    const session = (feed: (write: (s: string) => boolean) => () => void) =>
      new Promise<{ received: string; ms: number }>((resolveSession) => {
        const started = Date.now()
        const socket = connect(port, '127.0.0.1')
        let received = ''
        let stop: () => void = () => {}
        socket.on('connect', () => (stop = feed((s) => socket.write(s))))
        socket.on('data', (d) => void (received += d.toString()))
        socket.on('error', () => {})
        socket.on('close', () => {
          stop()
          resolveSession({ received, ms: Date.now() - started })
        })
      })
    try {
      const slow = await session((write) => {
        write(
          'POST /api/auth/device HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n'
        )
        const timer = setInterval(() => write(' '), 50)
        return () => clearInterval(timer)
      })
      expect(slow.ms).toBeLessThan(3000)
      expect(slow.received).toMatch(/^HTTP\/1\.1 408/)
      const idle = await session(() => () => {})
      expect(idle.ms).toBeGreaterThanOrEqual(500)
      expect(idle.ms).toBeLessThan(4000)
    } finally {
      await server.close()
      dir.remove()
    }
  })
})
