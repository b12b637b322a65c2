import type { TSchema } from '@sinclair/typebox'
import {
  ClaimBodySchema,
  DeviceSignInBodySchema,
  JoinOrgBodySchema,
  MeReplySchema,
  OkSchema,
  PairingReplySchema,
  PatchMeBodySchema,
  SignInReplySchema,
  SignOutOthersReplySchema,
  WechatSignInBodySchema
} from './account'
import { CampaignsReplySchema } from './campaign'
import { ErrorBodySchema } from './errors'
import { IssueIndexSchema, IssueSchema } from './issue'
import { MyDataReplySchema } from './privacy'
import {
  CancelBodySchema,
  ConfirmBodySchema,
  ConfirmReplySchema,
  PreviewBodySchema,
  PreviewReplySchema
} from './publish'
import {
  QuizAttemptSchema,
  QuizBankReplySchema,
  QuizBanksReplySchema,
  StartAttemptBodySchema,
  SubmitAttemptBodySchema
} from './quiz'
import {
  AddOrgAdminBodySchema,
  MyOrgStatsReplySchema,
  OrgMembersReplySchema,
  OrgRankingReplySchema,
  PageQuerySchema,
  XlsxFileSchema,
  RotateJoinCodeBodySchema,
  RotateJoinCodeReplySchema
} from './orgs'
import { PullBodySchema, PullReplySchema, PushBodySchema, PushReplySchema } from './sync'
import { SearchQuerySchema, SearchReplySchema } from './search'

/**
 * One API route as both sides see it: the server registers exactly these schemas (body validated, 200 reply
 * serialized, errors as ErrorBody), the client sends `body` and checks the 200 answer against `reply`.
 */
export interface RouteContract<B extends TSchema | null = TSchema | null, R extends TSchema = TSchema> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** Full path; `:name` segments are filled in by the caller. */
  path: string
  /** Request body, or null for none. */
  body: B
  /** The 200 answer. */
  reply: R
  /** `?name=value` parameters, as strings, or absent for none. */
  query?: TSchema
  /** Statuses that answer ErrorBody. */
  errors: readonly number[]
  /** Needs `Authorization: Bearer <token>`. */
  auth: boolean
}

function route<B extends TSchema | null, R extends TSchema>(contract: RouteContract<B, R>): RouteContract<B, R> {
  return contract
}

