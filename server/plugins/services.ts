import type { Store } from '../db/repos'
import { AuthService } from '../services/auth'
import { CampaignService, loadCampaignDir } from '../services/campaigns'
import { ContentService } from '../services/content'
import { SearchService } from '../services/search'
import { JoinGuard } from '../services/join-guard'
import { MemberService } from '../services/members'
import { MyDataService } from '../services/my-data'
import { OrgStatsService } from '../services/org-stats'
import { PublishService } from '../services/publish-drafts'
import { QuizService, type BankSpec } from '../services/quiz'
import { loadIssues } from '../services/quiz-files'
import { SyncService } from '../services/sync'
import type { CodeExchange } from '../services/wechat'
import type { FastifyPluginAsync } from 'fastify'
import fp from 'fastify-plugin'

export interface ServicesOptions extends Record<string, unknown> {
  store: Store
  /** Close the store with the app (true when buildApp opened it). */
  ownsStore: boolean
  now: () => number
  codeExchange: CodeExchange | null
  /** Publish every *.txt here at start (if its parsed JSON changed). */
  contentDir: string | null
  /** Question banks to load at start (出处 checked against the issues in contentDir). */
  quizBanks: readonly BankSpec[]
  /** Campaign definitions to load at start (content/campaigns), or null for none. */
  campaignsDir: string | null
  /** How often expired sessions and abandoned device accounts are pruned; 0 = never (tests call prune()). */
  pruneIntervalMs: number
}

/** Builds the services over the store, publishes the content folder, and closes the store with the app. */
const provideServices: FastifyPluginAsync<ServicesOptions> = async (app, opts) => {
  const { store, now } = opts
  const content = new ContentService(store.content, now)
  const quiz = new QuizService(store.quiz, store.sync, now)
  const campaigns = new CampaignService()
  const search = new SearchService(store.content, store.search)
  if (opts.campaignsDir !== null) {
    const { loaded, failed } = loadCampaignDir(opts.campaignsDir)
    campaigns.set(loaded)
    if (loaded.length > 0) app.log.info({ campaigns: loaded.map((c) => c.id) }, 'loaded campaigns')
    // A bad definition must not take the server down: it is left out, with every problem named by its field.
    for (const f of failed) app.log.warn(`campaign not loaded: ${f.file}: ${f.errors.join('; ')}`)
  }
  quiz.setContestWindows((bankId, today) => campaigns.contestWindow(bankId, today))
  const auth = new AuthService(store.accounts, now, opts.codeExchange)
  app.decorate('services', {
    store,
    content,
    auth,
    members: new MemberService(store.accounts, store.orgs, now),
    myData: new MyDataService(store, now),
    joinGuard: new JoinGuard(now),
    sync: new SyncService(store.sync, content, now, campaigns),
    quiz,
    orgStats: new OrgStatsService(store.stats, store.accounts, now),
    campaigns,
    publish: new PublishService(store.drafts, store.content, now, opts.contentDir),
    search
  })
  if (opts.pruneIntervalMs > 0) startPruning(app, auth, opts.pruneIntervalMs)
  if (opts.ownsStore) app.addHook('onClose', async () => store.close())
  if (opts.contentDir !== null) {
    const { changed, failed } = await content.publishDirectory(opts.contentDir)
    if (changed.length > 0) app.log.info({ changed }, 'published issues')
    // A broken file must not take the server down: the previously published version stays served.
    for (const err of failed) app.log.warn(`not published: ${err.message}`)
  }
  // The full-text index follows what is published (here, and by `npm run publish` from another process, which the
  // next query notices by the content revision), so no search request has to build it.
  const indexed = await search.sync()
  if (indexed.length > 0) app.log.info({ indexed }, 'indexed issues for search')
  if (opts.quizBanks.length > 0) {
    const issues = opts.contentDir === null ? [] : loadIssues(opts.contentDir, (line) => app.log.warn(line))
    const { loaded, failed } = await quiz.loadBanks(opts.quizBanks, issues, opts.contentDir ?? 'content/issues')
    if (loaded.length > 0) app.log.info({ banks: loaded }, 'loaded question banks')
    // A broken bank must not take the server down: it is left out of /api/quiz/banks until its file is fixed.
    for (const f of failed) app.log.warn({ bank: f.id, problems: f.problems }, `question bank ${f.id} not loaded`)
  }
}

export const servicesPlugin = fp(provideServices, { name: 'services' })

/** Prunes once the server is ready, then every `intervalMs`; stops (before the store closes) when the app closes. */
function startPruning(app: Parameters<FastifyPluginAsync>[0], auth: AuthService, intervalMs: number): void {
  const run = () => {
    auth.prune().then(
      ({ sessions, members }) => {
        if (sessions + members > 0)
          app.log.info({ sessions, members }, 'pruned expired sessions and abandoned accounts')
      },
      (err: unknown) => app.log.warn({ err }, 'pruning failed')
    )
  }
  let timer: ReturnType<typeof setInterval> | null = null
  app.addHook('onReady', async () => {
    run()
    timer = setInterval(run, intervalMs)
    timer.unref()
  })
  app.addHook('onClose', async () => {
    if (timer !== null) clearInterval(timer)
  })
}
