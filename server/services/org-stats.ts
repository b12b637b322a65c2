import ExcelJS from 'exceljs'
import { HttpError } from '../errors'
import type { AccountRepo, MemberStatsRow, OrgFiguresRow, StatsRepo } from '../db/repos'
import {
  EXPORT_COLUMNS,
  PAGE_SIZE_MAX,
  type MemberLine,
  type MyOrgStatsReply,
  type OrgFigures,
  type OrgMembersReply,
  type OrgRankingReply
} from '../../src/domain/api/orgs'

export const DEFAULT_PAGE_SIZE = 20

/** The page and page size of a `?page=&pageSize=` query (already checked by its schema). */
export function pageOf(query: { page?: string; pageSize?: string }): { page: number; pageSize: number } {
  const page = query.page === undefined ? 1 : Number(query.page)
  const pageSize = Math.min(PAGE_SIZE_MAX, query.pageSize === undefined ? DEFAULT_PAGE_SIZE : Number(query.pageSize))
  return { page, pageSize }
}

export function toFigures(row: OrgFiguresRow, rank: number): OrgFigures {
  const quizzed = row.quizCount > 0
  return {
    id: row.orgId,
    name: row.name,
    rank,
    members: row.members,
    active: { read: row.activeRead, listen: row.activeListen, speak: row.activeSpeak, answer: row.activeAnswer },
    quizSubmitted: row.quizCount,
    averageScore: quizzed ? row.quizTotalSum / row.quizCount : null,
    averageMax: quizzed ? row.quizMaxSum / row.quizCount : null,
    articles: row.articles,
    readingMs: row.readingMs,
    averageReadingMs: row.members > 0 ? row.readingMs / row.members : 0,
    completion: row.completion
  }
}

export function toLine(row: MemberStatsRow): MemberLine {
  const phases = {
    read: row.articles + row.books > 0,
    listen: row.lectures > 0,
    speak: row.shares + row.talks > 0,
    answer: row.quizTotal !== null
  }
  return {
    memberId: row.memberId,
    displayName: row.displayName,
    joinedAt: row.joinedAt,
    articles: row.articles,
    readingMs: row.readingMs,
    books: row.books,
    lectures: row.lectures,
    shares: row.shares,
    talks: row.talks,
    quizTotal: row.quizTotal,
    quizMax: row.quizMax,
    lastActive: row.lastActive,
    phases,
    completion: row.phases / 4
  }
}

/** Epoch ms as China Standard Time (UTC+8, no daylight saving), `YYYY-MM-DD HH:mm`. */
export function formatChinaTime(ms: number | null): string {
  if (ms === null) return ''
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}

/**
 * Organization statistics and admin roles. The "mine" methods take only the caller's member id: an admin reaches
 * their own organization's member lines and nothing else, because no organization id comes from the request.
 */
export class OrgStatsService {
  constructor(
    private readonly stats: StatsRepo,
    private readonly accounts: AccountRepo,
    private readonly now: () => number
  ) {}

  async ranking(memberId: string, page: number, pageSize: number): Promise<OrgRankingReply> {
    const offset = (page - 1) * pageSize
    const rows = await this.stats.ranking(offset, pageSize)
    const orgId = (await this.accounts.getMember(memberId))?.orgId ?? null
    let mine: OrgFigures | null = null
    if (orgId !== null) {
      const own = await this.stats.figures(orgId)
      const rank = await this.stats.rank(orgId)
      if (own !== null && rank !== null) mine = toFigures(own, rank)
    }
    return {
      page,
      pageSize,
      total: await this.stats.orgCount(),
      orgs: rows.map((r, i) => toFigures(r, offset + i + 1)),
      mine
    }
  }

  /** The caller's organization id, or 409 not_in_org. */
  private async orgOf(memberId: string): Promise<string> {
    const member = await this.accounts.getMember(memberId)
    if (member === null) throw new HttpError(401, 'unauthorized')
    if (member.orgId === null) throw new HttpError(409, 'not_in_org')
    return member.orgId
  }

