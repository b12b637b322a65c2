import type { Campaign, CampaignBook, CampaignLecture } from '../api/campaign'
import type { IssueSummary } from '../api/issue'
import type { QuizBankInfo } from '../api/quiz'
import { campaignItemKey, type Facts } from '../sync/facts'
import { factTotals, listeningSeconds } from '../sync/totals'

/** One talk (讲) the member recorded. */
export interface TalkEntry {
  id: string
  title: string
  on: string
}

/** The member's progress in each phase of a campaign, all from synced facts (the same on every device). */
export interface CampaignProgress {
  read: {
    /** Read articles of the published issues (every read when the index is unknown). */
    articlesRead: number
    /** Articles in the published issues; 0 when the index is unknown. */
    articlesTotal: number
    /** Issues whose every article is read. */
    issuesRead: number
    issuesTotal: number
    readingMs: number
    booksRead: number
    /** The campaign's books in its order, each with the member's mark. */
    books: Array<CampaignBook & { read: boolean }>
  }
  listen: {
    /** Seconds listened (F6): articles' audio and read-aloud, and this campaign's lecture recordings. */
    seconds: number
    attended: number
    lectures: Array<CampaignLecture & { attended: boolean }>
  }
  talk: {
    /** Articles shared (any channel). */
    shares: number
    /** Talks given in this campaign, latest first. */
    talks: TalkEntry[]
  }
  answer: {
    bankId: string | null
    /** 'unknown': the bank list is not at hand (offline before it was ever loaded, or not signed in). */
    state: 'unknown' | 'none' | 'started' | 'scored'
    total: number | null
    max: number | null
  }
}

export interface CampaignProgressInput {
  campaign: Campaign
  facts: Facts
  /** The library's index (published issues); empty when not loaded yet. */
  issues: ReadonlyArray<Pick<IssueSummary, 'id' | 'articleCount'>>
  /** The member's bank list (GET /api/quiz/banks), or null when not known. */
  banks: readonly QuizBankInfo[] | null
  dayOf: (ms: number) => string
}

export function campaignProgress({ campaign, facts, issues, banks, dayOf }: CampaignProgressInput): CampaignProgress {
  const totals = factTotals(facts, dayOf)
  const readPerIssue = new Map<string, number>()
  for (const r of Object.values(facts.reads)) readPerIssue.set(r.issueId, (readPerIssue.get(r.issueId) ?? 0) + 1)
  let articlesRead = 0
  let issuesRead = 0
  for (const issue of issues) {
    const n = Math.min(readPerIssue.get(issue.id) ?? 0, issue.articleCount)
    articlesRead += n
    if (issue.articleCount > 0 && n === issue.articleCount) issuesRead++
  }
  if (issues.length === 0) articlesRead = Object.keys(facts.reads).length

  const books = campaign.books.map((b) => ({ ...b, read: campaignItemKey(campaign.id, b.id) in facts.books }))
  const lectures = campaign.lectures.map((l) => ({
    ...l,
    attended: campaignItemKey(campaign.id, l.id) in facts.lectures
  }))
  const talks = Object.entries(facts.talks)
    .filter(([, t]) => t.campaignId === campaign.id)
    .map(([id, t]) => ({ id, title: t.title, on: t.on, at: t.at }))
    .sort((a, b) => b.on.localeCompare(a.on) || b.at - a.at)
    .map(({ id, title, on }) => ({ id, title, on }))

  const bankId = campaign.phases.find((p) => p.key === 'answer')?.bankId ?? null
  let answer: CampaignProgress['answer'] = { bankId, state: 'unknown', total: null, max: null }
  if (bankId !== null && banks !== null) {
    const attempt = banks.find((b) => b.id === bankId)?.attempt ?? null
    if (attempt === null) answer = { bankId, state: 'none', total: null, max: null }
    else if (attempt.total !== null && attempt.max !== null)
      answer = { bankId, state: 'scored', total: attempt.total, max: attempt.max }
    else answer = { bankId, state: 'started', total: null, max: null }
  }

  return {
    read: {
      articlesRead,
      articlesTotal: issues.reduce((n, i) => n + i.articleCount, 0),
      issuesRead,
      issuesTotal: issues.length,
      readingMs: totals.readingMs,
      booksRead: books.filter((b) => b.read).length,
      books
    },
    listen: {
      seconds: listeningSeconds(facts, campaign.id),
      attended: lectures.filter((l) => l.attended).length,
      lectures
    },
    talk: { shares: totals.shares, talks },
    answer
  }
}

/** A share of a whole in [0, 1] for a ring or bar; 0 when there is no whole. */
export const fraction = (part: number, whole: number): number =>
  whole > 0 ? Math.min(1, Math.max(0, part / whole)) : 0
