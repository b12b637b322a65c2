import { basename, extname } from 'node:path'
import { serializeIssue, summarizeIssue, type Issue } from '../../src/domain/issue'
import type { IssueRecord } from '../db/repos'
import { sha256 } from './secrets'

/** Issue ids are file basenames; this keeps them safe in URLs, file names and SQL alike. */
export const ISSUE_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*$'
export const ISSUE_ID_MAX = 100
const ISSUE_ID_RE = new RegExp(ISSUE_ID_PATTERN)

/** Whether a string is an acceptable issue id. */
export function isIssueId(id: string): boolean {
  return id.length <= ISSUE_ID_MAX && ISSUE_ID_RE.test(id)
}

/** The issue id for a source file: its name without directory and extension. */
export function issueIdForFile(file: string): string {
  return basename(file, extname(file))
}

/** The stored form of a parsed issue: served bytes, their hash and the index row. */
export function toRecord(issue: Issue, sourceText: string): IssueRecord {
  // The same serialization and hash as `npm run content`, so the server's ETags equal the bundled index's hashes.
  const json = serializeIssue(issue)
  const hash = sha256(json)
  return {
    id: issue.id,
    json,
    hash,
    summaryJson: JSON.stringify(summarizeIssue(issue, json, hash)),
    sourceHash: sha256(sourceText),
    publishedOn: issue.publishedOn,
  }
}