  /** The caller's organization, refusing (403) anyone who is not its admin. */
  private async adminOrg(memberId: string): Promise<string> {
    const orgId = await this.orgOf(memberId)
    if (!(await this.stats.isAdmin(orgId, memberId))) throw new HttpError(403, 'not_org_admin')
    return orgId
  }

  /** Whether the member is an admin of the organization they are in (false outside any organization). */
  async isAdminOfOwn(memberId: string): Promise<boolean> {
    const member = await this.accounts.getMember(memberId)
    return member !== null && member.orgId !== null && this.stats.isAdmin(member.orgId, memberId)
  }

  async mine(memberId: string): Promise<MyOrgStatsReply> {
    const orgId = await this.orgOf(memberId)
    const [row, rank, line, admin] = await Promise.all([
      this.stats.figures(orgId),
      this.stats.rank(orgId),
      this.stats.memberLine(memberId),
      this.stats.isAdmin(orgId, memberId)
    ])
    if (row === null || rank === null || line === null) throw new HttpError(409, 'not_in_org')
    return { org: toFigures(row, rank), me: toLine(line), admin }
  }

  async members(memberId: string, page: number, pageSize: number): Promise<OrgMembersReply> {
    const orgId = await this.adminOrg(memberId)
    const row = await this.stats.figures(orgId)
    const lines = await this.stats.memberLines(orgId, (page - 1) * pageSize, pageSize)
    return { page, pageSize, total: row?.members ?? 0, members: lines.map(toLine) }
  }

  /** The organization's member lines as an .xlsx workbook (admins only). */
  async exportXlsx(memberId: string): Promise<{ name: string; bytes: Buffer }> {
    const orgId = await this.adminOrg(memberId)
    const org = await this.stats.figures(orgId)
    const workbook = new ExcelJS.Workbook()
    workbook.created = new Date(this.now())
    const sheet = workbook.addWorksheet('成员')
    sheet.columns = EXPORT_COLUMNS.map((header, i) => ({ header, key: `c${i}`, width: i === 0 ? 16 : 18 }))
    for (let offset = 0; ; offset += PAGE_SIZE_MAX) {
      const lines = await this.stats.memberLines(orgId, offset, PAGE_SIZE_MAX)
      for (const l of lines) {
        sheet.addRow([
          l.displayName,
          formatChinaTime(l.joinedAt),
          l.articles,
          Math.round(l.readingMs / 60_000),
          l.quizTotal === null ? '' : `${l.quizTotal}/${l.quizMax ?? ''}`,
          formatChinaTime(l.lastActive)
        ])
      }
      if (lines.length < PAGE_SIZE_MAX) break
    }
    sheet.getRow(1).font = { bold: true }
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer())
    return { name: `${org?.name ?? '组织'}-成员.xlsx`, bytes }
  }

  /** An admin makes another member of the same organization an admin. */
  async addAdmin(memberId: string, targetId: string): Promise<void> {
    const orgId = await this.adminOrg(memberId)
    const target = await this.accounts.getMember(targetId)
    if (target === null || target.orgId !== orgId) throw new HttpError(404, 'not_org_member')
    await this.stats.addAdmin(orgId, targetId, this.now())
  }

  /** The organization the admin is in; 403 for anyone who is not its admin (for routes such as rotating its code). */
  async requireAdmin(memberId: string): Promise<string> {
    return this.adminOrg(memberId)
  }

  /** Makes a member admin of the organization they are in (for `npm run org -- admin`). */
  async makeAdmin(orgId: string, memberId: string): Promise<void> {
    const target = await this.accounts.getMember(memberId)
    if (target === null || target.orgId !== orgId) throw new Error('that member is not in this organization')
    await this.stats.addAdmin(orgId, memberId, this.now())
  }
}
