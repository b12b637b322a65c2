import { describe, expect, it } from 'vitest'
import type { MyDataReply } from '../api/privacy'
import { localDataGroups, localKeyName, serverDataGroups, utf8Bytes } from './summary'

const data: MyDataReply = {
  generatedAt: 9,
  member: { id: 'm', displayName: '小王', createdAt: 1 },
  wechat: [{ openid: 'oABCDEFG1234', unionid: null, linkedAt: 1 }],
  org: { id: 'o', name: '第一党支部' },
  devices: [
    { id: 'd1', name: 'iPhone', kind: 'wechat', createdAt: 1, revokedAt: 5, current: false },
    { id: 'd2', name: 'Android', kind: 'paired', createdAt: 2, revokedAt: null, current: true }
  ],
  sync: {
    clients: [{ clientId: 'c', lastMutationId: 3, updatedAt: 2 }],
    mutations: { total: 7, rejected: 1 },
    facts: {
      reads: { count: 3, items: [{ issueId: 'i', articleId: 'a', readAt: 1 }] },
      sessions: {
        count: 2,
        items: [
          { issueId: 'i', articleId: 'a', ms: 30 * 60000, at: 1 },
          { issueId: 'i', articleId: 'b', ms: 45 * 60000, at: 2 }
        ]
      },
      positions: { count: 0, items: [] },
      shares: { count: 0, items: [] },
      answers: { count: 1, items: [{ bankId: 'b', questionId: 'q', answer: ['A'], at: 1 }] },
      books: { count: 1, items: [{ campaignId: 'c', bookId: 'b1', at: 1 }] },
      lectures: { count: 0, items: [] },
      talks: { count: 1, items: [{ campaignId: 'c', title: '讲党史', on: '2020-05-04', at: 1 }] }
    }
  },
  quiz: [
    { id: 'a1', bankId: 'dangshi-100', startedAt: 1, deadline: 2, submittedAt: 2, total: 80, max: 100, answers: [] },
    { id: 'a2', bankId: 'other', startedAt: 3, deadline: 4, submittedAt: null, total: null, max: null, answers: [] }
  ]
}

const time = (ms: number) => `T${ms}`
const values = (groups: ReturnType<typeof serverDataGroups>) =>
  Object.fromEntries(groups.map((g) => [g.title, g.rows.map((r) => `${r.label}: ${r.value}`)]))

describe('serverDataGroups', () => {
  it('groups what the server holds in readable Chinese rows, with counts', () => {
    expect(values(serverDataGroups(data, time))).toEqual({
      账号: ['名字: 小王', '账号创建于: T1', '微信身份: openid 尾号 1234，T1 关联', '党组织: 第一党支部'],
      '登录设备（2）': ['iPhone: 微信登录 · T1 登录 · T5 已退出', 'Android（本机）: 配对登录 · T2 登录'],
      阅读记录: [
        '已读文章: 3 篇（仅列出 1 条）',
        '阅读时段: 2 次，共 1 小时 15 分钟',
        '阅读位置: 0 篇文章',
        '分享: 0 次',
        '读过的推荐书目: 1 本',
        '听过的党课: 0 次',
        '记录的宣讲: 1 次',
        '同步过的设备: 1 台',
        '收到的同步记录: 7 条（其中 1 条未采用）'
      ],
      答题: ['作答记录: 1 条', '竞答 dangshi-100: T2 交卷 · 80/100 分 · 作答 0 题', '竞答 other: T3 开始，未交卷']
    })
  })

  it('says so when there is no WeChat identity and no organization', () => {
    const rows = serverDataGroups({ ...data, wechat: [], org: null }, time)[0].rows
    expect(rows.map((r) => r.value)).toEqual(['小王', 'T1', '未关联（未用微信登录）', '未加入'])
  })
})

describe('localDataGroups', () => {
  it('groups the stored keys by purpose with their sizes, unknown keys last, then downloads', () => {
    const groups = localDataGroups(
      [
        { key: 'sync.outbox', bytes: 2048 },
        { key: 'progress', bytes: 1000 },
        { key: 'quiz.bank.dangshi-100', bytes: 50_000 },
        { key: 'quiz.wrong', bytes: 100 },
        { key: 'session', bytes: 300 },
        { key: 'mystery', bytes: 1 }
      ],
      { count: 2, bytes: 3 * 1024 * 1024 }
    )
    expect(groups.map((g) => g.title)).toEqual([
      '阅读进度 · 1 KB',
      '待同步与同步状态 · 2 KB',
      '答题（练习、错题本、竞答试卷、题库） · 49 KB',
      '登录信息 · 1 KB',
      '其他',
      '离线下载'
    ])
    expect(groups[2].rows).toEqual([
      { label: '题库 dangshi-100', value: '49 KB' },
      { label: '错题本', value: '1 KB' }
    ])
    expect(groups[4].rows).toEqual([{ label: 'mystery', value: '1 KB' }])
    expect(groups[5].rows).toEqual([{ label: '已下载的期刊', value: '2 期 · 3 MB' }])
  })

  it('shows 未下载 without downloads, and names per-bank keys', () => {
    expect(localDataGroups([], { count: 0, bytes: 0 })).toEqual([
      { title: '离线下载', rows: [{ label: '已下载的期刊', value: '未下载' }] }
    ])
    expect(localKeyName('quiz.contest.dangshi-100')).toBe('竞答试卷 dangshi-100')
  })
})

describe('utf8Bytes', () => {
  it('counts ASCII, CJK and astral characters as UTF-8 does', () => {
    expect(utf8Bytes('ab')).toBe(2)
    expect(utf8Bytes('党史')).toBe(6)
    expect(utf8Bytes('🇨🇳')).toBe(8)
    expect(utf8Bytes('é')).toBe(2)
  })
})
