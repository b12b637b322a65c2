import { describe, expect, it } from 'vitest'
import type { Campaign } from '../api/campaign'
import { addDays, contestWindow, isOpen, phaseWindow, windowLabel, windowState } from './timeline'

const w = { start: '2020-04-01', end: '2020-09-30' }

const campaign = (start: string, end: string, answer: { start?: string; end?: string } = {}): Campaign => ({
  id: 'c',
  name: '活动',
  organizer: '组织者',
  scope: null,
  source: null,
  start,
  end,
  phases: [
    { key: 'read', name: '读', tasks: ['读'], start: null, end: null, bankId: null },
    { key: 'listen', name: '听', tasks: ['听'], start: null, end: null, bankId: null },
    { key: 'talk', name: '讲', tasks: ['讲'], start: null, end: null, bankId: null },
    {
      key: 'answer',
      name: '答',
      tasks: ['答'],
      start: answer.start ?? null,
      end: answer.end ?? null,
      bankId: 'dangshi-100'
    }
  ],
  books: [],
  lectures: []
})

describe('campaign windows', () => {
  it('before the window: days until it opens', () => {
    expect(windowState(w, '2020-03-30')).toEqual({ state: 'before', daysUntil: 2 })
    expect(windowLabel(windowState(w, '2020-03-31'))).toBe('未开始 · 1 天后开始')
  })

  it('during the window: days left, today included, both ends inside', () => {
    expect(windowState(w, '2020-04-01')).toEqual({ state: 'during', daysLeft: 183 })
    expect(windowState(w, '2020-09-30')).toEqual({ state: 'during', daysLeft: 1 })
    expect(windowLabel(windowState(w, '2020-09-21'))).toBe('进行中 · 还剩 10 天')
    expect(isOpen(w, '2020-09-30')).toBe(true)
  })

  it('after the window: ended', () => {
    expect(windowState(w, '2020-10-01')).toEqual({ state: 'after', daysSince: 1 })
    expect(windowLabel(windowState(w, '2026-11-30'))).toBe('已结束')
    expect(isOpen(w, '2020-10-01')).toBe(false)
  })

  it('counts across month ends and leap days', () => {
    expect(windowState({ start: '2024-02-28', end: '2024-03-01' }, '2024-02-28')).toEqual({
      state: 'during',
      daysLeft: 3
    })
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
  })

  it('a phase has its own dates, or the campaign’s', () => {
    const c = campaign('2020-04-01', '2020-09-30', { start: '2020-09-01' })
    expect(phaseWindow(c, c.phases[0])).toEqual(w)
    expect(phaseWindow(c, c.phases[3])).toEqual({ start: '2020-09-01', end: '2020-09-30' })
  })

  it('the contest window of a bank: open now, else next, else the last closed; none when no campaign names it', () => {
    const old = campaign('2020-04-01', '2020-09-30')
    const next = campaign('2027-01-01', '2027-02-01')
    const now = campaign('2026-11-01', '2026-12-31', { start: '2026-11-20' })
    expect(contestWindow([old], 'dangshi-100', '2026-11-30')).toEqual(w)
    expect(contestWindow([old, next], 'dangshi-100', '2026-11-30')).toEqual({ start: '2027-01-01', end: '2027-02-01' })
    expect(contestWindow([old, next, now], 'dangshi-100', '2026-11-30')).toEqual({
      start: '2026-11-20',
      end: '2026-12-31'
    })
    expect(contestWindow([old], 'other-bank', '2026-11-30')).toBeNull()
    expect(contestWindow([], 'dangshi-100', '2026-11-30')).toBeNull()
  })
})
