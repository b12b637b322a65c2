import { HttpError } from '../errors'

/** Failed join-code guesses one member may make in a window before being locked out. */
export const JOIN_FAILURES_PER_MEMBER = 5
/** Failed guesses one IP address may make in a window (higher: a branch may share an office NAT). */
export const JOIN_FAILURES_PER_IP = 20
/** The window failures are counted in, and how long a lockout lasts. */
export const JOIN_WINDOW_MS = 15 * 60 * 1000
export const JOIN_LOCKOUT_MS = 15 * 60 * 1000

interface Counter {
  failures: number
  windowStart: number
  lockedUntil: number
}

/**
 * Counts wrong join codes per member and per IP and locks either out for a while after too many: with 31^8 codes,
 * 5 guesses per member and 20 per IP every half hour make guessing one of even thousands of organizations hopeless.
 * In memory (one server process); a restart forgets the counts, which costs an attacker a restart per lockout.
 */
export class JoinGuard {
  private readonly counters = new Map<string, Counter>()

  constructor(private readonly now: () => number) {}

  /** Throws 429 join_code_locked (with Retry-After) while the member or the IP is locked out. */
  check(memberId: string, ip: string): void {
    const at = this.now()
    const until = Math.max(this.lockedUntil(`m:${memberId}`, at), this.lockedUntil(`ip:${ip}`, at))
    if (until > at) {
      const seconds = Math.ceil((until - at) / 1000)
      throw new HttpError(429, 'join_code_locked', `加入码错误次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`, {
        'retry-after': String(seconds)
      })
    }
  }

  /** Records a wrong code for both keys. */
  fail(memberId: string, ip: string): void {
    const at = this.now()
    this.count(`m:${memberId}`, JOIN_FAILURES_PER_MEMBER, at)
    this.count(`ip:${ip}`, JOIN_FAILURES_PER_IP, at)
    if (this.counters.size > 50_000) this.sweep(at)
  }

  /** A right code clears the member's count (the IP's stays: one success must not launder a guessing run). */
  succeed(memberId: string): void {
    this.counters.delete(`m:${memberId}`)
  }

  private lockedUntil(key: string, at: number): number {
    const c = this.counters.get(key)
    return c === undefined || c.lockedUntil <= at ? 0 : c.lockedUntil
  }

  private count(key: string, max: number, at: number): void {
    let c = this.counters.get(key)
    if (c === undefined || at - c.windowStart >= JOIN_WINDOW_MS) {
      c = { failures: 0, windowStart: at, lockedUntil: c?.lockedUntil ?? 0 }
      this.counters.set(key, c)
    }
    c.failures++
    if (c.failures >= max) {
      c.lockedUntil = at + JOIN_LOCKOUT_MS
      c.failures = 0
      c.windowStart = at
    }
  }

  /** Drops counters whose window and lockout are both over, so memory stays bounded under a spray of IPs. */
  private sweep(at: number): void {
    for (const [key, c] of this.counters) {
      if (at - c.windowStart >= JOIN_WINDOW_MS && c.lockedUntil <= at) this.counters.delete(key)
    }
  }
}
