// The few local-time formats 我的 shows, without dayjs: it is the only main-package page that used it, and dayjs
// weighed 7 KB of the mini-program's main package (the subpackages that need its calendar keep it).
const pad = (n: number) => String(n).padStart(2, '0')

/** `YYYY-MM-DD` of a moment, in the phone's time zone. */
export function dayOf(ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** The day before a `YYYY-MM-DD` day. */
export function previousDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return dayOf(new Date(y, m - 1, d - 1).getTime())
}

/** `HH:mm` of a moment. */
export function clock(ms: number): string {
  const d = new Date(ms)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** `M月D日 HH:mm` of a moment. */
export function monthDayClock(ms: number): string {
  const d = new Date(ms)
  return `${d.getMonth() + 1}月${d.getDate()}日 ${clock(ms)}`
}

/** Whole calendar days from the day of `at` to the day of `now` (0 today, 1 yesterday). */
export function daysSince(at: number, now: number): number {
  const start = (ms: number) => {
    const d = new Date(ms)
    return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
  }
  return Math.round((start(now) - start(at)) / 86_400_000)
}
