import type { AnswerFact, Facts } from '../../src/domain/sync/facts'
import type { PullReply, PushReply } from '../../src/domain/api/sync'

// Storage interfaces. Every method is async and atomic on its own, so a PostgreSQL backend can implement them
// without the services ever holding a transaction open across awaits. Services own the rules (codes, expiry,
// validation); repositories only store and fetch rows.

import type { DeviceKind } from '../../src/domain/api/account'

/** A published issue as stored: the served JSON body and its hash, plus the index row. */
export interface IssueRecord {
  id: string
  /** Exact JSON body served to clients. */
  json: string
  /** sha256 hex of `json`, as the index's `hash`; the ETag. */
  hash: string
  /** JSON of the IssueSummary row for the index. */
  summaryJson: string
  /** sha256 hex of the source text. */
  sourceHash: string
  publishedOn: string
}

export interface ContentRepo {
  /** Monotonic counter bumped by every publish that changed something. */
  revision(): Promise<number>
  /** Summary JSON strings, newest first. */
  listSummaryJson(): Promise<string[]>
  /** The served body and hash of one issue, or null. */
  getIssue(id: string): Promise<{ json: string; hash: string } | null>
  /** Stored hashes per id, to decide what needs publishing. */
  listHashes(): Promise<Map<string, { hash: string; sourceHash: string }>>
  /** Inserts or replaces the records in one transaction; returns the ids that changed. */
  publish(records: IssueRecord[], at: number): Promise<string[]>
}

/** One article of an issue as the full-text index holds it: its bigram tokens (see migration 008). */
export interface SearchRow {
  articleIndex: number
  tokens: string
}

export interface SearchRepo {
  /** The content hash of every issue the index holds. */
  indexed(): Promise<Map<string, string>>
  /** Replaces an issue's rows in one transaction. */
  replace(issueId: string, hash: string, rows: SearchRow[]): Promise<void>
  remove(issueId: string): Promise<void>
  /** The articles matching an FTS5 query, at most `limit`. */
  match(query: string, limit: number): Promise<Array<{ issueId: string; articleIndex: number }>>
}

export interface OrgRow {
  id: string
  name: string
  joinCode: string
  /** When the join code stops working (epoch ms), or null for never. */
  joinCodeExpiresAt: number | null
  createdAt: number
}

export interface OrgRepo {
  /** Inserts an organization; returns false if the join code is taken. */
  create(org: OrgRow): Promise<boolean>
  get(id: string): Promise<OrgRow | null>
  findByJoinCode(joinCode: string): Promise<OrgRow | null>
  /** Replaces the join code (and its expiry); false if the code is taken or the organization unknown. */
  setJoinCode(id: string, joinCode: string, expiresAt: number | null): Promise<boolean>
  /** All organizations with their member counts, oldest first. */
  list(): Promise<Array<OrgRow & { memberCount: number }>>
}

export interface MemberRow {
  id: string
  displayName: string
  orgId: string | null
  createdAt: number
}

export interface SessionRow {
  id: string
  memberId: string
  kind: SessionKind
  deviceName: string
  createdAt: number
  /** When the session last authenticated a request (renewed at most once a day), epoch ms. */
  lastUsedAt: number
}

/** How a session began: the same union the API shows as a device's `kind`. */
export type SessionKind = DeviceKind

/** A new session to store with its token hash. */
export interface NewSession extends Omit<SessionRow, 'lastUsedAt'> {
  tokenHash: string
}

