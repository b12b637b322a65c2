import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseCampaign, validateCampaign } from './validate'

const shipped = JSON.parse(readFileSync('content/campaigns/du-dangshi-2020.json', 'utf8')) as Record<string, unknown>
const copy = (): Record<string, any> => JSON.parse(JSON.stringify(shipped))

const errorsOf = (input: unknown): string[] => {
  const r = validateCampaign(input)
  if (r.ok) throw new Error('expected the definition to be refused')
  return r.errors
}

describe('campaign definitions', () => {
  it('accepts the shipped campaign with only what the issue says: no invented books or lectures', () => {
    const r = validateCampaign(shipped)
    if (!r.ok) throw new Error(r.errors.join('\n'))
    expect(r.campaign.name).toBe('读党史、守初心、担使命')
    expect(r.campaign.organizer).toBe('市委党史研究室、市委直属机关工委')
    expect([r.campaign.start, r.campaign.end]).toEqual(['2020-04-01', '2020-09-30'])
    expect(r.campaign.phases.map((p) => p.name)).toEqual(['读', '听', '讲', '答'])
    expect(r.campaign.phases.every((p) => p.tasks.length > 0)).toBe(true)
    expect(r.campaign.phases[3].bankId).toBe('dangshi-100')
    expect(r.campaign.books).toEqual([])
    expect(r.campaign.lectures).toEqual([])
  })

  it('fills optional fields with null and empty lists', () => {
    const c = copy()
    delete c.books
    delete c.lectures
    delete c.scope
    delete c.source
    const r = validateCampaign(c)
    if (!r.ok) throw new Error(r.errors.join('\n'))
    expect(r.campaign).toMatchObject({ books: [], lectures: [], scope: null, source: null })
    expect(r.campaign.phases[0]).toMatchObject({ start: null, end: null, bankId: null })
  })

  it('names the field of each problem, in Chinese', () => {
    const c = copy()
    c.phases[2].start = '2020/05/01'
    c.organizer = ''
    c.books = [
      { id: 'b1', title: '书' },
      { id: 'b1', title: '' }
    ]
    c.lectures = [{ id: 'l1', speaker: '张老师', topic: '长征', date: '2020-02-30' }]
    c.colour = 'red'
    expect(errorsOf(c)).toEqual(
      expect.arrayContaining([
        'phases[2].start: 日期格式应为 YYYY-MM-DD',
        'organizer: 不能为空',
        'books[1].id: 与 books[0].id 重复',
        'books[1].title: 不能为空',
        'lectures[0].date: 日期格式应为 YYYY-MM-DD',
        'colour: 不认识的字段'
      ])
    )
  })

  it('refuses phases out of order, missing, outside the window, or a bank on the wrong phase', () => {
    const c = copy()
    c.phases = c.phases.slice(0, 3)
    expect(errorsOf(c)).toEqual(['phases: 应为“读”“听”“讲”“答”四个环节的列表'])
    const d = copy()
    ;[d.phases[0], d.phases[1]] = [d.phases[1], d.phases[0]]
    d.phases[2].bankId = 'x'
    d.phases[3].end = '2020-10-01'
    d.phases[3].tasks = []
    expect(errorsOf(d)).toEqual(
      expect.arrayContaining([
        'phases[0].key: 应为 "read"（第 1 个环节是“读”）',
        'phases[2].bankId: 只有“答”环节可以指定题库',
        'phases[3].end: 应在活动时间 2020-04-01 至 2020-09-30 之内',
        'phases[3].tasks: 应为至少一项任务的列表'
      ])
    )
  })

  it('refuses an end before the start, a bad id and a file that is not JSON', () => {
    const c = copy()
    c.end = '2020-03-01'
    c.id = 'Bad Id'
    expect(errorsOf(c)).toEqual([
      'id: 应为小写字母、数字和连字符（不超过 64 个）',
      'end: 结束日期不能早于开始日期 2020-04-01'
    ])
    const r = parseCampaign('{"id": ')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors[0]).toMatch(/^\(根\): 不是有效的 JSON/)
    expect(errorsOf([])).toEqual(['(根): 应为 JSON 对象 {…}'])
  })
})
