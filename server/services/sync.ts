import type { Issue } from '../../src/domain/issue/types'
import { CAPS } from '../../src/domain/sync/caps'
import { factsOf, type Mutation } from '../../src/domain/sync/mutations'
import type { PullReply } from '../../src/domain/api/sync'
import type { JudgedMutation, PushOutcome, SyncRepo } from '../db/repos'
import type { CampaignService } from './campaigns'
import type { ContentService } from './content'

/** The article ids of each published issue, re-read when the issue's ETag changes. */
class ArticleIndex {
  private readonly byIssue = new Map<string, { etag: string; ids: Set<string> }>()

  constructor(private readonly content: ContentService) {}

  /** Loads the issues named by the batch, so the synchronous checks below can answer. */
  async load(issueIds: Iterable<string>): Promise<void> {
    for (const id of new Set(issueIds)) {
      const cached = await this.content.issue(id)
      if (cached === null) {
        this.byIssue.delete(id)
        continue
      }
      if (this.byIssue.get(id)?.etag === cached.etag) continue
      const issue = JSON.parse(cached.body) as Issue
      const ids = new Set(issue.sections.flatMap((s) => s.articles.map((a) => a.id)))
      this.byIssue.set(id, { etag: cached.etag, ids })
    }
  }

  has(issueId: string, articleId: string): boolean {
    return this.byIssue.get(issueId)?.ids.has(articleId) ?? false
  }
}

/** Push and pull of a member's progress (src/domain/sync/SPEC.md); the rules are the domain's, the storage the repo's. */
export class SyncService {
  private readonly articles: ArticleIndex

  constructor(
    private readonly repo: SyncRepo,
    content: ContentService,
    private readonly now: () => number,
    /** The loaded campaigns: a book, lecture or campaign they do not list is refused (SPEC F5, P4). */
    private readonly campaigns: Pick<CampaignService, 'itemExists'> | null = null
  ) {
    this.articles = new ArticleIndex(content)
  }

  /** Judges every mutation (M3, P4, C2), then applies the batch in one transaction (P1–P3, P5). */
  async push(memberId: string, mutations: Mutation[]): Promise<PushOutcome> {
    if (mutations.length > CAPS.MAX_BATCH) throw new RangeError(`at most ${CAPS.MAX_BATCH} mutations per push`)
    const issueIds = mutations.flatMap((m) => {
      const args = m.args as { issueId?: unknown } | null
      return args && typeof args === 'object' && typeof args.issueId === 'string' ? [args.issueId] : []
    })
    await this.articles.load(issueIds)
    const now = this.now()
    const campaigns = this.campaigns
    const ctx = {
      now,
      articleExists: (i: string, a: string) => this.articles.has(i, a),
      campaignItemExists: (c: string, kind: 'campaign' | 'book' | 'lecture', id: string) =>
        campaigns !== null && campaigns.itemExists(c, kind, id)
    }
    const judged: JudgedMutation[] = mutations.map((m) => {
      const j = factsOf(m, ctx)
      return {
        clientId: m.clientId,
        id: m.id,
        name: m.name,
        argsJson: JSON.stringify(m.args ?? null),
        at: Math.min(m.at, now),
        facts: j.ok ? j.facts : null,
        reason: j.ok ? null : j.reason
      }
    })
    return this.repo.push(memberId, judged, now)
  }

  /** What changed for the member since the cookie (L1). */
  pull(memberId: string, cookie: number): Promise<PullReply> {
    return this.repo.pull(memberId, Math.max(0, Math.floor(cookie)))
  }
}
