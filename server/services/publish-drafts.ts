// Publishing from the app: a preview kept as a draft (bound to the member and the file's sha256, for
// DRAFT_TTL_MS), then published exactly as previewed, or discarded. Publishing goes through the same store write
// as `npm run publish` and the start-up scan, so members see the issue at once (index and ETags follow the
// content revision), and the source text is kept in the content folder as `npm run publish` keeps it.
import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import type { ConfirmBody, ConfirmReply, PreviewReply } from '../../src/domain/api/publish'
import { DRAFT_TTL_MS } from '../../src/domain/api/publish'
import type { Issue } from '../../src/domain/issue/types'
import { isIssueId } from '../../src/domain/publish/issue-id'
import type { ContentRepo, DraftRepo } from '../db/repos'
import { HttpError } from '../errors'
import { previewIssueFile } from './publish-preview'
import { newToken, sha256 } from './secrets'

export class PublishService {
  constructor(
    private readonly drafts: DraftRepo,
    private readonly content: ContentRepo,
    private readonly now: () => number,
    /** Where the source text of a published issue is kept (content/issues), or null for nowhere. */
    private readonly contentDir: string | null
  ) {}

  /**
   * Parses the file and keeps it as the member's draft; a refused file changes nothing (not even the old draft).
   * `id`, when given, names the issue instead of the file's name (which keeps only its extension).
   */
  async preview(
    memberId: string,
    bytes: Uint8Array,
    fileName: string,
    isAdmin: boolean,
    id?: string
  ): Promise<PreviewReply> {
    const named = id === undefined ? fileName : `${id}${extname(fileName)}`
    const outcome = await previewIssueFile(bytes, named, isAdmin)
    if (!outcome.ok) throw new HttpError(outcome.status, outcome.error, outcome.message)
    const { issue, warnings, record, text } = outcome.preview
    const existing = await this.content.getIssue(issue.id)
    const token = newToken()
    const fileSha256 = sha256(bytes)
    const now = this.now()
    const expiresAt = now + DRAFT_TTL_MS
    await this.drafts.put(
      {
        tokenHash: sha256(token),
        memberId,
        issueId: issue.id,
        fileName,
        fileSha256,
        record,
        text,
        createdAt: now,
        expiresAt
      },
      now
    )
    let shown: PreviewReply['existing'] = null
    if (existing !== null) {
      const old = JSON.parse(existing.json) as Issue
      shown = {
        title: old.title,
        number: old.number,
        publishedOn: old.publishedOn,
        same: existing.hash === record.hash
      }
    }
    return { issue, warnings, draft: { token, sha256: fileSha256, expiresAt }, existing: shown }
  }

  /** Publishes the member's draft exactly as previewed; then the draft is gone. */
  async confirm(memberId: string, body: ConfirmBody, isAdmin: boolean): Promise<ConfirmReply> {
    if (!isAdmin) throw new HttpError(403, 'forbidden', '只有组织管理员可以预览和发布简报')
    const draft = await this.ownDraft(memberId, body.token)
    if (draft.fileSha256 !== body.sha256) throw new HttpError(409, 'draft_mismatch')
    const existing = await this.content.getIssue(draft.issueId)
    if (existing !== null && !body.replace) {
      throw new HttpError(409, 'issue_exists', `已有编号为「${draft.issueId}」的一期简报，确认替换后才能发布`)
    }
    // The id came through the publishing module's file-name rule; checked again before it names a file. The text is
    // kept with the content, as `npm run publish` does, so the server's next start serves this version too: written
    // aside first and put in place only once the database has it, so a failed publish leaves the old file (and the
    // old issue) as they were, and a published issue never has an older file that the next start would bring back.
    const target =
      this.contentDir !== null && isIssueId(draft.issueId) ? join(this.contentDir, `${draft.issueId}.txt`) : null
    const temp = target === null ? null : `${target}.${draft.tokenHash.slice(0, 8)}.tmp`
    if (temp !== null) writeFileSync(temp, draft.text)
    let changed: string[]
    try {
      changed = await this.content.publish([draft.record], this.now())
    } catch (err) {
      if (temp !== null) rmSync(temp, { force: true })
      throw err
    }
    if (temp !== null && target !== null) renameSync(temp, target)
    await this.drafts.delete(draft.tokenHash)
    return { id: draft.issueId, changed: changed.length > 0, replaced: existing !== null }
  }

  /** Discards the member's draft; nothing was published. */
  async cancel(memberId: string, token: string, isAdmin: boolean): Promise<void> {
    if (!isAdmin) throw new HttpError(403, 'forbidden', '只有组织管理员可以预览和发布简报')
    const draft = await this.ownDraft(memberId, token)
    await this.drafts.delete(draft.tokenHash)
  }

  /** The member's live draft for a token; unknown, expired and other members' drafts are all a 404. */
  private async ownDraft(memberId: string, token: string) {
    const draft = await this.drafts.get(sha256(token))
    if (draft === null || draft.memberId !== memberId) throw new HttpError(404, 'unknown_draft')
    if (draft.expiresAt <= this.now()) {
      await this.drafts.delete(draft.tokenHash)
      throw new HttpError(404, 'unknown_draft', '预览已超过 30 分钟，请重新上传文件')
    }
    return draft
  }
}
