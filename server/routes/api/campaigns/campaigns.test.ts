// Campaigns on the server: loaded from a folder at start (a bad file refused and logged by field), served at
// GET /api/campaigns, naming the window of the scored quiz, and the only books, lectures and campaigns sync takes.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Value } from '@sinclair/typebox/value'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CampaignsReplySchema, type Campaign } from '../../../../src/domain/api/campaign'
import { QuizBanksReplySchema } from '../../../../src/domain/api/quiz'
import { loadCampaignDir } from '../../../services/campaigns'
import { shippedBanks } from '../../../services/quiz'
import { bearer, signInDevice, tempDir, testEnv, writeCurrentCampaign, type TestEnv } from '../../../test-support'

const dir = tempDir('campaigns-')
const shippedDir = join(dir.path, 'shipped')
const logged: string[] = []
let shipped: TestEnv
let current: TestEnv

beforeAll(async () => {
  // The shipped campaign (2020), a bad file beside it, and a listed book and lecture to mark.
  mkdirSync(shippedDir)
  cpSync('content/campaigns/du-dangshi-2020.json', join(shippedDir, 'du-dangshi-2020.json'))
  writeFileSync(join(shippedDir, 'broken.json'), JSON.stringify({ id: 'broken', name: '坏的', start: '2020/1/1' }))
  const listed = JSON.parse(JSON.stringify(loadCampaignDir(shippedDir).loaded[0])) as Campaign
  listed.id = 'with-lists'
  listed.books = [{ id: 'jianshi', title: '中国共产党简史', author: null }]
  listed.lectures = [{ id: 'l1', speaker: '张老师', topic: '红岩精神', date: '2020-05-01' }]
  writeFileSync(join(shippedDir, 'with-lists.json'), JSON.stringify(listed))
  const stream = { write: (line: string) => void logged.push(line) }
  // Clock in 2026 (testEnv's): the shipped campaign has ended.
  shipped = await testEnv({ quizBanks: shippedBanks(), campaignsDir: shippedDir, logger: { level: 'warn', stream } })
  const currentDir = join(dir.path, 'current')
  writeCurrentCampaign(currentDir, Date.UTC(2026, 0, 1))
  current = await testEnv({ quizBanks: shippedBanks(), campaignsDir: currentDir })
})
afterAll(async () => {
  await shipped?.close()
  await current?.close()
  dir.remove()
})

describe('GET /api/campaigns', () => {
  it('serves the loaded campaigns, publicly, in the shape the client checks; the bad file is left out and logged', async () => {
    const res = await shipped.app.inject({ method: 'GET', url: '/api/campaigns' })
    expect(res.statusCode).toBe(200)
    expect(Value.Check(CampaignsReplySchema, res.json())).toBe(true)
    const campaigns = (res.json() as { campaigns: Campaign[] }).campaigns
    expect(campaigns.map((c) => c.id)).toEqual(['du-dangshi-2020', 'with-lists'])
    expect(campaigns[0]).toMatchObject({ organizer: '市委党史研究室、市委直属机关工委', books: [], lectures: [] })
    const warning = logged.find((l) => l.includes('broken.json'))
    expect(warning).toBeDefined()
    expect(warning).toContain('start: 日期格式应为 YYYY-MM-DD')
    expect(warning).toContain('organizer: 必须填写')
  })

  it('is empty without a campaigns folder', async () => {
    const env = await testEnv({ campaignsDir: join(dir.path, 'missing') })
    try {
      expect((await env.app.inject({ method: 'GET', url: '/api/campaigns' })).json()).toEqual({ campaigns: [] })
    } finally {
      await env.close()
    }
  })
})

