import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServiceWorker, swOptions } from './build-sw'

let dir: string
const files: Record<string, string> = {
  'index.html': '<!doctype html><div id="app"></div>',
  'js/app.0123abcd.js': 'console.log(1)',
  'js/app.0123abcd.js.LICENSE.txt': 'MIT',
  'css/app.89abcdef.css': 'body{}',
  'assets/share/card.png': 'png',
  'content/index.json': '[]',
  'api/issues.json': '[]'
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'build-sw-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('build-sw', () => {
  it('precaches the shell only, hashed files without a second revision', async () => {
    const result = await buildServiceWorker(dir)
    expect(result.warnings).toEqual([])
    expect(result.count).toBe(4)
    const sw = readFileSync(result.swPath, 'utf8')
    expect(sw).toContain('{url:"js/app.0123abcd.js",revision:null}')
    expect(sw).toMatch(/\{url:"index\.html",revision:"[0-9a-f]{32}"\}/)
    expect(sw).toContain('assets/share/card.png')
    for (const excluded of ['LICENSE', 'content/index.json', 'api/issues.json']) expect(sw).not.toContain(excluded)
  })

  it('waits for the user before activating, then claims clients', () => {
    const sw = readFileSync(join(dir, 'sw.js'), 'utf8')
    // skipWaiting only as the answer to workbox-window's SKIP_WAITING message.
    expect(sw).toMatch(/"SKIP_WAITING"===e\.data\.type&&self\.skipWaiting\(\)/)
    expect(sw.match(/skipWaiting\(\)/g)).toHaveLength(1)
    expect(sw).toContain('clientsClaim()')
    expect(sw).toContain('createHandlerBoundToURL("/index.html")')
  })

  it('caches the issue index and issues at run time, no other API route', () => {
    const [index, issue] = swOptions(dir).runtimeCaching!.map((r) => r.urlPattern as RegExp)
    const origin = 'http://127.0.0.1:8080'
    expect(index.test(`${origin}/api/issues`)).toBe(true)
    expect(issue.test(`${origin}/api/issues/chongqing-2020-02`)).toBe(true)
    for (const path of ['/api/auth/wechat', '/api/sync', '/api/me', '/api/issues/a/b', '/index.html']) {
      expect(index.test(origin + path) || issue.test(origin + path), path).toBe(false)
    }
  })

  it('refuses a folder without index.html', async () => {
    await expect(buildServiceWorker(join(dir, 'js'))).rejects.toThrow(/index\.html is missing/)
  })
})
