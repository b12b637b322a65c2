// The harness itself: it must catch what the mini-program's JavaScript environment lacks, refuse APIs above the
// base library floor, and apply setData the way the base library does.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BASE_LIBRARY_FLOOR } from './harness/api-versions'
import { Device } from './harness/device'
import { MiniProgram } from './harness/miniprogram'

const dirs: string[] = []
const running: MiniProgram[] = []
afterEach(() => {
  for (const mp of running.splice(0)) mp.kill()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** A one-page mini-program whose page runs `onLoad` (JavaScript source) and setData's what it returns. */
function tinyBundle(onLoad: string, spec: { floor?: string } = {}): MiniProgram {
  const dir = mkdtempSync(join(tmpdir(), 'weapp-tiny-'))
  dirs.push(dir)
  mkdirSync(join(dir, 'pages/a'), { recursive: true })
  mkdirSync(join(dir, 'lib'))
  writeFileSync(join(dir, 'app.json'), JSON.stringify({ pages: ['pages/a/index'] }))
  writeFileSync(join(dir, 'lib/answer.js'), 'module.exports = { answer: 42 }')
  writeFileSync(join(dir, 'app.js'), 'App({ onLaunch: function () { this.launched = true } })')
  writeFileSync(
    join(dir, 'pages/a/index.js'),
    `var lib = require('../../lib/answer'); Page({ data: { lib: lib.answer }, onLoad: function (query) { this.setData({ result: (function () { ${onLoad} }).call(this) }) } })`
  )
  const mp = MiniProgram.start(dir, new Device({ server: 'http://127.0.0.1:9' }), spec)
  running.push(mp)
  return mp
}

describe('the JavaScript environment', () => {
  it('has no TextEncoder: a bundle that counts bytes with it fails', () => {
    const mp = tinyBundle("return new TextEncoder().encode('党史').length")
    expect(mp.errors).toHaveLength(1)
    expect(String(mp.errors[0])).toMatch(/ReferenceError: TextEncoder is not defined/)
    expect(mp.page.data.result).toBeUndefined()
  })

  it('has none of the Web and Node globals the mini-program lacks, and no eval', () => {
    const names = [
      'window',
      'document',
      'navigator',
      'location',
      'fetch',
      'XMLHttpRequest',
      'localStorage',
      'indexedDB',
      'TextEncoder',
      'TextDecoder',
      'URL',
      'URLSearchParams',
      'atob',
      'btoa',
      'structuredClone',
      'queueMicrotask',
      'setImmediate',
      'MessageChannel',
      'requestAnimationFrame',
      'AbortController',
      'Blob',
      'crypto',
      'process',
      'Buffer',
      'global',
      'WebAssembly'
    ]
    const mp = tinyBundle(
      `return { types: [${names.map((n) => `typeof ${n}`).join(', ')}], evalFails: (function () { try { eval('1'); return false } catch (e) { return e instanceof EvalError } })() }`
    )
    expect(mp.errors).toEqual([])
    const result = mp.page.data.result as { types: string[]; evalFails: boolean }
    expect(Object.fromEntries(names.map((n, i) => [n, result.types[i]]))).toEqual(
      Object.fromEntries(names.map((n) => [n, 'undefined']))
    )
    expect(result.evalFails).toBe(true)
  })

  it('has what the mini-program does have: wx, the constructors, timers, Promise and ES2017 built-ins', () => {
    const mp = tinyBundle(
      'return [typeof wx, typeof App, typeof Page, typeof Component, typeof Behavior, typeof getApp, typeof getCurrentPages, typeof setTimeout, typeof setInterval, typeof Promise, typeof Object.entries, typeof String.prototype.padStart, typeof getApp().launched, getCurrentPages().length]'
    )
    expect(mp.errors).toEqual([])
    expect(mp.page.data.result).toEqual([
      'object',
      'function',
      'function',
      'function',
      'function',
      'function',
      'function',
      'function',
      'function',
      'function',
      'function',
      'function',
      'boolean',
      1
    ])
    // require resolves package files relative to the requiring file, like the base library.
    expect(mp.page.data.lib).toBe(42)
  })
})

describe('the base library floor', () => {
  it('is the one project.config.json declares', () => {
    expect(JSON.parse(readFileSync('project.config.json', 'utf8')).libVersion).toBe(BASE_LIBRARY_FLOOR)
  })

  it('refuses an API newer than the floor and records it', () => {
    const mp = tinyBundle("return wx.getApiCategory ? wx.getApiCategory() : 'missing'")
    expect(mp.wx.log.violations).toEqual([
      `wx.getApiCategory needs base library 2.33.0, above the declared floor ${BASE_LIBRARY_FLOOR}`
    ])
    expect(mp.errors).toHaveLength(1)
  })

  it('allows it when the floor is high enough', () => {
    const mp = tinyBundle("wx.getWindowInfo(); return 'ok'", { floor: '3.0.0' })
    expect(mp.wx.log.violations).toEqual([])
    expect(mp.page.data.result).toBe('ok')
  })
})

describe('setData', () => {
  it("applies path updates (a.b[0].c and Taro's a.cn.[0]) to the page data and records each payload", () => {
    const mp = tinyBundle(
      "this.setData({ 'root.cn': [{ v: 'a' }, { v: 'b' }] }); this.setData({ 'root.cn.[1].v': '党史', 'list[2].x': 1 }); return 'done'"
    )
    expect(mp.errors).toEqual([])
    expect(mp.page.texts()).toEqual(['a', '党史'])
    expect(mp.page.data.list).toEqual([undefined, undefined, { x: 1 }])
    expect(mp.page.setDataCalls.length).toBe(3)
  })
})
