// A page as the base library keeps it: the instance the bundle's Page() config runs on, its data (setData payloads
// applied as path updates), and what a test reads and taps in the tree Taro rendered into that data.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { MiniProgram } from './miniprogram'
import type { HostPage } from './wx'

/** setData: the audit asks for ≤ 256 KB per call; WeChat refuses more than 1 MB. */
export const SET_DATA_AUDIT_BYTES = 256 * 1024
const SET_DATA_MAX_BYTES = 1024 * 1024

export type Data = Record<string, unknown>
export type Config = Record<string, unknown>

export interface TaroNode {
  nn?: string
  sid?: string
  v?: string
  cn?: TaroNode[]
  cl?: string
  [k: string]: unknown
}

export class PageInstance implements HostPage {
  data: Data
  scrollTop = 0
  pullDownRefreshStopped = 0
  /** What the page kept with setInitialRenderingCache (shown at once on its next opening), or null. */
  renderingCache: Data | null = null
  /** Every setData payload, in order, with its size in bytes. */
  readonly setDataCalls: Array<{ payload: Data; bytes: number; at: number }> = []
  readonly options: Record<string, string>
  readonly instance: Record<string, unknown>
  readonly onPageScroll?: (e: { scrollTop: number }) => void

  constructor(
    readonly mp: MiniProgram,
    readonly route: string,
    config: Config,
    query: Record<string, string>,
    readonly webviewId: number
  ) {
    this.options = query
    this.data = mp.realmClone((config.data as Data | undefined) ?? {}) as Data
    // The page instance the bundle sees: the config's methods bound to it, plus what the base library adds.
    const inst: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(config)) if (k !== 'data') inst[k] = v
    const self = this
    Object.assign(inst, {
      route,
      __route__: route,
      options: query,
      __wxWebviewId__: webviewId,
      __wxExparserNodeId__: `page-${webviewId}`,
      get data() {
        return self.data
      },
      setData(payload: Data, cb?: () => void) {
        self.applySetData(payload)
        if (cb) mp.timeout(cb, 0)
      },
      // WeChat: only for a page whose json says initialRenderingCache 'dynamic'; the data must be JSON.
      setInitialRenderingCache(data: Data) {
        if (mp.pageJson(route).initialRenderingCache !== 'dynamic')
          throw new Error(`setInitialRenderingCache on ${route}, whose json has no initialRenderingCache: 'dynamic'`)
        self.renderingCache = JSON.parse(JSON.stringify(data)) as Data
      },
      getPageId: () => `pageId:${webviewId}`,
      getOpenerEventChannel: () => ({ emit() {}, on() {}, once() {}, off() {} }),
      selectComponent: () => null,
      selectAllComponents: () => [],
      createSelectorQuery: () => (mp.wx.wx.createSelectorQuery as () => unknown)(),
      createIntersectionObserver: () => (mp.wx.wx.createIntersectionObserver as () => unknown)()
    })
    this.instance = inst
    if (typeof inst.onPageScroll === 'function') this.onPageScroll = (e) => mp.call(this, 'onPageScroll', e)
  }

  private applySetData(payload: Data): void {
    const json = JSON.stringify(payload)
    const bytes = Buffer.byteLength(json)
    this.setDataCalls.push({ payload: JSON.parse(json) as Data, bytes, at: Date.now() })
    if (bytes > SET_DATA_MAX_BYTES) throw new Error(`setData: data exceeds 1 MB (${bytes} bytes)`)
    for (const [path, value] of Object.entries(payload))
      setPath(this.data, path, JSON.parse(JSON.stringify(value ?? null)))
  }

  /** The most setData calls within any one second (the audit asks for at most 20). */
  maxSetDataPerSecond(): number {
    let max = 0
    for (let i = 0, j = 0; i < this.setDataCalls.length; i++) {
      while (this.setDataCalls[i].at - this.setDataCalls[j].at >= 1000) j++
      max = Math.max(max, i - j + 1)
    }
    return max
  }

  /** The rendered tree (Taro keeps it under `root`). */
  root(): TaroNode {
    return (this.data.root ?? {}) as TaroNode
  }

  /** Text nodes in document order (of the rendered tree, or of another tree such as the rendering cache's). */
  texts(root: TaroNode = this.root()): string[] {
    const out: string[] = []
    walk(root, (n) => {
      if (typeof n.v === 'string') out.push(n.v)
    })
    return out
  }

  text(): string {
    return this.texts().join('\n')
  }

  /** Whether the page shows `text` (adjacent text nodes read as one, as on screen). */
  has(text: string): boolean {
    return this.texts().join('').includes(text)
  }

  /** Taps the element showing `text`: the tap bubbles from the innermost node through its bound ancestors. */
  tap(text: string): void {
    const chain = this.chainOf(text)
    if (!chain) throw new Error(`nothing shows "${text}" on ${this.route}`)
    const elements = chain.filter((n) => Array.isArray(n.cn) && typeof n.sid === 'string').reverse()
    const target = elements[0]
    const bound = elements.filter((n) => this.mp.tapBound.has(String(n.nn)))
    if (bound.length === 0) throw new Error(`"${text}" on ${this.route} has no tap handler`)
    for (const el of bound) {
      const event = {
        type: 'tap',
        timeStamp: Date.now(),
        detail: { x: 10, y: 10 },
        target: { id: target.sid, dataset: { sid: target.sid }, offsetLeft: 0, offsetTop: 0 },
        currentTarget: { id: el.sid, dataset: { sid: el.sid }, offsetLeft: 0, offsetTop: 0 },
        touches: [],
        changedTouches: [],
        mut: false
      }
      this.mp.call(this, 'eh', this.mp.realmClone(event))
    }
  }

  /** The nodes down to the text `text`: exactly that text when some node has it, else the first that contains it. */
  private chainOf(text: string) {
    return (
      findChain(this.root(), (n) => n.v === text) ??
      findChain(this.root(), (n) => typeof n.v === 'string' && n.v.includes(text))
    )
  }

  /**
   * Fires a component event other than tap (e.g. a Button's `agreeprivacyauthorization`) on the innermost element
   * showing `text`, as WeChat does when that element's bind<type> attribute is set.
   */
  fire(text: string, type: string, detail: Record<string, unknown> = {}): void {
    const chain = this.chainOf(text)
    if (!chain) throw new Error(`nothing shows "${text}" on ${this.route}`)
    const target = chain.filter((n) => Array.isArray(n.cn) && typeof n.sid === 'string').reverse()[0]
    const id = String(target.uid ?? target.sid)
    const event = {
      type,
      timeStamp: Date.now(),
      detail,
      target: { id, dataset: { sid: target.sid }, offsetLeft: 0, offsetTop: 0 },
      currentTarget: { id, dataset: { sid: target.sid }, offsetLeft: 0, offsetTop: 0 },
      mut: false
    }
    this.mp.call(this, 'eh', this.mp.realmClone(event))
  }

  /** The node showing `text`'s innermost element (its attributes as Taro set them: uid, p11 for open-type, …). */
  elementOf(text: string): TaroNode | undefined {
    const chain = this.chainOf(text)
    return chain?.filter((n) => Array.isArray(n.cn) && typeof n.sid === 'string').reverse()[0]
  }

  /** Nodes whose class list has `className`. */
  byClass(className: string): TaroNode[] {
    const out: TaroNode[] = []
    walk(this.root(), (n) => {
      if (typeof n.cl === 'string' && n.cl.split(/\s+/).includes(className)) out.push(n)
    })
    return out
  }
}

