// Issue #17 in the mini-program: what WeChat's screen reader (读屏) reads. Every tappable node of each main page,
// as rendered into the templates of base.wxml, must carry an aria-label or show text, and every Action must be
// a button (aria-role) to it. Attributes count only when base.wxml really emits them for that node's template:
// Taro drops the ones its weapp templates do not list (config/aria-plugin.js adds the aria ones).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { walk, type TaroNode } from './harness/page'
import type { MiniProgram } from './harness/miniprogram'
import type { LaunchSpec } from './harness/miniprogram'
import { DIST, firstArticles, SAMPLE_ID, weappFixture } from './support'

const app = weappFixture()

interface Template {
  tag: string
  tap: boolean
  /** The data key (Taro's alias, e.g. p3) that each emitted attribute reads: aria-label="{{i.p3||''}}". */
  attrs: Map<string, string>
}

/** base.wxml's element templates by node name: the element, whether it binds tap, and its attribute keys. */
function templates(): Map<string, Template> {
  const wxml = readFileSync(join(DIST, 'base.wxml'), 'utf8')
  const out = new Map<string, Template>()
  for (const m of wxml.matchAll(/<template name="tmpl_0_([\w-]+)">\s*<([\w-]+)([^>]*)>/g)) {
    const attrs = new Map<string, string>()
    for (const a of m[3].matchAll(/([\w-]+)="\{\{i\.(\w+)[^"]*\}\}"/g)) attrs.set(a[1], a[2])
    out.set(m[1], { tag: m[2], tap: /\b(bind|catch)tap="eh"/.test(m[3]), attrs })
  }
  return out
}

/** The value an element shows for `attr` in the mini-program ('' when its template does not emit it). */
function attr(node: TaroNode, t: Template | undefined, name: string): string {
  const key = t?.attrs.get(name)
  return key && node[key] !== undefined && node[key] !== null ? String(node[key]) : ''
}

function text(node: TaroNode): string {
  let s = ''
  walk(node, (n) => {
    if (typeof n.v === 'string') s += n.v
  })
  return s.trim()
}

/** What 读屏 would find wrong on the page shown: tappable nodes with nothing to say, Actions that are no button. */
function problems(mp: MiniProgram): { tappable: number; actions: number; wrong: string[] } {
  const byName = templates()
  const wrong: string[] = []
  let tappable = 0
  let actions = 0
  walk(mp.page.root(), (n) => {
    if (!Array.isArray(n.cn) || n.nn === undefined) return
    const t = byName.get(String(n.nn))
    const classes = typeof n.cl === 'string' ? n.cl.split(/\s+/) : []
    const where = `${mp.page.route} <${t?.tag ?? n.nn} class="${n.cl ?? ''}">${text(n).slice(0, 20)}`
    if (t?.tap || t?.tag === 'button') {
      tappable++
      if (!attr(n, t, 'aria-label') && !text(n)) wrong.push(`${where}: tappable, no aria-label and no text`)
    }
    if (classes.includes('action')) {
      actions++
      if (!t?.tap) wrong.push(`${where}: an action whose element does not bind tap`)
      if (!['button', 'tab', 'radio', 'checkbox'].includes(attr(n, t, 'aria-role')))
        wrong.push(`${where}: an action without aria-role (has "${attr(n, t, 'aria-role')}")`)
    }
  })
  return { tappable, actions, wrong }
}

