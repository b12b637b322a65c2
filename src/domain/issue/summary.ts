import { utf8Length } from './hash'
import type { Issue, IssueSummary } from './types'

/** The Issue as stored and served (compact JSON); hash and size in the summary are of exactly this text. */
export function serializeIssue(issue: Issue): string {
  return JSON.stringify(issue)
}

/** The content-index row for an issue whose serialized JSON is `json` and whose content hash is `hash`. */
export function summarizeIssue(issue: Issue, json: string, hash: string): IssueSummary {
  return {
    id: issue.id,
    title: issue.title,
    number: issue.number,
    totalNumber: issue.totalNumber,
    publishedOn: issue.publishedOn,
    editor: issue.editor,
    supplement: issue.supplement,
    sectionTitles: issue.sections.map((s) => s.title),
    articleCount: issue.sections.reduce((n, s) => n + s.articles.length, 0),
    size: utf8Length(json),
    hash
  }
}

/** Orders index rows newest first (publishedOn descending), then by id so the order never depends on input order. */
export function compareSummaries(a: IssueSummary, b: IssueSummary): number {
  if (a.publishedOn !== b.publishedOn) return a.publishedOn < b.publishedOn ? 1 : -1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