export interface AccountRepo {
  getMember(id: string): Promise<MemberRow | null>
  /** Members with exactly this display name (for the organizers' command line). */
  findMembersByName(displayName: string): Promise<MemberRow[]>
  /** Creates a member and its first session together. */
  createMemberWithSession(member: MemberRow, session: NewSession): Promise<void>
  /** Finds the member for an openid or creates it, then adds the session; returns the member id. */
  signInWechat(
    identity: { openid: string; unionid: string | null },
    newMember: MemberRow,
    session: Omit<NewSession, 'memberId'>
  ): Promise<string>
  updateDisplayName(memberId: string, displayName: string, at: number): Promise<void>
  /**
   * Joins (or with null leaves) an organization. In the same transaction the member's statistics move to the new
   * organization and any admin role in the old one ends (see StatsRepo).
   */
  setOrg(memberId: string, orgId: string | null, at: number): Promise<void>
  /** The live (not revoked) session for a token hash. */
  findSession(tokenHash: string): Promise<SessionRow | null>
  addSession(session: NewSession): Promise<void>
  /** Returns false if the session was already revoked or unknown. */
  revokeSession(sessionId: string, at: number): Promise<boolean>
  /** Live sessions of a member, oldest first. */
  listSessions(memberId: string): Promise<SessionRow[]>
  /** Every session of a member, revoked ones too (kept for the audit trail), oldest first; never the token hash. */
  listAllSessions(memberId: string): Promise<Array<SessionRow & { revokedAt: number | null }>>
  /** The WeChat identities that sign in as this member. */
  listWechat(memberId: string): Promise<Array<{ openid: string; unionid: string | null; createdAt: number }>>
  /** Records a use of the session (its idle expiry starts again). */
  touchSession(sessionId: string, at: number): Promise<void>
  /** Revokes one live session of the member; false if it is not one (unknown, revoked, or another member's). */
  revokeMemberSession(memberId: string, sessionId: string, at: number): Promise<boolean>
  /** Revokes every live session of the member but `keepId`; returns how many. */
  revokeOtherSessions(memberId: string, keepId: string, at: number): Promise<number>
  /** Revokes live sessions last used at or before `idleBefore` or begun at or before `startedBefore`; returns how many. */
  revokeExpiredSessions(idleBefore: number, startedBefore: number, at: number): Promise<number>
  /**
   * Deletes members created before `createdBefore` that have no live session and nothing of their own (no WeChat
   * identity, organization, name change, synced progress or quiz attempt): abandoned device accounts (created at or before). Returns how many.
   */
  deleteAbandonedMembers(createdBefore: number): Promise<number>
  /** Revokes all but the newest `keep` live sessions of a member; returns how many were revoked. */
  pruneSessions(memberId: string, keep: number, at: number): Promise<number>
  /** Stores a pairing code, voiding the member's earlier unused codes. */
  createPairing(p: {
    id: string
    memberId: string
    codeHash: string
    createdAt: number
    expiresAt: number
  }): Promise<void>
  /** Whether an unused, unexpired code with this hash exists (to avoid handing out a duplicate). */
  pairingInUse(codeHash: string, now: number): Promise<boolean>
  /** Marks an unused, unexpired code used and adds the session for its member; returns the member id or null. */
  claimPairing(codeHash: string, now: number, session: Omit<NewSession, 'memberId'>): Promise<string | null>
}

/** Everything the server stores, behind one handle. */
export interface Store {
  content: ContentRepo
  accounts: AccountRepo
  orgs: OrgRepo
  sync: SyncRepo
  quiz: QuizRepo
  stats: StatsRepo
  drafts: DraftRepo
  search: SearchRepo
  close(): Promise<void>
}

/** A pushed mutation as the sync service judged it: its facts, or the reason it is invalid for good (SPEC P4). */
export interface JudgedMutation {
  clientId: string
  id: number
  name: string
  argsJson: string
  at: number
  facts: Facts | null
  reason: string | null
}

/** A push's outcome: refused whole (SPEC P5) or the reply of POST /api/sync/push. */
export type PushOutcome = { kind: 'foreign_client'; clientId: string } | ({ kind: 'ok' } & PushReply)

/** Progress sync storage (src/domain/sync/SPEC.md): each call is one transaction. */
export interface SyncRepo {
  push(memberId: string, mutations: JudgedMutation[], at: number): Promise<PushOutcome>
  pull(memberId: string, cookie: number): Promise<PullReply>
  /**
   * The member's `answers` facts whose id starts with `prefix`, as they stood with only the applied `answer`
   * mutations the server received by `receivedBy` (sync_mutations.received_at): a mutation received later, whatever
   * `at` it claims, is left out.
   */
  answerFacts(memberId: string, prefix: string, receivedBy: number): Promise<Record<string, AnswerFact>>
  /** Everything sync stores for the member (GET /api/me/data), at most `limit` facts listed per kind. */
  memberData(memberId: string, limit: number): Promise<MemberSyncData>
}

