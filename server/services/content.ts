import { formatProblem, publishIssueText, type PublishedIssue, type PublishResult } from '../../src/domain/publish'
import type { ContentRepo, IssueRecord } from '../db/repos'
import { readIssueDirectory } from './issue-files'
import { sha256 } from './secrets'

/** Why a source file cannot be published, pointing at the offending line as FILE:LINE. */
export class PublishError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly reason: string
  ) {
    super(formatProblem(file, { line, message: reason }))
    this.name = 'PublishError'
  }
}

/** A cached response body with its strong ETag. */
export interface Cached {
  body: string
  etag: string
}

/** The stored row of a published issue. */
export function toRecord(published: PublishedIssue): IssueRecord {
  const { issue, json, hash, summary, sourceHash } = published
  return { id: issue.id, json, hash, summaryJson: JSON.stringify(summary), sourceHash, publishedOn: issue.publishedOn }
}

/** The stored row for a publishing result, or throws PublishError for a refused file. */
export function recordOf(result: PublishResult, file: string): IssueRecord {
  if (!result.ok) throw new PublishError(file, result.problem.line, result.problem.message)
  return toRecord(result.published)
}

/** Parses one issue text into its stored form, or throws PublishError. */
export function prepareIssue(text: string, file: string): IssueRecord {
  return recordOf(publishIssueText(text, file, sha256), file)
}

/** How many issue bodies to keep in memory (about 30 KB each). */
const ISSUE_CACHE_SIZE = 200

/** Publishing and serving of issues; the index and issue bodies are cached until the store's revision moves. */
export class ContentService {
  private indexCache: (Cached & { revision: number }) | null = null
  private readonly issueCache = new Map<string, Cached>()
  private issueCacheRevision = -1

  constructor(
    private readonly repo: ContentRepo,
    private readonly now: () => number
  ) {}

  /** The IssueSummary[] body (newest first) and its ETag; re-read only after a publish. */
  async index(): Promise<Cached> {
    const revision = await this.repo.revision()
    if (this.indexCache?.revision === revision) return this.indexCache
    const body = `[${(await this.repo.listSummaryJson()).join(',')}]`
    this.indexCache = { revision, body, etag: `"${sha256(body)}"` }
    return this.indexCache
  }

  /** One issue's served JSON and ETag, or null. */
  async issue(id: string): Promise<Cached | null> {
    // One tiny query per request instead of reading and decoding the whole body: a publish from any process
    // bumps the revision and empties the cache.
    const revision = await this.repo.revision()
    if (revision !== this.issueCacheRevision) {
      this.issueCache.clear()
      this.issueCacheRevision = revision
    }
    const hit = this.issueCache.get(id)
    if (hit !== undefined) return hit
    const row = await this.repo.getIssue(id)
    if (row === null) return null
    const cached = { body: row.json, etag: `"${row.hash}"` }
    if (this.issueCache.size >= ISSUE_CACHE_SIZE) this.issueCache.delete(this.issueCache.keys().next().value as string)
    // A publish between the revision check and this read would only cache a newer body under an older revision,
    // which the next check throws away.
    this.issueCache.set(id, cached)
    return cached
  }

  /** Parses and publishes one issue text; throws PublishError (and changes nothing) if it does not parse. */
  async publishText(text: string, file: string): Promise<{ id: string; changed: boolean }> {
    const record = prepareIssue(text, file)
    const changed = await this.repo.publish([record], this.now())
    return { id: record.id, changed: changed.length > 0 }
  }

  /**
   * Publishes every *.txt in dir whose served JSON differs from the stored one. Files that do not parse are
   * reported and skipped, keeping whatever version was published before.
   */
  async publishDirectory(dir: string): Promise<{ changed: string[]; failed: PublishError[] }> {
    const failed: PublishError[] = []
    const records: IssueRecord[] = []
    for (const { file, result } of readIssueDirectory(dir)) {
      if (result.ok) records.push(toRecord(result.published))
      else failed.push(new PublishError(file, result.problem.line, result.problem.message))
    }
    const changed = await this.repo.publish(records, this.now())
    return { changed, failed }
  }
}

/** Whether an If-None-Match header value matches a strong ETag (lists, weak forms and * included). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false
  if (ifNoneMatch.trim() === '*') return true
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}
