import type { SearchReply } from '../../src/domain/api/search'
import type { Issue } from '../../src/domain/issue/types'
import {
  articleTokens,
  buildSegment,
  byIssue,
  confirmParagraph,
  ftsQuery,
  hitOf,
  parseSearchQuery,
  prepareIssue,
  queryProblemText,
  type Candidate,
  type IssueSegment,
  type PreparedIssue
} from '../../src/domain/search'
import type { ContentRepo, SearchRepo } from '../db/repos'
import { HttpError } from '../errors'

/** At most this many articles are taken from the full-text index per query (then confirmed and ranked). */
const MATCH_MAX = 5000
/** Issues kept parsed and normalized for confirming and snippets. */
const CACHE_MAX = 200

/**
 * 搜索 over every published issue: the FTS5 index (kept in step with the issues table: any issue whose hash it does
 * not hold is indexed again before a query) finds the articles, the device's own code confirms, ranks and cuts
 * snippets, so the server and the app answer a query alike.
 */
export class SearchService {
  private syncedRevision = -1
  private readonly cache = new Map<string, { hash: string; segment: IssueSegment; prepared: PreparedIssue }>()

  constructor(
    private readonly content: ContentRepo,
    private readonly repo: SearchRepo
  ) {}

  /** Indexes every issue the index lacks or holds an older revision of; cheap when nothing was published. */
  async sync(): Promise<string[]> {
    const revision = await this.content.revision()
    if (revision === this.syncedRevision) return []
    const [issues, indexed] = await Promise.all([this.content.listHashes(), this.repo.indexed()])
    const changed: string[] = []
    for (const [id, { hash }] of issues) {
      if (indexed.get(id) === hash) continue
      const row = await this.content.getIssue(id)
      if (!row) continue
      await this.repo.replace(id, row.hash, articleTokens(JSON.parse(row.json) as Issue))
      changed.push(id)
    }
    for (const id of indexed.keys()) if (!issues.has(id)) await this.repo.remove(id)
    this.syncedRevision = revision
    return changed
  }

  private async issue(id: string): Promise<{ segment: IssueSegment; prepared: PreparedIssue } | null> {
    const row = await this.content.getIssue(id)
    if (!row) return null
    const hit = this.cache.get(id)
    if (hit?.hash === row.hash) return hit
    const issue = JSON.parse(row.json) as Issue
    const entry = { hash: row.hash, segment: buildSegment(issue, row.hash), prepared: prepareIssue(issue) }
    if (this.cache.size >= CACHE_MAX) this.cache.delete(this.cache.keys().next().value as string)
    this.cache.set(id, entry)
    return entry
  }

  /** The first `limit` hits for a query as typed; HttpError 400 when it is empty or too long. */
  async search(query: string, limit: number): Promise<SearchReply> {
    const parsed = parseSearchQuery(query)
    if ('problem' in parsed) throw new HttpError(400, 'bad_request', queryProblemText(parsed.problem))
    const { terms } = parsed
    await this.sync()
    const rows = await this.repo.match(ftsQuery(terms), MATCH_MAX)
    const byId = new Map<string, number[]>()
    for (const r of rows) byId.set(r.issueId, [...(byId.get(r.issueId) ?? []), Number(r.articleIndex)])
    const loaded = new Map<string, { segment: IssueSegment; prepared: PreparedIssue }>()
    for (const id of byId.keys()) {
      const entry = await this.issue(id)
      if (entry) loaded.set(id, entry)
    }
    const titled: Candidate[] = []
    const rest: Candidate[] = []
    for (const { segment } of [...loaded.values()].sort((a, b) => byIssue(a.segment, b.segment))) {
      for (const index of [...(byId.get(segment.issueId) ?? [])].sort((a, b) => a - b)) {
        const article = segment.articles[index]
        if (!article) continue
        const inTitle = terms.every((t) => article.title.includes(t))
        ;(inTitle ? titled : rest).push({ segment, index, inTitle })
      }
    }
    const hits: SearchReply['hits'] = []
    for (const c of titled.concat(rest)) {
      const { prepared } = loaded.get(c.segment.issueId)!
      const best = confirmParagraph(c, prepared, terms)
      if (best === null) continue
      if (hits.length === limit) return { query, hits, more: true }
      hits.push(hitOf(c, prepared, terms, best))
    }
    return { query, hits, more: rows.length >= MATCH_MAX }
  }
}
