import type { Store } from '../db/repos'
import { AuthService } from '../services/auth'
import { ContentService } from '../services/content'
import { MemberService } from '../services/members'
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
}

/** Builds the services over the store, publishes the content folder, and closes the store with the app. */
const provideServices: FastifyPluginAsync<ServicesOptions> = async (app, opts) => {
  const { store, now } = opts
  const content = new ContentService(store.content, now)
  app.decorate('services', {
    store,
    content,
    auth: new AuthService(store.accounts, now, opts.codeExchange),
    members: new MemberService(store.accounts, store.orgs, now),
    sync: new SyncService(store.sync, content, now)
  })
  if (opts.ownsStore) app.addHook('onClose', async () => store.close())
  if (opts.contentDir !== null) {
    const { changed, failed } = await content.publishDirectory(opts.contentDir)
    if (changed.length > 0) app.log.info({ changed }, 'published issues')
    // A broken file must not take the server down: the previously published version stays served.
    for (const err of failed) app.log.warn(`not published: ${err.message}`)
  }
}

export const servicesPlugin = fp(provideServices, { name: 'services' })
