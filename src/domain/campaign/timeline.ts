import dayjs from 'dayjs'
import type { Campaign, CampaignPhase } from '../api/campaign'

/** A window of whole days, both ends included (YYYY-MM-DD). */
export interface DayWindow {
  start: string
  end: string
}

/** Where `today` stands against a window: days until it opens, days left in it (today included), or past. */
export type WindowState =
  { state: 'before'; daysUntil: number } | { state: 'during'; daysLeft: number } | { state: 'after'; daysSince: number }

const days = (from: string, to: string): number => dayjs(to).diff(dayjs(from), 'day')

/** `today` is the member's calendar day in China (chinaDay(now)): the window is the organizer's, in China. */
export function windowState(w: DayWindow, today: string): WindowState {
  if (today < w.start) return { state: 'before', daysUntil: days(today, w.start) }
  if (today > w.end) return { state: 'after', daysSince: days(w.end, today) }
  return { state: 'during', daysLeft: days(today, w.end) + 1 }
}

/** The line the app shows for a window state. */
export function windowLabel(s: WindowState): string {
  switch (s.state) {
    case 'before':
      return `未开始 · ${s.daysUntil} 天后开始`
    case 'during':
      return `进行中 · 还剩 ${s.daysLeft} 天`
    case 'after':
      return '已结束'
  }
}

/** A phase's own dates, or the campaign's where the phase has none. */
export function phaseWindow(campaign: Pick<Campaign, 'start' | 'end'>, phase: CampaignPhase): DayWindow {
  return { start: phase.start ?? campaign.start, end: phase.end ?? campaign.end }
}

/** Whether `today` is inside the window. */
export const isOpen = (w: DayWindow, today: string): boolean => today >= w.start && today <= w.end

/**
 * The window in which a bank's scored quiz is open, from the 答 phases naming it: the one open today, else the
 * next to open, else the last to have closed. Null when no campaign names the bank (then it is always open).
 */
export function contestWindow(campaigns: readonly Campaign[], bankId: string, today: string): DayWindow | null {
  const windows = campaigns.flatMap((c) =>
    c.phases.filter((p) => p.key === 'answer' && p.bankId === bankId).map((p) => phaseWindow(c, p))
  )
  if (windows.length === 0) return null
  const open = windows.find((w) => isOpen(w, today))
  if (open) return open
  const next = windows.filter((w) => w.start > today).sort((a, b) => a.start.localeCompare(b.start))[0]
  if (next) return next
  return windows.sort((a, b) => b.end.localeCompare(a.end))[0]
}

/** The date `n` days after (or before, for negative n) a YYYY-MM-DD date. */
export const addDays = (day: string, n: number): string => dayjs(day).add(n, 'day').format('YYYY-MM-DD')