/** Node names (Taro's template numbers in base.wxml) whose element binds tap to the page's event handler. */
export function tapBoundTemplates(dist: string): Set<string> {
  const file = join(dist, 'base.wxml')
  const wxml = existsSync(file) ? readFileSync(file, 'utf8') : ''
  const bound = new Set<string>()
  for (const m of wxml.matchAll(/<template name="tmpl_0_([\w-]+)">\s*<[^>]*>/g)) {
    if (/\b(bind|catch)tap="eh"/.test(m[0])) bound.add(m[1])
  }
  return bound
}

export function walk(n: TaroNode, visit: (n: TaroNode) => void): void {
  visit(n)
  if (Array.isArray(n.cn)) for (const c of n.cn) if (c) walk(c, visit)
}

function findChain(n: TaroNode, match: (n: TaroNode) => boolean): TaroNode[] | null {
  if (Array.isArray(n.cn)) {
    for (const c of n.cn) {
      if (!c) continue
      const found = findChain(c, match)
      if (found) return [n, ...found]
    }
  }
  return match(n) ? [n] : null
}

/** Applies one setData key: `a.b[0].c` and Taro's `a.cn.[0].c`. */
function setPath(target: Data, path: string, value: unknown): void {
  const keys: Array<string | number> = []
  for (const part of path.split('.')) {
    const re = /([^[\]]+)|\[(\d+)\]/g
    let m: RegExpExecArray | null
    while ((m = re.exec(part))) keys.push(m[2] !== undefined ? Number(m[2]) : m[1])
  }
  let obj = target as Record<string | number, unknown>
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i]
    if (obj[k] === null || typeof obj[k] !== 'object') obj[k] = typeof keys[i + 1] === 'number' ? [] : {}
    obj = obj[k] as Record<string | number, unknown>
  }
  obj[keys[keys.length - 1]] = value
}
