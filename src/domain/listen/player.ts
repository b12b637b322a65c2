/** The rules of the audio player (听) that do not depend on a platform: speeds, where to resume, time listened. */

/** The speeds offered, in the order a tap on the speed button goes through them. */
export const RATES = [0.75, 1, 1.25, 1.5, 2] as const

export const clampRate = (r: number): number => (Number.isFinite(r) ? Math.min(2, Math.max(0.75, r)) : 1)

/** The next speed after `r` (back to the slowest after the fastest). */
export function nextRate(r: number): number {
  const i = RATES.findIndex((x) => x > r + 1e-9)
  return i < 0 ? RATES[0] : RATES[i]
}

/**
 * Where to start an audio file: the saved position, except near the very start (nothing to skip) or at the end
 * (finished: start over).
 */
export function resumeAt(saved: number | null | undefined, duration: number | null | undefined): number {
  if (saved === null || saved === undefined || !Number.isFinite(saved) || saved < 1) return 0
  if (duration && duration > 0 && saved > duration - 2) return 0
  return saved
}

/**
 * Time listened, counted from the player's own ticks: only while playing, and a gap longer than `maxStepMs`
 * (the app suspended, a stall) counts as `maxStepMs`, so a frozen phone does not log an hour.
 */
export interface ListenClock {
  ms: number
  last: number | null
}

export const newClock = (): ListenClock => ({ ms: 0, last: null })

export function tickClock(c: ListenClock, now: number, playing: boolean, maxStepMs = 5000): ListenClock {
  if (!playing) return { ms: c.ms, last: null }
  if (c.last === null || now <= c.last) return { ms: c.ms, last: now }
  return { ms: c.ms + Math.min(now - c.last, maxStepMs), last: now }
}

/** mm:ss (h:mm:ss past an hour) for a time in seconds. */
export function clockLabel(seconds: number): string {
  const s = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0))
  const two = (n: number) => String(n).padStart(2, '0')
  const h = Math.floor(s / 3600)
  return h > 0 ? `${h}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}` : `${Math.floor(s / 60)}:${two(s % 60)}`
}
