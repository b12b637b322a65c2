// 我的数据, made readable: what the server holds about the member (GET /api/me/data) and what this device keeps in
// its key-value store, as titled groups of label/value rows in Chinese. Pure: times are formatted by the caller.
import type { DeviceKind } from '../api/account'
import type { MyDataReply } from '../api/privacy'
import { formatBytes } from '../format'

export interface DataRow {
  label: string
  value: string
}

export interface DataGroup {
  title: string
  rows: DataRow[]
}

const KIND_NAMES: Record<DeviceKind, string> = { wechat: '微信登录', device: '本机账号', paired: '配对登录' }

/** The last four characters of an identifier, so the member can recognize it without it being shown whole. */
const tail = (id: string) => (id.length > 4 ? `尾号 ${id.slice(-4)}` : id)

function minutes(ms: number): string {
  const m = Math.round(ms / 60000)
  return m < 60 ? `${m} 分钟` : `${Math.floor(m / 60)} 小时 ${m % 60} 分钟`
}

/** What the server stores about the member, grouped as the 我的数据 page shows it. */
export function serverDataGroups(data: MyDataReply, time: (ms: number) => string): DataGroup[] {
  const facts = data.sync.facts
  const readingMs = facts.sessions.items.reduce((sum, s) => sum + s.ms, 0)
  const listed = (n: { count: number; items: unknown[] }) =>
    n.items.length < n.count ? `（仅列出 ${n.items.length} 条）` : ''
  const groups: DataGroup[] = [
    {
      title: '账号',
      rows: [
        { label: '名字', value: data.member.displayName },
        { label: '账号创建于', value: time(data.member.createdAt) },
        {
          label: '微信身份',
          value:
            data.wechat.length === 0
              ? '未关联（未用微信登录）'
              : data.wechat.map((w) => `openid ${tail(w.openid)}，${time(w.linkedAt)} 关联`).join('；')
        },
        { label: '党组织', value: data.org === null ? '未加入' : data.org.name }
      ]
    },
    {
      title: `登录设备（${data.devices.length}）`,
      rows: data.devices.map((d) => ({
        label: `${d.name}${d.current ? '（本机）' : ''}`,
        value: `${KIND_NAMES[d.kind]} · ${time(d.createdAt)} 登录${d.revokedAt === null ? '' : ` · ${time(d.revokedAt)} 已退出`}`
      }))
    },
    {
      title: '阅读记录',
      rows: [
        { label: '已读文章', value: `${facts.reads.count} 篇${listed(facts.reads)}` },
        { label: '阅读时段', value: `${facts.sessions.count} 次，共 ${minutes(readingMs)}${listed(facts.sessions)}` },
        { label: '阅读位置', value: `${facts.positions.count} 篇文章${listed(facts.positions)}` },
        { label: '分享', value: `${facts.shares.count} 次${listed(facts.shares)}` },
        { label: '读过的推荐书目', value: `${facts.books.count} 本${listed(facts.books)}` },
        { label: '听过的党课', value: `${facts.lectures.count} 次${listed(facts.lectures)}` },
        { label: '记录的宣讲', value: `${facts.talks.count} 次${listed(facts.talks)}` },
        ...(facts.listens ? [{ label: '收听时段', value: `${facts.listens.count} 次${listed(facts.listens)}` }] : []),
        { label: '同步过的设备', value: `${data.sync.clients.length} 台` },
        {
          label: '收到的同步记录',
          value: `${data.sync.mutations.total} 条${data.sync.mutations.rejected > 0 ? `（其中 ${data.sync.mutations.rejected} 条未采用）` : ''}`
        }
      ]
    },
    {
      title: '答题',
      rows: [
        { label: '作答记录', value: `${facts.answers.count} 条${listed(facts.answers)}` },
        ...data.quiz.map((a) => ({
          label: `竞答 ${a.bankId}`,
          value:
            a.submittedAt === null
              ? `${time(a.startedAt)} 开始，未交卷`
              : `${time(a.submittedAt)} 交卷 · ${a.total ?? 0}/${a.max ?? 0} 分 · 作答 ${a.answers.length} 题`
        }))
      ]
    }
  ]
  return groups
}

/** One key of the device's key-value store and the bytes its value takes. */
export interface LocalEntry {
  key: string
  bytes: number
}

const LOCAL_GROUPS: Array<{ title: string; match: (key: string) => boolean }> = [
  { title: '阅读进度', match: (k) => k === 'progress' },
  { title: '待同步与同步状态', match: (k) => k.startsWith('sync.') },
  { title: '答题（练习、错题本、竞答试卷、题库）', match: (k) => k.startsWith('quiz.') },
  { title: '登录信息', match: (k) => k === 'session' },
  { title: '阅读设置', match: (k) => k === 'settings' },
  { title: '内容目录缓存', match: (k) => k.startsWith('content.') }
]

const LOCAL_NAMES: Record<string, string> = {
  progress: '每篇文章的已读、位置与时长',
  'sync.outbox': '待同步记录',
  'sync.server': '已从账号取回的记录',
  'sync.imported': '已导入标记',
  'quiz.banks': '题库目录',
  'quiz.wrong': '错题本',
  'quiz.practice': '练习进度',
  session: '登录令牌、名字与党组织',
  settings: '字号、关怀模式、夜间模式',
  'content.catalog': '期刊目录'
}

/** A key's name in Chinese: the known ones by name, the per-bank ones by prefix, anything else as it is. */
export function localKeyName(key: string): string {
  if (LOCAL_NAMES[key]) return LOCAL_NAMES[key]
  if (key.startsWith('quiz.bank.')) return `题库 ${key.slice('quiz.bank.'.length)}`
  if (key.startsWith('quiz.contest.')) return `竞答试卷 ${key.slice('quiz.contest.'.length)}`
  return key
}

/** The device's stored keys grouped by purpose, each with its size; downloads (files) are one more group. */
export function localDataGroups(entries: LocalEntry[], downloads: { count: number; bytes: number }): DataGroup[] {
  const groups: Array<{ title: string; entries: LocalEntry[] }> = LOCAL_GROUPS.map((g) => ({
    title: g.title,
    entries: []
  }))
  const other: LocalEntry[] = []
  for (const e of [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const i = LOCAL_GROUPS.findIndex((g) => g.match(e.key))
    if (i < 0) other.push(e)
    else groups[i].entries.push(e)
  }
  const out: DataGroup[] = groups
    .filter((g) => g.entries.length > 0)
    .map((g) => ({
      title: `${g.title} · ${formatBytes(g.entries.reduce((s, e) => s + e.bytes, 0))}`,
      rows: g.entries.map((e) => ({ label: localKeyName(e.key), value: formatBytes(e.bytes) }))
    }))
  if (other.length > 0)
    out.push({ title: '其他', rows: other.map((e) => ({ label: e.key, value: formatBytes(e.bytes) })) })
  out.push({
    title: '离线下载',
    rows: [
      {
        label: '已下载的期刊',
        value: downloads.count > 0 ? `${downloads.count} 期 · ${formatBytes(downloads.bytes)}` : '未下载'
      }
    ]
  })
  return out
}

/** Bytes a string takes as UTF-8 (what the storage quota counts, near enough). */
export { utf8Length as utf8Bytes } from '../issue/hash'
