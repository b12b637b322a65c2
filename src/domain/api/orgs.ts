import type { Static } from '@sinclair/typebox'
import { Type } from './type'

/** Largest page of the ranking and of an organization's member lines. */
export const PAGE_SIZE_MAX = 100

/**
 * `?page=&pageSize=` of the paged organization routes. Query values arrive as text and the server does not coerce
 * types, so they are digit strings: page from 1, pageSize 1–100 (default 20).
 */
export const PageQuerySchema = Type.Object(
  {
    page: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,5}$' })),
    pageSize: Type.Optional(Type.String({ pattern: '^([1-9][0-9]?|100)$' }))
  },
  { additionalProperties: false }
)
export type PageQuery = Static<typeof PageQuerySchema>

const Count = Type.Integer({ minimum: 0 })
const Share = Type.Number({ minimum: 0, maximum: 1 })

/** 读 听 讲 答: how many members are active in each phase. */
export const PhaseCountsSchema = Type.Object({ read: Count, listen: Count, speak: Count, answer: Count })
export type PhaseCounts = Static<typeof PhaseCountsSchema>

/** An organization's figures, computed by the server from its members' synced progress and quiz results. */
export const OrgFiguresSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  /** 1-based place in the ranking. */
  rank: Type.Integer({ minimum: 1 }),
  members: Count,
  /** Members active in each phase (the share is active / members). */
  active: PhaseCountsSchema,
  /** Members who submitted a scored quiz. */
  quizSubmitted: Count,
  /** Average of those members' best scored totals, and of the maximum of those papers; null if nobody submitted. */
  averageScore: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
  averageMax: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
  articles: Count,
  readingMs: Count,
  averageReadingMs: Type.Number({ minimum: 0 }),
  /** Average member completion (phases active / 4), 0–1. */
  completion: Share
})
export type OrgFigures = Static<typeof OrgFiguresSchema>

/** GET /api/orgs/ranking: one page of organizations by completion, and the caller's own (null if in none). */
export const OrgRankingReplySchema = Type.Object({
  page: Type.Integer({ minimum: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX }),
  total: Count,
  orgs: Type.Array(OrgFiguresSchema),
  mine: Type.Union([OrgFiguresSchema, Type.Null()])
})
export type OrgRankingReply = Static<typeof OrgRankingReplySchema>

/** One member's line: what an admin sees for every member, and every member for themselves. */
export const MemberLineSchema = Type.Object({
  memberId: Type.String(),
  displayName: Type.String(),
  /** When the member joined the organization (epoch ms), if known. */
  joinedAt: Type.Union([Type.Integer(), Type.Null()]),
  articles: Count,
  readingMs: Count,
  books: Count,
  lectures: Count,
  shares: Count,
  talks: Count,
  /** Best submitted scored quiz: its total and maximum; null if none submitted. */
  quizTotal: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
  quizMax: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
  lastActive: Type.Union([Type.Integer(), Type.Null()]),
  phases: Type.Object({ read: Type.Boolean(), listen: Type.Boolean(), speak: Type.Boolean(), answer: Type.Boolean() }),
  completion: Share
})
export type MemberLine = Static<typeof MemberLineSchema>

/** GET /api/orgs/mine/stats: the caller's organization's figures, their own line, and whether they are its admin. */
export const MyOrgStatsReplySchema = Type.Object({
  org: OrgFiguresSchema,
  me: MemberLineSchema,
  admin: Type.Boolean()
})
export type MyOrgStatsReply = Static<typeof MyOrgStatsReplySchema>

/** GET /api/orgs/mine/members (admins only): one page of the organization's member lines. */
export const OrgMembersReplySchema = Type.Object({
  page: Type.Integer({ minimum: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX }),
  total: Count,
  members: Type.Array(MemberLineSchema)
})
export type OrgMembersReply = Static<typeof OrgMembersReplySchema>

/** POST /api/orgs/mine/admins (admins only): makes another member of the same organization an admin. */
export const AddOrgAdminBodySchema = Type.Object(
  { memberId: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false }
)
export type AddOrgAdminBody = Static<typeof AddOrgAdminBodySchema>

/** POST /api/orgs/mine/join-code (admins only): a new join code; the old one stops at once. */
export const RotateJoinCodeBodySchema = Type.Object(
  {
    /** The new code stops working after this many days; null: it does not expire. */
    expiresInDays: Type.Union([Type.Integer({ minimum: 1, maximum: 365 }), Type.Null()])
  },
  { additionalProperties: false }
)
export type RotateJoinCodeBody = Static<typeof RotateJoinCodeBodySchema>
export const RotateJoinCodeReplySchema = Type.Object({
  joinCode: Type.String(),
  expiresAt: Type.Union([Type.Number(), Type.Null()])
})
export type RotateJoinCodeReply = Static<typeof RotateJoinCodeReplySchema>

/**
 * GET /api/orgs/mine/export.xlsx (admins only): the member lines as an Excel workbook. The 200 answer is the file's
 * bytes, not JSON; the schema only stands in the route table (a JSON client never calls this route).
 */
export const XlsxFileSchema = Type.Unknown({
  description: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
})

/** The export's columns, in order. */
export const EXPORT_COLUMNS = ['姓名', '加入时间', '已读文章', '阅读时长(分钟)', '竞答成绩', '最近活跃'] as const
