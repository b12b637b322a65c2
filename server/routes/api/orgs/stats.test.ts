// @vitest-environment node
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { main as orgCli } from '../../../../scripts/org'
import type { Issue } from '../../../../src/domain/issue/types'
import { createOrg } from '../../../services/members'
import { bearer, SAMPLE_ID, signInDevice, testEnv, type TestEnv } from '../../../test-support'

let env: TestEnv
let articleId: string
beforeAll(async () => {
  env = await testEnv()
  const issue = JSON.parse((await env.app.services.content.issue(SAMPLE_ID))!.body) as Issue
  articleId = issue.sections[0].articles[0].id
})
afterAll(async () => env.close())

const get = (token: string, url: string) => env.app.inject({ url, headers: bearer(token) })
const post = (token: string, url: string, payload: object) =>
  env.app.inject({ method: 'POST', url, headers: bearer(token), payload })

/** A member signed in, named, and in the organization with this join code. */
async function member(name: string, joinCode: string | null) {
  const m = await signInDevice(env.app, name)
  await env.app.inject({ method: 'PATCH', url: '/api/me', headers: bearer(m.token), payload: { displayName: name } })
  if (joinCode !== null) expect((await post(m.token, '/api/orgs/join', { joinCode })).statusCode).toBe(200)
  return m
}

/** npm run org -- admin ORG MEMBER against the test's DATA_DIR; returns the exit code. */
async function cliAdmin(org: string, who: string): Promise<number> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {})
  const err = vi.spyOn(console, 'error').mockImplementation(() => {})
  try {
    return await orgCli(['admin', org, who], { DATA_DIR: env.dataDir })
  } finally {
    log.mockRestore()
    err.mockRestore()
  }
}

const article = {
  issueId: SAMPLE_ID,
  get articleId() {
    return articleId
  }
}
const mutation = (clientId: string, id: number, name: string, args: object) => ({
  clientId,
  id,
  name,
  args: { ...article, articleId, ...args },
  at: 1
})