interface Screen {
  name: string
  spec: () => Promise<LaunchSpec>
  see: () => Promise<string>
  /** Reached from the first page by tapping these texts in turn. */
  via?: string[]
  /** Whether the screen always has actions (离线内容 without downloads has none). */
  actions?: boolean
}
const SCREENS: Screen[] = [
  { name: 'library', spec: async () => ({}), see: async () => '重庆党史工作' },
  {
    name: 'issue',
    spec: async () => ({ path: 'pages/issue/index', query: { issue: SAMPLE_ID } }),
    see: async () => firstArticles(await app.issue()).first.title!
  },
  {
    name: 'article',
    spec: async () => ({
      path: 'pages/article/index',
      query: { issue: SAMPLE_ID, article: firstArticles(await app.issue()).first.id }
    }),
    see: async () => '下一篇'
  },
  { name: '我的', spec: async () => ({ path: 'pages/me/index' }), see: async () => '离线内容' },
  {
    name: 'offline',
    spec: async () => ({ path: 'pages/offline/index' }),
    see: async () => '阅读缓存',
    actions: false
  },
  { name: 'quiz home', spec: async () => ({}), via: ['答题 · 百题竞答'], see: async () => '开始答题' },
  { name: 'campaign', spec: async () => ({ path: 'pages/campaign/index/index' }), see: async () => '记录一次宣讲' },
  { name: 'privacy data', spec: async () => ({ path: 'pages/privacy/data/index' }), see: async () => '导出我的数据' },
  { name: 'search', spec: async () => ({ path: 'pages/search/index' }), see: async () => '搜索' },
  // Not signed in: the refusal, and nothing to tap.
  { name: 'publish', spec: async () => ({ path: 'pages/publish/index' }), see: async () => '发布简报', actions: false }
]

describe('读屏 (weapp screen reader): names and roles of what can be tapped', () => {
  it('base.wxml emits aria-role and aria-label on tappable views and buttons', () => {
    const emits = (tag: string, attr: string) =>
      [...templates().values()].some((t) => t.tag === tag && t.tap && t.attrs.has(attr))
    expect(emits('view', 'aria-role')).toBe(true)
    expect(emits('view', 'aria-label')).toBe(true)
    expect(emits('button', 'aria-label')).toBe(true)
  })

  it.each(SCREENS)('$name: every tappable node has an aria-label or text, every action is a button', async (s) => {
    const phone = app.device({ user: `a11y-${SCREENS.indexOf(s)}` })
    const mp = app.start(phone, await s.spec())
    if (s.via) await mp.until(() => phone.storage.has('session'), 'signed in with wx.login', 10_000)
    for (const text of s.via ?? []) (await mp.see(text, 10_000)).tap(text)
    await mp.see(await s.see(), 20_000)
    await mp.settle(300)
    const found = problems(mp)
    expect(found.wrong).toEqual([])
    if (s.actions !== false) expect(found.actions, 'actions on the page').toBeGreaterThan(0)
  })

  it('the type panel: A−/A+ are spoken as 缩小字号/放大字号, the toggles with their state', async () => {
    const { first } = firstArticles(await app.issue())
    const mp = app.start(app.device(), { path: 'pages/article/index', query: { issue: SAMPLE_ID, article: first.id } })
    const page = await mp.see('下一篇', 10_000)
    page.tap('Aa')
    await mp.see('关怀模式')
    const byName = templates()
    const labelOf = (shown: string) => {
      let label = ''
      walk(page.root(), (n) => {
        const classes = typeof n.cl === 'string' ? n.cl.split(/\s+/) : []
        if (classes.includes('action') && text(n) === shown) label = attr(n, byName.get(String(n.nn)), 'aria-label')
      })
      return label
    }
    expect(labelOf('A−')).toBe('缩小字号 A−')
    expect(labelOf('A+')).toBe('放大字号 A+')
    expect(labelOf('Aa')).toBe('字号与显示设置')
    expect(labelOf('关怀模式')).toBe('关怀模式，已关闭')
    page.tap('关怀模式')
    await mp.until(() => labelOf('关怀模式') === '关怀模式，已开启', '关怀模式 spoken as on')
    expect(problems(mp).wrong).toEqual([])
  })

  it('touch targets: every action at least 44 px (88 rpx), 48 px (96 rpx) in 关怀模式', () => {
    const wxss = readFileSync(join(DIST, 'app-origin.wxss'), 'utf8')
    expect(wxss).toMatch(/(^|\})\.action\{[^}]*min-height:88rpx;min-width:88rpx[;}]/)
    expect(wxss).toMatch(/\.theme-care \.action\{min-height:96rpx;min-width:96rpx[;}]/)
  })
})
