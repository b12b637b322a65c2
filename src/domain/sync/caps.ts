/** Plausibility limits for synced progress, in one place (SPEC C1, C2). */
export const CAPS = {
  /** C1: reading time counted per article per day. */
  READING_MS_PER_ARTICLE_DAY: 4 * 60 * 60 * 1000,
  /** F6: one listening session counts at most this long (a day of lectures played back to back is not listening). */
  LISTEN_SECONDS_PER_SESSION: 6 * 60 * 60,
  /** Longest accepted id, article key part or answer text. */
  MAX_ID_LENGTH: 200,
  /** Largest batch one push may carry. */
  MAX_BATCH: 200
} as const

/** C2: a time in the future is taken as the server's now. */
export const clampToNow = (at: number, now: number): number => Math.min(at, now)
