/**
 * Reading progress per article. A record only moves forward where it matters to the reader: once read it stays
 * read, time spent only grows; the position is the latest one. Merge is pure and order-independent so two devices
 * (and the later sync) can never lose a read mark.
 */
import type { ArticleProgress } from '../api/persisted'

export type { ArticleProgress }

export type ProgressMap = Record<string, ArticleProgress>

/** The key of an article in a ProgressMap. */
export const progressKey = (issueId: string, articleId: string): string => `${issueId}/${articleId}`

export function emptyProgress(issueId: string, articleId: string): ArticleProgress {
  return { issueId, articleId, position: 0, positionAt: 0, read: false, readAt: null, timeSpentMs: 0, updatedAt: 0 }
}

/** Chinese reading speed used to decide that an article has had enough time to be read (chars per minute). */
export const READING_SPEED_CPM = 500
/** Time that counts as "read" for an article of this length: half the time it takes at reading speed, 8 s at least. */
export function minimumReadingMs(charCount: number): number {
  return Math.max(8000, Math.round((charCount / READING_SPEED_CPM) * 60000 * 0.5))
}

/** Whether an article was actually read: scrolled to its end, or time spent fits its length. */
export function isRead(input: { scrolledToEnd: boolean; timeSpentMs: number; charCount: number }): boolean {
  return input.scrolledToEnd || input.timeSpentMs >= minimumReadingMs(input.charCount)
}

const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0)

/** Records a reading session: new position, time spent, and whether it counted as read. */
export function recordReading(
  prev: ArticleProgress,
  input: { position: number; addedMs: number; markRead: boolean; now: number }
): ArticleProgress {
  const read = prev.read || input.markRead
  return {
    ...prev,
    position: clamp01(input.position),
    positionAt: input.now,
    read,
    readAt: prev.readAt ?? (input.markRead ? input.now : null),
    timeSpentMs: prev.timeSpentMs + Math.max(0, Math.round(Number.isFinite(input.addedMs) ? input.addedMs : 0)),
    updatedAt: input.now
  }
}

/** Merges two records of the same article: read wins, earliest readAt, most time, latest position (ties by value). */
export function mergeArticleProgress(a: ArticleProgress, b: ArticleProgress): ArticleProgress {
  const later = a.positionAt !== b.positionAt ? (a.positionAt > b.positionAt ? a : b) : a.position >= b.position ? a : b
  const readAts = [a.readAt, b.readAt].filter((t): t is number => t !== null)
  return {
    issueId: a.issueId,
    articleId: a.articleId,
    position: later.position,
    positionAt: later.positionAt,
    read: a.read || b.read,
    readAt: readAts.length ? Math.min(...readAts) : null,
    timeSpentMs: Math.max(a.timeSpentMs, b.timeSpentMs),
    updatedAt: Math.max(a.updatedAt, b.updatedAt)
  }
}

/** Merges two progress maps key by key (commutative, associative, idempotent). */
export function mergeProgress(a: ProgressMap, b: ProgressMap): ProgressMap {
  const out: ProgressMap = { ...a }
  for (const [key, value] of Object.entries(b)) out[key] = out[key] ? mergeArticleProgress(out[key], value) : value
  return out
}

/** Counts read articles of one issue. */
export function readCount(map: ProgressMap, issueId: string): number {
  let n = 0
  for (const p of Object.values(map)) if (p.issueId === issueId && p.read) n++
  return n
}

/** Reading statistics for 我的: articles read, total time, and the current streak of days with reading. */
export function readingStats(
  map: ProgressMap,
  today: string,
  dayOf: (ms: number) => string,
  previousDay: (day: string) => string
): { articlesRead: number; timeSpentMs: number; streakDays: number } {
  let articlesRead = 0
  let timeSpentMs = 0
  const days = new Set<string>()
  for (const p of Object.values(map)) {
    if (p.read) articlesRead++
    timeSpentMs += p.timeSpentMs
    if (p.readAt !== null) days.add(dayOf(p.readAt))
    if (p.positionAt > 0 && p.timeSpentMs > 0) days.add(dayOf(p.positionAt))
  }
  let streakDays = 0
  let day = days.has(today) ? today : previousDay(today)
  while (days.has(day)) {
    streakDays++
    day = previousDay(day)
  }
  return { articlesRead, timeSpentMs, streakDays }
}