describe('organization statistics and roles', () => {
  it('keeps figures current as pushes arrive; members see aggregates and their own line only', async () => {
    const org = await createOrg(env.app.services.store.orgs, '统计一支部', env.clock.now())
    const a = await member('甲', org.joinCode)
    const b = await member('乙', org.joinCode)

    // 甲 reads, a session grows from 1 to 3 minutes (counted once, at its largest), and shares: 读 and 讲.
    const pushed = await post(a.token, '/api/sync/push', {
      mutations: [
        mutation('a-1', 1, 'markRead', { at: 1 }),
        mutation('a-1', 2, 'readingSession', { sessionId: 's1', ms: 60_000, at: 1 }),
        mutation('a-1', 3, 'readingSession', { sessionId: 's1', ms: 180_000, at: 1 }),
        mutation('a-1', 4, 'share', { shareId: 'sh1', channel: 'chat', at: 1 })
      ]
    })
    expect(pushed.statusCode).toBe(200)
    // The same session again, shorter: nothing changes.
    await post(a.token, '/api/sync/push', {
      mutations: [mutation('a-1', 5, 'readingSession', { sessionId: 's1', ms: 30_000, at: 1 })]
    })

    const mine = (await get(b.token, '/api/orgs/mine/stats')).json()
    expect(mine.admin).toBe(false)
    expect(mine.org).toMatchObject({
      id: org.id,
      name: '统计一支部',
      members: 2,
      active: { read: 1, listen: 0, speak: 1, answer: 0 },
      quizSubmitted: 0,
      averageScore: null,
      articles: 1,
      readingMs: 180_000,
      averageReadingMs: 90_000,
      completion: 2 / 8
    })
    expect(mine.me).toMatchObject({ memberId: b.memberId, displayName: '乙', articles: 0, completion: 0 })
    const own = (await get(a.token, '/api/orgs/mine/stats')).json().me
    expect(own).toMatchObject({ displayName: '甲', articles: 1, readingMs: 180_000, shares: 1, completion: 0.5 })
    expect(own.phases).toEqual({ read: true, listen: false, speak: true, answer: false })

    // Not an admin: no member lines, no export, no making admins, whatever is tried.
    for (const url of ['/api/orgs/mine/members', '/api/orgs/mine/members?page=1', '/api/orgs/mine/export.xlsx']) {
      const res = await get(b.token, url)
      expect(res.statusCode, url).toBe(403)
      expect(res.json()).toEqual({ error: 'not_org_admin', message: '只有本组织的管理员可以查看成员明细和导出' })
    }
    expect((await post(b.token, '/api/orgs/mine/admins', { memberId: b.memberId })).statusCode).toBe(403)
    // There is no organization id to aim at: extra query parameters are refused, not obeyed.
    expect((await get(b.token, `/api/orgs/mine/members?orgId=${org.id}`)).statusCode).toBe(400)
    expect((await get(b.token, `/api/orgs/${org.id}/members`)).statusCode).toBe(404)
  })

  it('an admin (made with npm run org -- admin) sees and exports their own organization only', async () => {
    const first = await createOrg(env.app.services.store.orgs, '统计二支部', env.clock.now())
    const second = await createOrg(env.app.services.store.orgs, '统计三支部', env.clock.now())
    const admin = await member('张书记', first.joinCode)
    const plain = await member('李四', first.joinCode)
    const other = await member('王五', second.joinCode)
    const otherAdmin = await member('赵六', second.joinCode)
    await post(plain.token, '/api/sync/push', { mutations: [mutation('p-1', 1, 'markRead', { at: 1 })] })

    expect(await cliAdmin(first.joinCode, '王五')).toBe(1) // not in that organization
    expect(await cliAdmin('没有这个组织', '张书记')).toBe(1)
    expect(await cliAdmin(first.joinCode, '张书记')).toBe(0)
    expect(await cliAdmin('统计三支部', otherAdmin.memberId)).toBe(0)

    const stats = (await get(admin.token, '/api/orgs/mine/stats')).json()
    expect(stats.admin).toBe(true)
    const lines = (await get(admin.token, '/api/orgs/mine/members?page=1&pageSize=10')).json()
    expect(lines).toMatchObject({ page: 1, pageSize: 10, total: 2 })
    expect(lines.members.map((l: { displayName: string }) => l.displayName)).toEqual(['李四', '张书记'])

    const file = await get(admin.token, '/api/orgs/mine/export.xlsx')
    expect(file.statusCode).toBe(200)
    expect(file.headers['content-type']).toContain('spreadsheetml')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer)
    const rows = (book.worksheets[0].getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1))
    expect(rows[0]).toEqual(['姓名', '加入时间', '已读文章', '阅读时长(分钟)', '竞答成绩', '最近活跃'])
    expect(rows.slice(1).map((r) => [r[0], r[2]])).toEqual([
      ['李四', 1],
      ['张书记', 0]
    ])
    expect(rows.flat().join()).not.toContain('王五')

    // The other organization's admin sees their own members, never the first organization's.
    const theirs = (await get(otherAdmin.token, '/api/orgs/mine/members')).json()
    expect(theirs.members.map((l: { displayName: string }) => l.displayName).sort()).toEqual(['王五', '赵六'].sort())
    // An admin can make a member of their own organization admin, not one of another organization.
    expect((await post(admin.token, '/api/orgs/mine/admins', { memberId: other.memberId })).statusCode).toBe(404)
    expect((await get(other.token, '/api/orgs/mine/members')).statusCode).toBe(403)
    expect((await post(admin.token, '/api/orgs/mine/admins', { memberId: plain.memberId })).json()).toEqual({
      ok: true
    })
    expect((await get(plain.token, '/api/orgs/mine/members')).statusCode).toBe(200)

    // Moving to another organization takes the member's figures along and ends the admin role they had.
    expect((await post(plain.token, '/api/orgs/join', { joinCode: second.joinCode })).statusCode).toBe(200)
    const moved = (await get(plain.token, '/api/orgs/mine/stats')).json()
    expect(moved).toMatchObject({ admin: false, org: { id: second.id, members: 3, articles: 1 } })
    expect((await get(admin.token, '/api/orgs/mine/stats')).json().org).toMatchObject({ members: 1, articles: 0 })
    expect((await get(plain.token, '/api/orgs/mine/members')).statusCode).toBe(403)
    // Leaving (the service call behind POST /api/orgs/leave) takes them out of every figure.
    await env.app.services.members.leaveOrg(plain.memberId)
    expect((await get(other.token, '/api/orgs/mine/stats')).json().org).toMatchObject({ members: 2, articles: 0 })
    expect((await get(plain.token, '/api/orgs/mine/stats')).statusCode).toBe(409)
  })

  it('ranks organizations by completion, paged, with the caller’s own; not in an organization is a clear 409', async () => {
    const loner = await member('孤雁', null)
    const res = await get(loner.token, '/api/orgs/mine/stats')
    expect(res.statusCode).toBe(409)
    expect(res.json()).toEqual({
      error: 'not_in_org',
      message: '你还没有加入党组织，请先在「我的 → 账号与设备」中用加入码加入'
    })
    expect((await get(loner.token, '/api/orgs/mine/export.xlsx')).statusCode).toBe(409)

    const all = (await get(loner.token, '/api/orgs/ranking?pageSize=100')).json()
    expect(all.mine).toBeNull()
    expect(all.total).toBe(all.orgs.length)
    const order = all.orgs.map((o: { completion: number; members: number }) => [o.completion, o.members])
    for (let i = 1; i < order.length; i++) {
      expect(order[i - 1][0] > order[i][0] || (order[i - 1][0] === order[i][0] && order[i - 1][1] >= order[i][1])).toBe(
        true
      )
    }
    const second = (await get(loner.token, '/api/orgs/ranking?page=2&pageSize=1')).json()
    expect(second.orgs).toEqual([all.orgs[1]])
    expect(second.orgs[0].rank).toBe(2)

    const org = await createOrg(env.app.services.store.orgs, '统计四支部', env.clock.now())
    const joined = await member('新人', org.joinCode)
    const withMine = (await get(joined.token, '/api/orgs/ranking?pageSize=1')).json()
    expect(withMine.mine).toMatchObject({ id: org.id, members: 1, completion: 0 })
    const full = (await get(joined.token, '/api/orgs/ranking?pageSize=100')).json()
    expect(full.orgs.findIndex((o: { id: string }) => o.id === org.id) + 1).toBe(withMine.mine.rank)

    for (const q of ['page=0', 'pageSize=101', 'pageSize=x', 'page=1&page=2', 'extra=1']) {
      expect((await get(joined.token, `/api/orgs/ranking?${q}`)).statusCode, q).toBe(400)
    }
    expect((await env.app.inject({ url: '/api/orgs/ranking' })).statusCode).toBe(401)
  })
})

