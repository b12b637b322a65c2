import { progressKey, type ProgressMap } from '../../domain/progress/progress'
import { CAPS } from '../../domain/sync/caps'
import { articleKey } from '../../domain/sync/facts'
import type { SyncEngine } from './engine'

/** What the article page reports when it saves: the session so far, the position, and whether it counts as read. */
export interface ReadingReport {
  issueId: string
  articleId: string
  /** One id per opening of the article; the session's time grows under it (SPEC F2). */
  sessionId: string
  sessionMs: number
  position: number
  read: boolean
  at: number
}

/** Turns a save of the article page into sync mutations: the session's time, the position, the read mark once. */
export function recordReading(engine: SyncEngine, r: ReadingReport): void {
  const facts = engine.facts()
  if (r.sessionMs > 0) {
    engine.record('readingSession', {
      issueId: r.issueId,
      articleId: r.articleId,
      sessionId: r.sessionId,
      ms: Math.round(r.sessionMs),
      at: r.at
    })
  }
  const pos = Math.min(1, Math.max(0, Number.isFinite(r.position) ? r.position : 0))
  const known = facts.positions[articleKey(r.issueId, r.articleId)]
  if (!known || Math.abs(known.position - pos) > 0.001) {
    engine.record('setPosition', { issueId: r.issueId, articleId: r.articleId, position: pos, hlc: engine.nextHlc() })
  }
  if (r.read && !facts.reads[articleKey(r.issueId, r.articleId)]) {
    engine.record('markRead', { issueId: r.issueId, articleId: r.articleId, at: r.at })
  }
}

/**
 * Progress kept on this device before sync existed becomes mutations once, so that an update loses nothing:
 * each article's time as one session, its position and its read mark.
 */
export function importLocalProgress(engine: SyncEngine, progress: ProgressMap): number {
  let n = 0
  for (const p of Object.values(progress)) {
    if (p.timeSpentMs <= 0 && !p.read && p.position <= 0) continue
    recordReading(engine, {
      issueId: p.issueId,
      articleId: p.articleId,
      sessionId: `local-${progressKey(p.issueId, p.articleId)}`,
      sessionMs: Math.min(p.timeSpentMs, CAPS.READING_MS_PER_ARTICLE_DAY),
      position: p.position,
      read: p.read,
      at: p.readAt ?? p.updatedAt
    })
    n++
  }
  return n
}
