// Shared fixtures for the server's tests (not a test file itself): temp folders, a steppable clock, the mock
// WeChat service, signed-in members and a full dump of the database.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { startMockWechat, type MockWechat } from '../mock/wechat'
import { buildApp, type AppOptions } from './app'
import { DB_FILE } from './db/sqlite/open'
import type { App } from './types'

/** The issue shipped in content/issues, used as a known-good source text. */
export const SAMPLE_ISSUE = resolve('content/issues/chongqing-dangshi-gongzuo-2020-02.txt')
export const SAMPLE_ID = 'chongqing-dangshi-gongzuo-2020-02'

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'dangshi-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

/** A clock tests can move forward. */
export function testClock(start = Date.UTC(2026, 0, 1)): { now: () => number; advance(ms: number): void } {
  let t = start
  return { now: () => t, advance: (ms) => void (t += ms) }
}

/** A minimal H5 build: index.html with an inline script (like Taro's template) and one bundle file. */
export const H5_INLINE_SCRIPT = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);'
export function writeH5Fixture(dir: string): void {
  mkdirSync(join(dir, 'js'), { recursive: true })
  writeFileSync(
    join(dir, 'index.html'),
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>党史阅读</title><script>${H5_INLINE_SCRIPT}</script>` +
      '<script defer src="/js/app.0123abcd.js"></script></head><body><div id="app"></div></body></html>'
  )
  writeFileSync(join(dir, 'js/app.0123abcd.js'), 'console.log("app")')
}

/** Everything one test file needs: an app on a temp DATA_DIR with the sample issue, mock WeChat and a clock. */
export interface TestEnv {
  app: App
  wechat: MockWechat
  clock: ReturnType<typeof testClock>
  dataDir: string
  contentDir: string
  close(): Promise<void>
}

/** Builds the app against a fresh temp DATA_DIR and the mock WeChat on a free loopback port. */
export async function testEnv(options: AppOptions = {}): Promise<TestEnv> {
  const dir = tempDir()
  const dataDir = join(dir.path, 'data')
  const contentDir = join(dir.path, 'issues')
  mkdirSync(contentDir)
  copyFileSync(SAMPLE_ISSUE, join(contentDir, `${SAMPLE_ID}.txt`))
  const clock = testClock()
  const wechat = await startMockWechat({ appid: 'test-appid', secret: 'test-secret', now: clock.now })
  const app = await buildApp({
    dataDir,
    contentDir,
    now: clock.now,
    wechat: { apiBase: wechat.url, appid: 'test-appid', secret: 'test-secret', timeoutMs: 1000 },
    ...options,
    // Every injected request comes from one address, so sign-in gets a budget no test reaches by accident;
    // tests of the limits pass their own.
    rateLimits: {
      signIn: { max: 10_000, windowMs: 60_000 },
      joinOrg: { max: 10_000, windowMs: 60_000 },
      ...options.rateLimits
    }
  })
  return {
    app,
    wechat,
    clock,
    dataDir,
    contentDir,
    async close() {
      await app.close()
      await wechat.close()
      dir.remove()
    }
  }
}

/** Signs in a new device account; returns its token and member id. */
export async function signInDevice(app: App, deviceName = 'test'): Promise<{ token: string; memberId: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/device', payload: { deviceName } })
  if (res.statusCode !== 200) throw new Error(`device sign-in failed: ${res.statusCode} ${res.body}`)
  const body = res.json() as { token: string; member: { id: string } }
  return { token: body.token, memberId: body.member.id }
}

/** Authorization header for a token. */
export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` }
}

/** Every row of every table, in a stable order, as one JSON string: equal dumps mean an unchanged database. */
export function dumpDatabase(dataDir: string): string {
  const db = new Database(join(dataDir, DB_FILE), { readonly: true })
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[]
    const dump: Record<string, unknown[]> = {}
    // FTS5's shadow tables (search, migration 008) include WITHOUT ROWID ones: ordered by their key instead.
    const withoutRowid = (t: string) =>
      /WITHOUT ROWID\s*$/i.test(String(db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(t)))
    for (const t of tables)
      dump[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY ${withoutRowid(t) ? '1' : 'rowid'}`).all()
    return JSON.stringify(dump)
  } finally {
    db.close()
  }
}

/**
 * Writes the shipped campaign into `dir` with its window moved around `now` (30 days either side), so the scored
 * quiz it names is open; the shipped one (2020) has ended. Returns the file's path.
 */
export function writeCurrentCampaign(dir: string, now = Date.now()): string {
  const day = (offset: number) => new Date(now + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10)
  const shipped = JSON.parse(readFileSync(resolve('content/campaigns/du-dangshi-2020.json'), 'utf8')) as Record<
    string,
    unknown
  >
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'current.json')
  writeFileSync(file, JSON.stringify({ ...shipped, id: 'du-dangshi-current', start: day(-30), end: day(30) }, null, 2))
  return file
}
