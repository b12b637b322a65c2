// Totals over the synced facts, for the campaign page: apart from ./derive, which the main package needs (progress
// on the shelf and in 我的), so that these go with the campaign's subpackage on weapp.
import { deriveProgress } from './derive'
import type { Facts } from './facts'

/** Totals for the campaign and 我的: articles read, reading time, shares and answers. */
export function factTotals(facts: Facts, dayOf: (ms: number) => string) {
  const progress = Object.values(deriveProgress(facts, dayOf))
  return {
    articlesRead: progress.filter((p) => p.read).length,
    readingMs: progress.reduce((n, p) => n + p.timeSpentMs, 0),
    shares: Object.keys(facts.shares).length,
    answers: Object.keys(facts.answers).length
  }
}

/**
 * 听 (F6): seconds listened — to articles (their audio or read aloud) and to the lectures of `campaignId` (all
 * lectures when it is not given).
 */
export function listeningSeconds(facts: Facts, campaignId?: string): number {
  let n = 0
  for (const l of Object.values(facts.listens ?? {}))
    if (l.kind === 'article' || campaignId === undefined || l.parentId === campaignId) n += l.seconds
  return n
}