describe('the scored quiz and the campaign window', () => {
  it('the shipped 2020 campaign has ended: starting the 百题竞答 is 403 contest_closed, practice still works', async () => {
    const { token } = await signInDevice(shipped.app)
    const banks = await shipped.app.inject({ method: 'GET', url: '/api/quiz/banks', headers: bearer(token) })
    expect(Value.Check(QuizBanksReplySchema, banks.json())).toBe(true)
    expect(banks.json().banks[0].window).toEqual({ start: '2020-04-01', end: '2020-09-30' })
    const res = await shipped.app.inject({
      method: 'POST',
      url: '/api/quiz/attempts',
      headers: bearer(token),
      payload: { bankId: 'dangshi-100' }
    })
    expect(res.statusCode).toBe(403)
    expect(res.json()).toEqual({ error: 'contest_closed', message: '百题竞答不在活动时间内，现在只能练习' })
    const practice = await shipped.app.inject({
      method: 'GET',
      url: '/api/quiz/banks/dangshi-100',
      headers: bearer(token)
    })
    expect(practice.statusCode).toBe(200)
  })

  it('inside the window it starts, and an attempt started then can still be opened after the window', async () => {
    const { token } = await signInDevice(current.app)
    const start = () =>
      current.app.inject({
        method: 'POST',
        url: '/api/quiz/attempts',
        headers: bearer(token),
        payload: { bankId: 'dangshi-100' }
      })
    const first = await start()
    expect(first.statusCode).toBe(200)
    // 40 days on, in steps a member who keeps using the app would take (a session idle 30 days ends).
    for (let day = 0; day < 40; day += 10) {
      current.clock.advance(10 * 86_400_000)
      expect((await current.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).statusCode).toBe(200)
    }
    const later = await start()
    expect(later.statusCode).toBe(200)
    expect(later.json().id).toBe(first.json().id)
    const other = await signInDevice(current.app)
    const closed = await current.app.inject({
      method: 'POST',
      url: '/api/quiz/attempts',
      headers: bearer(other.token),
      payload: { bankId: 'dangshi-100' }
    })
    expect(closed.json().error).toBe('contest_closed')
  })
})

describe('campaign marks through /api/sync/push (SPEC F5, P4)', () => {
  it('takes a listed book, lecture and a talk; refuses an unknown book, lecture or campaign with a reason', async () => {
    const { token } = await signInDevice(shipped.app)
    const m = (id: number, name: string, args: object) => ({ clientId: 'c-1', id, name, args, at: 1 })
    const res = await shipped.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(token),
      payload: {
        mutations: [
          m(1, 'markBookRead', { campaignId: 'with-lists', bookId: 'jianshi', at: 1 }),
          m(2, 'attendLecture', { campaignId: 'with-lists', lectureId: 'l1', at: 1 }),
          m(3, 'recordTalk', { campaignId: 'du-dangshi-2020', talkId: 't1', title: '讲红岩', on: '2020-05-01', at: 1 }),
          m(4, 'markBookRead', { campaignId: 'du-dangshi-2020', bookId: 'invented', at: 1 }),
          m(5, 'attendLecture', { campaignId: 'with-lists', lectureId: 'nope', at: 1 }),
          m(6, 'recordTalk', { campaignId: 'no-such', talkId: 't2', title: '讲', on: '2020-05-01', at: 1 })
        ]
      }
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().applied).toBe(3)
    expect(res.json().rejected).toEqual([
      { clientId: 'c-1', id: 4, reason: 'unknown book du-dangshi-2020/invented' },
      { clientId: 'c-1', id: 5, reason: 'unknown lecture with-lists/nope' },
      { clientId: 'c-1', id: 6, reason: 'unknown campaign no-such' }
    ])
    const pulled = await shipped.app.inject({
      method: 'POST',
      url: '/api/sync/pull',
      headers: bearer(token),
      payload: { cookie: 0 }
    })
    const facts = pulled.json().facts
    expect(Object.keys(facts.books)).toEqual(['with-lists/jianshi'])
    expect(Object.keys(facts.lectures)).toEqual(['with-lists/l1'])
    expect(Object.keys(facts.talks)).toEqual(['t1'])
  })
})