/** A member's sync records: app installs, the mutation log's size, and the facts by kind (JSON as stored). */
export interface MemberSyncData {
  clients: Array<{ clientId: string; lastMutationId: number; updatedAt: number }>
  mutations: { total: number; rejected: number }
  facts: Record<keyof Facts, { count: number; items: unknown[] }>
}

/** A scored quiz attempt as stored (times in epoch ms; JSON columns as the service wrote them). */
export interface QuizAttemptRow {
  id: string
  memberId: string
  bankId: string
  seed: string
  paperJson: string
  startedAt: number
  deadline: number
  submittedAt: number | null
  answersJson: string | null
  resultJson: string | null
}

/** Scored quiz attempts: at most one per member and bank. */
export interface QuizRepo {
  /** Stores the attempt unless the member already has one for the bank; returns the one stored either way. */
  start(row: QuizAttemptRow): Promise<QuizAttemptRow>
  get(id: string): Promise<QuizAttemptRow | null>
  /** Every attempt of the member (one per bank at most), in one query. */
  listForMember(memberId: string): Promise<QuizAttemptRow[]>
  /** Records the submission unless one is recorded; returns the row as it now stands (null if unknown). */
  submit(
    id: string,
    submission: { submittedAt: number; answersJson: string; resultJson: string }
  ): Promise<QuizAttemptRow | null>
}

/** An organization's figures as org_stats keeps them: sums over its members. */
export interface OrgFiguresRow {
  orgId: string
  name: string
  members: number
  activeRead: number
  activeListen: number
  activeSpeak: number
  activeAnswer: number
  quizCount: number
  quizTotalSum: number
  quizMaxSum: number
  articles: number
  readingMs: number
  /** Average member completion: phases active / 4, averaged (0 for an empty organization). */
  completion: number
}

/** A member's statistics line (member_stats with the member's name). */
/** A member's counters as member_stats keeps them. */
export interface MemberCounters {
  articles: number
  readingMs: number
  books: number
  lectures: number
  shares: number
  talks: number
  quizTotal: number | null
  quizMax: number | null
  lastActive: number | null
}

export interface MemberStatsRow extends MemberCounters {
  memberId: string
  displayName: string
  joinedAt: number | null
  phases: number
}

/**
 * Organization statistics, read side. The writes happen inside the sync push, the quiz submission and
 * AccountRepo.setOrg (each in its own transaction, with the change that caused them), so nothing here recomputes.
 */
export interface StatsRepo {
  orgCount(): Promise<number>
  /** Organizations by completion desc, then members desc, then name (and id). */
  ranking(offset: number, limit: number): Promise<OrgFiguresRow[]>
  figures(orgId: string): Promise<OrgFiguresRow | null>
  /** 1-based place of the organization in the ranking, or null if unknown. */
  rank(orgId: string): Promise<number | null>
  memberLine(memberId: string): Promise<MemberStatsRow | null>
  /** Member lines of an organization: most phases first, then articles, then name. */
  memberLines(orgId: string, offset: number, limit: number): Promise<MemberStatsRow[]>
  isAdmin(orgId: string, memberId: string): Promise<boolean>
  /** Makes the member an admin of the organization (no-op if they are one). */
  addAdmin(orgId: string, memberId: string, at: number): Promise<void>
}

/** An issue file an admin previewed and may still publish (POST /api/publish/preview → /confirm or /cancel). */
export interface DraftRow {
  /** sha256 hex of the draft's token; the token itself is never stored. */
  tokenHash: string
  memberId: string
  issueId: string
  fileName: string
  /** sha256 hex of the uploaded file's bytes. */
  fileSha256: string
  /** What the preview showed, stored as confirming will publish it. */
  record: IssueRecord
  /** The text the issue was read from (for Word and PDF files, the text read out of them). */
  text: string
  createdAt: number
  expiresAt: number
}

export interface DraftRepo {
  /** Stores the draft in place of the member's earlier one; drafts expired at `now` are deleted. */
  put(draft: DraftRow, now: number): Promise<void>
  /** The draft for a token hash (expired or not), or null. */
  get(tokenHash: string): Promise<DraftRow | null>
  /** Deletes a draft; false if there was none. */
  delete(tokenHash: string): Promise<boolean>
}
