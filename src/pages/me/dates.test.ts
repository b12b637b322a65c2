import dayjs from 'dayjs'
import { describe, expect, it } from 'vitest'
import { clock, dayOf, daysSince, monthDayClock, previousDay } from './dates'

// The same strings dayjs gave 我的 before, over moments across months, years and a leap day.
const moments = [
  Date.UTC(2020, 1, 29, 3, 4),
  Date.UTC(2021, 0, 1, 0, 0),
  Date.UTC(2024, 11, 31, 23, 59),
  Date.UTC(2026, 10, 30, 15, 30),
  Date.UTC(2026, 2, 1, 16, 1)
]

describe('我的 dates', () => {
  it('formats as dayjs did', () => {
    for (const ms of moments) {
      expect(dayOf(ms)).toBe(dayjs(ms).format('YYYY-MM-DD'))
      expect(clock(ms)).toBe(dayjs(ms).format('HH:mm'))
      expect(monthDayClock(ms)).toBe(dayjs(ms).format('M月D日 HH:mm'))
      const day = dayOf(ms)
      expect(previousDay(day)).toBe(dayjs(day).subtract(1, 'day').format('YYYY-MM-DD'))
    }
  })

  it('counts calendar days, not 24-hour spans', () => {
    for (const at of moments)
      for (const now of moments)
        if (now >= at) expect(daysSince(at, now)).toBe(dayjs(now).startOf('day').diff(dayjs(at).startOf('day'), 'day'))
    const late = new Date(2026, 10, 29, 23, 50).getTime()
    expect(daysSince(late, new Date(2026, 10, 30, 0, 10).getTime())).toBe(1)
  })
})