/** Every route of /api. Server route files and client API modules both take their schemas from here. */
export const API = {
  health: route({ method: 'GET', path: '/api/health', body: null, reply: OkSchema, errors: [], auth: false }),
  listIssues: route({
    method: 'GET',
    path: '/api/issues',
    body: null,
    reply: IssueIndexSchema,
    errors: [400],
    auth: false
  }),
  getIssue: route({
    method: 'GET',
    path: '/api/issues/:id',
    body: null,
    reply: IssueSchema,
    errors: [400, 404],
    auth: false
  }),
  signInWechat: route({
    method: 'POST',
    path: '/api/auth/wechat',
    body: WechatSignInBodySchema,
    reply: SignInReplySchema,
    errors: [400, 401, 403, 404, 429, 502],
    auth: false
  }),
  signInDevice: route({
    method: 'POST',
    path: '/api/auth/device',
    body: DeviceSignInBodySchema,
    reply: SignInReplySchema,
    errors: [400, 429],
    auth: false
  }),
  logout: route({ method: 'POST', path: '/api/auth/logout', body: null, reply: OkSchema, errors: [401], auth: true }),
  createPairing: route({
    method: 'POST',
    path: '/api/auth/pairing',
    body: null,
    reply: PairingReplySchema,
    errors: [401, 429],
    auth: true
  }),
  claimPairing: route({
    method: 'POST',
    path: '/api/auth/pairing/claim',
    body: ClaimBodySchema,
    reply: SignInReplySchema,
    errors: [400, 404, 429],
    auth: false
  }),
  me: route({ method: 'GET', path: '/api/me', body: null, reply: MeReplySchema, errors: [401], auth: true }),
  rename: route({
    method: 'PATCH',
    path: '/api/me',
    body: PatchMeBodySchema,
    reply: MeReplySchema,
    errors: [400, 401],
    auth: true
  }),
  myData: route({
    method: 'GET',
    path: '/api/me/data',
    body: null,
    reply: MyDataReplySchema,
    errors: [401],
    auth: true
  }),
  signOutDevice: route({
    method: 'DELETE',
    path: '/api/me/devices/:id',
    body: null,
    reply: MeReplySchema,
    errors: [400, 401, 404],
    auth: true
  }),
  signOutOtherDevices: route({
    method: 'POST',
    path: '/api/me/devices/sign-out-others',
    body: null,
    reply: SignOutOthersReplySchema,
    errors: [401],
    auth: true
  }),
  joinOrg: route({
    method: 'POST',
    path: '/api/orgs/join',
    body: JoinOrgBodySchema,
    reply: MeReplySchema,
    errors: [400, 401, 404, 429],
    auth: true
  }),
  leaveOrg: route({
    method: 'POST',
    path: '/api/orgs/leave',
    body: null,
    reply: MeReplySchema,
    errors: [401],
    auth: true
  }),
  orgRanking: route({
    method: 'GET',
    path: '/api/orgs/ranking',
    body: null,
    query: PageQuerySchema,
    reply: OrgRankingReplySchema,
    errors: [400, 401],
    auth: true
  }),
  myOrgStats: route({
    method: 'GET',
    path: '/api/orgs/mine/stats',
    body: null,
    reply: MyOrgStatsReplySchema,
    errors: [401, 409],
    auth: true
  }),
  myOrgMembers: route({
    method: 'GET',
    path: '/api/orgs/mine/members',
    body: null,
    query: PageQuerySchema,
    reply: OrgMembersReplySchema,
    errors: [400, 401, 403, 409],
    auth: true
  }),
  myOrgExport: route({
    method: 'GET',
    path: '/api/orgs/mine/export.xlsx',
    body: null,
    reply: XlsxFileSchema,
    errors: [401, 403, 409],
    auth: true
  }),
  rotateJoinCode: route({
    method: 'POST',
    path: '/api/orgs/mine/join-code',
    body: RotateJoinCodeBodySchema,
    reply: RotateJoinCodeReplySchema,
    errors: [400, 401, 403, 409],
    auth: true
  }),
  addOrgAdmin: route({
    method: 'POST',
    path: '/api/orgs/mine/admins',
    body: AddOrgAdminBodySchema,
    reply: OkSchema,
    errors: [400, 401, 403, 404, 409],
    auth: true
  }),
  syncPush: route({
    method: 'POST',
    path: '/api/sync/push',
    body: PushBodySchema,
    reply: PushReplySchema,
    errors: [400, 401, 403, 413],
    auth: true
  }),
  syncPull: route({
    method: 'POST',
    path: '/api/sync/pull',
    body: PullBodySchema,
    reply: PullReplySchema,
    errors: [400, 401],
    auth: true
  }),
  quizBanks: route({
    method: 'GET',
    path: '/api/quiz/banks',
    body: null,
    reply: QuizBanksReplySchema,
    errors: [401],
    auth: true
  }),
  quizBank: route({
    method: 'GET',
    path: '/api/quiz/banks/:id',
    body: null,
    reply: QuizBankReplySchema,
    errors: [400, 401, 403, 404],
    auth: true
  }),
  startQuizAttempt: route({
    method: 'POST',
    path: '/api/quiz/attempts',
    body: StartAttemptBodySchema,
    reply: QuizAttemptSchema,
    // 403: a practice-only bank (bank_not_for_contest), or outside its campaign's window (contest_closed).
    errors: [400, 401, 403, 404],
    auth: true
  }),
  getQuizAttempt: route({
    method: 'GET',
    path: '/api/quiz/attempts/:id',
    body: null,
    reply: QuizAttemptSchema,
    errors: [400, 401, 404],
    auth: true
  }),
  /** An organization admin's preview of an issue file before publishing it (pages/publish); kept as a draft. */
  previewIssue: route({
    method: 'POST',
    path: '/api/publish/preview',
    body: PreviewBodySchema,
    reply: PreviewReplySchema,
    errors: [400, 401, 403, 413, 422],
    auth: true
  }),
  submitQuizAttempt: route({
    method: 'POST',
    path: '/api/quiz/attempts/:id/submit',
    body: SubmitAttemptBodySchema,
    reply: QuizAttemptSchema,
    errors: [400, 401, 404],
    auth: true
  }),
  campaigns: route({
    method: 'GET',
    path: '/api/campaigns',
    body: null,
    reply: CampaignsReplySchema,
    errors: [],
    auth: false
  }),
  /** Publishes the previewed file (404 unknown_draft: expired, unknown or another's; 409 issue_exists, draft_mismatch). */
  confirmPublish: route({
    method: 'POST',
    path: '/api/publish/confirm',
    body: ConfirmBodySchema,
    reply: ConfirmReplySchema,
    errors: [400, 401, 403, 404, 409],
    auth: true
  }),
  /** Discards a preview; nothing was published. */
  cancelPublish: route({
    method: 'POST',
    path: '/api/publish/cancel',
    body: CancelBodySchema,
    reply: OkSchema,
    errors: [400, 401, 403, 404],
    auth: true
  }),
  /** 搜索 over every published issue; 400 for an empty or too long query. */
  search: route({
    method: 'GET',
    path: '/api/search',
    body: null,
    query: SearchQuerySchema,
    reply: SearchReplySchema,
    errors: [400],
    auth: false
  })
} as const

export type ApiRoutes = typeof API

/** The response schemas of a route by status, as fastify's `schema.response` takes them. */
export function responseSchemas<R extends TSchema>(
  contract: RouteContract<TSchema | null, R>
): { 200: R } & Record<number, R | typeof ErrorBodySchema> {
  const out: Record<number, TSchema> = { 200: contract.reply }
  for (const status of contract.errors) out[status] = ErrorBodySchema
  return out as { 200: R } & Record<number, R | typeof ErrorBodySchema>
}
