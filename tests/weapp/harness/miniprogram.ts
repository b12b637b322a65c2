// Runs a built mini-program (dist/weapp) the way WeChat's base library does: every file in one JavaScript context
// whose globals are only those the mini-program runtime has (wx, App, Page, Component, Behavior, getApp,
// getCurrentPages, timers, console and the ECMAScript built-ins; no window, document, fetch, TextEncoder, URL…),
// modules wrapped and resolved like the base library's require, pages driven through their lifecycle and their
// setData payloads applied to a data object that tests search for text.
import { existsSync, readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import vm from 'node:vm'
import { API_SINCE, BASE_LIBRARY_FLOOR, compareVersions } from './api-versions'
import type { Device } from './device'
import { PageInstance, tapBoundTemplates, walk, type Config, type TaroNode } from './page'
import { createFakeWx, type FakeWx, type Host, type LaunchOptions } from './wx'
import { allPages, subpackageRoots } from '../../../tools/lib/weapp'

export { PageInstance, SET_DATA_AUDIT_BYTES, type TaroNode } from './page'

// WeChat runs each file as define(path, function(require, module, exports, window, document, …){…}): names of
// browser globals are parameters that stay undefined.
const SHADOWED = [
  'window',
  'document',
  'frames',
  'self',
  'location',
  'navigator',
  'localStorage',
  'history',
  'Caches',
  'screen',
  'alert',
  'confirm',
  'prompt',
  'XMLHttpRequest',
  'WebSocket',
  'Reporter',
  'webkit',
  'WeixinJSCore'
]

/** Scenes that open the mini-program without a path (WeChat's A-type scenes: 发现栏, 最近使用, 搜索 …). */
const HOME_SCENES = new Set([1001, 1019, 1022, 1023, 1038, 1056, 1089])

export interface LaunchSpec {
  /** The page the app opens on (a share path); default the first page in app.json. */
  path?: string
  query?: Record<string, string>
  /** Default 1001 (发现栏小程序主入口); 1007 a chat share, 1154 Moments in 单页模式. */
  scene?: number
  floor?: string
}

export class MiniProgram {
  readonly context: vm.Context
  readonly wx: FakeWx
  readonly pages: PageInstance[] = []
  /** Every page instance ever opened in this run, unloaded ones too. */
  readonly history: PageInstance[] = []
  /** Errors thrown out of timers and lifecycle calls, as WeChat's onError would see them. */
  readonly errors: unknown[] = []
  readonly appJson: {
    pages: string[]
    tabBar?: { list: Array<{ pagePath: string }> }
    window?: { restartStrategy?: string }
  }
  /** Main-package pages, then subpackage pages (root + page). */
  readonly allPages: string[]
  /** Subpackage roots ('pages/quiz/'): the main package may not require files under them. */
  private readonly subRoots: string[]
  app: Record<string, unknown> | null = null
  /** Template numbers whose element binds tap (from base.wxml). */
  readonly tapBound: Set<string>
  private readonly modules = new Map<string, { exports: unknown }>()
  private readonly pageConfigs = new Map<string, Config>()
  private readonly tabPages = new Map<string, PageInstance>()
  private readonly components: Config[] = []
  private loadingRoute: string | null = null
  private readonly timers = new Set<NodeJS.Timeout>()
  private webviewIds = 0
  private dead = false
  private readonly launchOptions: LaunchOptions

  constructor(
    readonly dist: string,
    readonly device: Device,
    spec: LaunchSpec = {}
  ) {
    this.appJson = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as MiniProgram['appJson']
    this.allPages = allPages(this.appJson)
    this.subRoots = subpackageRoots(this.appJson)
    this.tapBound = tapBoundTemplates(dist)
    const path = (spec.path ?? this.appJson.pages[0]).replace(/^\//, '')
    this.launchOptions = { path, query: spec.query ?? {}, scene: spec.scene ?? 1001 }
    const floor = spec.floor ?? BASE_LIBRARY_FLOOR
    const host: Host = {
      navigate: (kind, url) => this.navigate(kind, url),
      navigateBack: (delta) => this.navigateBack(delta),
      currentPage: () => this.pages[this.pages.length - 1],
      rects: (selector, all) => this.rects(selector, all),
      parseJson: (text) => this.realmJson(text),
      timeout: (fn, ms) => this.timeout(fn, ms)
    }
    this.wx = createFakeWx(device, host, this.launchOptions, floor)
    const timer =
      (repeat: boolean) =>
      (fn: unknown, ms?: number, ...args: unknown[]) => {
        if (typeof fn !== 'function') throw new TypeError('callback must be a function')
        const run = () => {
          if (!repeat) this.timers.delete(handle)
          this.guard(() => fn(...args))
        }
        const handle = repeat ? setInterval(run, ms ?? 0) : setTimeout(run, ms ?? 0)
        this.timers.add(handle)
        return handle
      }
    const clear = (h: NodeJS.Timeout | undefined) => {
      if (h) {
        clearTimeout(h)
        this.timers.delete(h)
      }
    }
    const sandbox: Record<string, unknown> = {
      wx: this.wx.wx,
      App: (config: Config) => {
        this.app = config
      },
      Page: (config: Config) => {
        if (!this.loadingRoute) throw new Error('Page() called outside a page file')
        if (
          typeof config.onShareTimeline === 'function' &&
          compareVersions(API_SINCE['Page.onShareTimeline'], floor) > 0
        ) {
          this.wx.log.violations.push(`Page.onShareTimeline needs base library ${API_SINCE['Page.onShareTimeline']}`)
        }
        this.pageConfigs.set(this.loadingRoute, config)
      },
      Component: (config: Config) => {
        this.components.push(config)
      },
      Behavior: (config: Config) => config,
      getApp: () => this.app,
      getCurrentPages: () => this.pages.map((p) => p.instance),
      setTimeout: timer(false),
      setInterval: timer(true),
      clearTimeout: clear,
      clearInterval: clear,
      console
    }
    // No eval or new Function in the mini-program; no WebAssembly (iOS has only WXWebAssembly).
    this.context = vm.createContext(sandbox, { name: 'weapp', codeGeneration: { strings: false, wasm: false } })
    vm.runInContext('delete globalThis.WebAssembly', this.context)
  }

  /** Starts the app like a cold start: app.js, App.onLaunch/onShow, then the launch page's lifecycle. */
  static start(dist: string, device: Device, spec: LaunchSpec = {}): MiniProgram {
    const mp = new MiniProgram(dist, device, spec)
    mp.require('app.js', '')
    if (!mp.app) throw new Error('app.js did not call App()')
    const options = mp.realmClone({
      path: mp.launchOptions.path,
      query: mp.launchOptions.query,
      scene: mp.launchOptions.scene,
      referrerInfo: {}
    })
    mp.callApp('onLaunch', options)
    mp.callApp('onShow', options)
    mp.openPage(mp.launchOptions.path, mp.launchOptions.query)
    // A start without a path (an A-type scene) after leaving a page whose json asks for it: the home page, then
    // that page over it with its query (WeChat's 重新启动策略; not for tab pages).
    const exit = device.exitPage
    device.exitPage = null
    if (exit && spec.path === undefined && HOME_SCENES.has(mp.launchOptions.scene)) {
      mp.call(mp.page, 'onHide')
      mp.openPage(exit.route, exit.query)
    }
    return mp
  }

  /** The page on top of the stack. */
  get page(): PageInstance {
    const p = this.pages[this.pages.length - 1]
    if (!p) throw new Error('no page is open')
    return p
  }

  /** Waits until `check` holds (polling while the app's timers and promises run), or fails with `what`. */
  async until(check: () => boolean, what = 'condition', timeoutMs = 5000): Promise<void> {
    const end = Date.now() + timeoutMs
    while (!check()) {
      if (this.errors.length) throw new Error(`mini-program error while waiting for ${what}: ${String(this.errors[0])}`)
      if (Date.now() > end)
        throw new Error(
          `timed out waiting for ${what}; ${this.page ? `${this.page.route} shows: ${this.page.text().slice(0, 400)}` : 'no page'}`
        )
      await new Promise((r) => setTimeout(r, 10))
    }
  }

  /** Waits until the top page shows `text`. */
  async see(text: string, timeoutMs = 5000): Promise<PageInstance> {
    await this.until(
      () => this.pages.length > 0 && this.page.has(text),
      `"${text}" on ${this.pages.at(-1)?.route}`,
      timeoutMs
    )
    return this.page
  }

  /** Lets pending timers and promises run for a while. */
  async settle(ms = 100): Promise<void> {
    await new Promise((r) => setTimeout(r, ms))
  }

  /** The user leaves WeChat (home button): page onHide, then App.onHide. */
  hide(): void {
    const top = this.pages.at(-1)
    if (top) this.call(top, 'onHide')
    this.callApp('onHide')
  }

  /** Back in WeChat: App.onShow, page onShow. */
  show(): void {
    this.callApp(
      'onShow',
      this.realmClone({
        path: this.launchOptions.path,
        query: this.launchOptions.query,
        scene: this.launchOptions.scene
      })
    )
    const top = this.pages.at(-1)
    if (top) this.call(top, 'onShow')
  }

  /** The system kills the app: nothing more runs in it (no onUnload); the device keeps storage and files. */
  kill(): void {
    const top = this.pages.at(-1)
    const strategy = top && (this.pageJson(top.route).restartStrategy ?? this.appJson.window?.restartStrategy)
    this.device.exitPage =
      top && strategy === 'homePageAndLatestPage' && !this.isTab(top.route)
        ? { route: top.route, query: { ...top.options } }
        : null
    this.dead = true
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    this.wx.dispose()
  }

  /** The user taps the navigation bar's back arrow. */
  navigateBackFromUser(): void {
    this.guard(() => this.navigateBack(1))
  }

  /** The user taps a tab in the tab bar. */
  tabTo(route: string): void {
    this.guard(() => this.navigate('switchTab', `/${route}`))
  }

  /** The user pulls the page down. */
  pullDown(): void {
    this.call(this.page, 'onPullDownRefresh')
  }

  /** The user scrolls the page. */
  scroll(scrollTop: number): void {
    this.page.scrollTop = scrollTop
    this.page.onPageScroll?.({ scrollTop })
  }

  /** The share sheet asks the page what to share (「转发」 or 「分享到朋友圈」). */
  share(kind: 'onShareAppMessage' | 'onShareTimeline'): Record<string, unknown> {
    const page = this.page
    if (typeof page.instance[kind] !== 'function')
      throw new Error(`${page.route} has no ${kind}: the menu does not offer it`)
    const arg = kind === 'onShareAppMessage' ? { from: 'menu', target: undefined } : {}
    return this.call(page, kind, this.realmClone(arg)) as Record<string, unknown>
  }

  /** Runs a page method the way the base library does, catching what it throws into `errors`. */
  call(page: PageInstance, method: string, ...args: unknown[]): unknown {
    const fn = page.instance[method]
    if (typeof fn !== 'function') return undefined
    return this.guard(() => fn.apply(page.instance, args))
  }

  /** Whether the app config of the page (index.json) turns a feature on. */
  pageJson(route: string): Record<string, unknown> {
    const file = join(this.dist, `${route}.json`)
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {}
  }

  realmClone<T>(value: T): T {
    return this.realmJson(JSON.stringify(value)) as T
  }

  realmJson(text: string): unknown {
    return (vm.runInContext('JSON.parse', this.context) as (t: string) => unknown)(text)
  }

  timeout(fn: () => void, ms: number): void {
    if (this.dead) return
    const handle = setTimeout(() => {
      this.timers.delete(handle)
      if (!this.dead) this.guard(fn)
    }, ms)
    this.timers.add(handle)
  }

  private guard<T>(fn: () => T): T | undefined {
    if (this.dead) return undefined
    try {
      return fn()
    } catch (err) {
      this.errors.push(err)
      console.error('[weapp]', err)
      return undefined
    }
  }

  private callApp(method: string, ...args: unknown[]): void {
    const fn = this.app?.[method]
    if (typeof fn === 'function') this.guard(() => fn.apply(this.app, args))
  }

  /** The base library's require: paths relative to the requiring file, `.js` optional, only files in the package. */
  require(request: string, from: string): unknown {
    const base = request.startsWith('/') ? request.slice(1) : posix.join(posix.dirname(from || 'app.js'), request)
    const file = posix.normalize(base.endsWith('.js') ? base : `${base}.js`)
    const cached = this.modules.get(file)
    if (cached) return cached.exports
    const abs = join(this.dist, file)
    if (file.startsWith('..') || !existsSync(abs)) throw new Error(`module "${file}" is not defined`)
    // As in WeChat: a subpackage may use the main package's files, never the other way round (nor sideways).
    const rootOf = (f: string) => this.subRoots.find((r) => f.startsWith(r)) ?? null
    const target = rootOf(file)
    if (target !== null && from && rootOf(from) !== target)
      throw new Error(`module "${file}" is in subpackage ${target} and cannot be required from "${from}"`)
    const module = { exports: {} as unknown }
    this.modules.set(file, module)
    const source = `(function (require, module, exports, ${SHADOWED.join(', ')}) {${readFileSync(abs, 'utf8')}\n})`
    const fn = new vm.Script(source, { filename: abs }).runInContext(this.context) as (...a: unknown[]) => void
    fn.call(module.exports, (r: string) => this.require(r, file), module, module.exports)
    return module.exports
  }

  private loadPage(route: string): Config {
    const existing = this.pageConfigs.get(route)
    if (existing) return existing
    if (!this.allPages.includes(route)) throw new Error(`page "${route}" is not found`)
    // The page's custom components (Taro's comp for deep trees) load with it.
    const json = this.pageJson(route) as { usingComponents?: Record<string, string> }
    for (const c of Object.values(json.usingComponents ?? {})) this.require(c, route)
    this.loadingRoute = route
    try {
      this.require(`${route}.js`, '')
    } finally {
      this.loadingRoute = null
    }
    const config = this.pageConfigs.get(route)
    if (!config) throw new Error(`${route}.js did not call Page()`)
    return config
  }

  private openPage(route: string, query: Record<string, string>): PageInstance {
    const config = this.loadPage(route)
    const page = new PageInstance(this, route, config, query, ++this.webviewIds)
    this.pages.push(page)
    this.history.push(page)
    if (this.isTab(route)) this.tabPages.set(route, page)
    this.call(page, 'onLoad', this.realmClone(query))
    this.call(page, 'onShow')
    this.timeout(() => {
      if (this.pages.includes(page)) this.call(page, 'onReady')
    }, 0)
    return page
  }

  private parseUrl(url: string): { route: string; query: Record<string, string> } {
    const [path, search = ''] = url.split('?')
    const top = this.pages.at(-1)
    const route = posix.normalize(
      path.startsWith('/') ? path.slice(1) : posix.join(posix.dirname(top?.route ?? ''), path)
    )
    const query: Record<string, string> = {}
    // WeChat hands the page its query values as they were in the URL (not decoded).
    for (const pair of search.split('&').filter(Boolean)) {
      const i = pair.indexOf('=')
      query[i < 0 ? pair : pair.slice(0, i)] = i < 0 ? '' : pair.slice(i + 1)
    }
    if (!this.allPages.includes(route)) throw new Error(`page "${route}" is not found`)
    return { route, query }
  }

  private isTab(route: string): boolean {
    return (this.appJson.tabBar?.list ?? []).some((t) => t.pagePath === route)
  }

  private unload(page: PageInstance): void {
    this.tabPages.delete(page.route)
    this.call(page, 'onUnload')
    this.pages.splice(this.pages.indexOf(page), 1)
  }

  private navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', url: string): void {
    const { route, query } = this.parseUrl(url)
    const top = this.pages.at(-1)
    if (kind === 'navigateTo' || kind === 'redirectTo') {
      if (this.isTab(route)) throw new Error(`can not ${kind} a tabbar page`)
      if (kind === 'navigateTo' && this.pages.length >= 10) throw new Error('webview count limit exceed')
      if (top) {
        if (kind === 'navigateTo') this.call(top, 'onHide')
        else this.unload(top)
      }
      this.openPage(route, query)
      return
    }
    if (kind === 'switchTab') {
      if (!this.isTab(route)) throw new Error('can not switch to no-tabBar page')
      // Tab pages stay alive while hidden; other pages are unloaded.
      for (const p of [...this.pages].reverse()) {
        if (this.isTab(p.route)) {
          if (p === top) this.call(p, 'onHide')
          this.pages.splice(this.pages.indexOf(p), 1)
        } else this.unload(p)
      }
      const kept = this.tabPages.get(route)
      if (kept) {
        this.pages.push(kept)
        this.call(kept, 'onShow')
      } else this.openPage(route, {})
      return
    }
    for (const p of [...this.pages].reverse()) this.unload(p)
    for (const p of this.tabPages.values()) this.call(p, 'onUnload')
    this.tabPages.clear()
    this.openPage(route, query)
  }

  private navigateBack(delta: number): void {
    if (this.pages.length <= 1) throw new Error('cannot navigate back at first page.')
    for (let i = 0; i < delta && this.pages.length > 1; i++) this.unload(this.pages[this.pages.length - 1])
    this.call(this.page, 'onShow')
  }

  /** A layout stand-in: each element is as tall as its text would be at 20 characters a line of 30 px. */
  private rects(selector: string, all: boolean): unknown {
    const page = this.pages.at(-1)
    if (!page) return all ? [] : null
    const cls = selector.startsWith('.') ? selector.slice(1) : null
    const id = selector.startsWith('#') ? selector.slice(1) : null
    const found: TaroNode[] = []
    walk(page.root(), (n) => {
      if (cls && typeof n.cl === 'string' && n.cl.split(/\s+/).includes(cls)) found.push(n)
      if (id && (n.uid === id || n.id === id)) found.push(n)
    })
    let top = 0
    const rect = (n: TaroNode) => {
      let chars = 0
      walk(n, (x) => {
        if (typeof x.v === 'string') chars += x.v.length
      })
      const height = Math.ceil(chars / 20) * 30 + 40
      const r = {
        id: n.uid ?? '',
        dataset: {},
        left: 0,
        right: 375,
        width: 375,
        top: top - page.scrollTop,
        bottom: top + height - page.scrollTop,
        height
      }
      top += height
      return r
    }
    const rects = found.map(rect)
    return this.realmClone(all ? rects : (rects[0] ?? null))
  }
}
