/**
 * Hybrid logical clock (SPEC F3): wall time in ms, a counter for events in the same ms, and the client id as the
 * final tie-break. Encoded as a string whose plain string order is the clock order.
 */
export interface Hlc {
  wall: number
  counter: number
  node: string
}

const WALL_DIGITS = 15
const COUNTER_DIGITS = 6

/** The string form: `000001590000000:000000:client`; compares correctly with `<`. */
export function encodeHlc(c: Hlc): string {
  return `${String(c.wall).padStart(WALL_DIGITS, '0')}:${String(c.counter).padStart(COUNTER_DIGITS, '0')}:${c.node}`
}

/** Parses a clock string; null when it is not one. */
export function decodeHlc(s: string): Hlc | null {
  const m = /^(\d{15}):(\d{6}):(.+)$/.exec(s)
  return m ? { wall: Number(m[1]), counter: Number(m[2]), node: m[3] } : null
}

/** The clock for a new local event at `now`: never behind the last one, even if the wall clock went back. */
export function tickHlc(last: Hlc | null, now: number, node: string): Hlc {
  if (!last || now > last.wall) return { wall: now, counter: 0, node }
  return { wall: last.wall, counter: last.counter + 1, node }
}

/** The local clock after seeing a remote one, so later local events order after everything seen. */
export function receiveHlc(local: Hlc | null, remote: Hlc, now: number, node: string): Hlc {
  const wall = Math.max(now, remote.wall, local?.wall ?? 0)
  let counter = 0
  if (wall === remote.wall && wall === local?.wall) counter = Math.max(remote.counter, local.counter) + 1
  else if (wall === remote.wall) counter = remote.counter + 1
  else if (wall === local?.wall) counter = local.counter + 1
  return { wall, counter, node }
}

/** Compares two encoded clocks: negative, zero or positive. */
export const compareHlc = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
