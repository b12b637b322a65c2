import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault
} from 'fastify'
import type { SessionRow, Store } from './db/repos'
import type { AuthService } from './services/auth'
import type { CampaignService } from './services/campaigns'
import type { ContentService } from './services/content'
import type { JoinGuard } from './services/join-guard'
import type { MemberService } from './services/members'
import type { MyDataService } from './services/my-data'
import type { OrgStatsService } from './services/org-stats'
import type { PublishService } from './services/publish-drafts'
import type { QuizService } from './services/quiz'
import type { SearchService } from './services/search'
import type { SyncService } from './services/sync'

/** The services every route reaches through app.services. */
export interface Services {
  store: Store
  content: ContentService
  auth: AuthService
  members: MemberService
  myData: MyDataService
  /** Wrong join-code counts and lockouts (POST /api/orgs/join). */
  joinGuard: JoinGuard
  sync: SyncService
  quiz: QuizService
  orgStats: OrgStatsService
  campaigns: CampaignService
  /** Previews kept as drafts, published or discarded from the app (/api/publish). */
  publish: PublishService
  /** 搜索 over every published issue (GET /api/search). */
  search: SearchService
}

/** The Fastify instance type routes are written against (TypeBox-typed schemas). */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>

declare module 'fastify' {
  interface FastifyInstance {
    services: Services
  }
  interface FastifyRequest {
    /** The caller's live session; set by the auth hook on every non-public /api route. */
    auth: SessionRow | null
  }
  interface FastifyContextConfig {
    /** Routes marked public answer without a bearer token (health, content, sign-in). */
    public?: boolean
  }
}