describe('an admin rotates the join code in the app', () => {
  it('the old code stops at once, the new one joins until it expires; a plain member is refused', async () => {
    const org = await createOrg(env.app.services.store.orgs, '换码党支部', env.clock.now())
    const admin = await member('管理员', org.joinCode)
    const plain = await member('党员', org.joinCode)
    expect(await cliAdmin(org.joinCode, '管理员')).toBe(0)

    const refused = await post(plain.token, '/api/orgs/mine/join-code', { expiresInDays: null })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error).toBe('not_org_admin')
    expect((await post(admin.token, '/api/orgs/mine/join-code', { expiresInDays: 0 })).statusCode).toBe(400)

    const rotated = await post(admin.token, '/api/orgs/mine/join-code', { expiresInDays: 7 })
    expect(rotated.statusCode).toBe(200)
    const { joinCode, expiresAt } = rotated.json() as { joinCode: string; expiresAt: number }
    expect(joinCode).not.toBe(org.joinCode)
    expect(expiresAt).toBe(env.clock.now() + 7 * 86_400_000)

    const late = await signInDevice(env.app, '后来者')
    expect((await post(late.token, '/api/orgs/join', { joinCode: org.joinCode })).statusCode).toBe(404)
    expect((await post(late.token, '/api/orgs/join', { joinCode })).statusCode).toBe(200)
    env.clock.advance(8 * 86_400_000)
    const later = await signInDevice(env.app, '过期后')
    expect((await post(later.token, '/api/orgs/join', { joinCode })).statusCode).toBe(404)
  })
})
