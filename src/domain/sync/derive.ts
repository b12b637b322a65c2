import { emptyProgress, progressKey, type ProgressMap } from '../progress/progress'
import { CAPS } from './caps'
import type { Facts } from './facts'
import { decodeHlc } from './hlc'

/** The calendar day of a time in China (UTC+8), the day the caps count by on every device and the server. */
export const chinaDay = (ms: number): string => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10)

/**
 * The reader's progress per article, derived from facts: read mark (F1), reading time as the sum of sessions with
 * each article's day capped (F2, C1), and the latest position (F3). `dayOf` maps a time to its calendar day.
 */
export function deriveProgress(facts: Facts, dayOf: (ms: number) => string): ProgressMap {
  const out: ProgressMap = {}
  const entry = (issueId: string, articleId: string) => {
    const key = progressKey(issueId, articleId)
    return (out[key] ??= emptyProgress(issueId, articleId))
  }
  for (const r of Object.values(facts.reads)) {
    const p = entry(r.issueId, r.articleId)
    p.read = true
    p.readAt = r.readAt
    p.updatedAt = Math.max(p.updatedAt, r.readAt)
  }
  const perDay = new Map<string, number>()
  for (const s of Object.values(facts.sessions)) {
    const key = `${progressKey(s.issueId, s.articleId)}@${dayOf(s.at)}`
    perDay.set(key, (perDay.get(key) ?? 0) + s.ms)
    const p = entry(s.issueId, s.articleId)
    p.updatedAt = Math.max(p.updatedAt, s.at)
  }
  for (const [key, ms] of perDay) {
    const p = out[key.slice(0, key.lastIndexOf('@'))]
    p.timeSpentMs += Math.min(ms, CAPS.READING_MS_PER_ARTICLE_DAY)
  }
  for (const pos of Object.values(facts.positions)) {
    const p = entry(pos.issueId, pos.articleId)
    const wall = decodeHlc(pos.hlc)?.wall ?? 0
    p.position = pos.position
    p.positionAt = wall
    p.updatedAt = Math.max(p.updatedAt, wall)
  }
  return out
}
