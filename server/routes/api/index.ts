import type { FastifyPluginAsync } from 'fastify'
import { authPlugin } from '../../plugins/auth'
import type { RateLimits } from '../../plugins/limits'
import auth from './auth'
import campaigns from './campaigns'
import pairing from './auth/pairing'
import health from './health'
import issues from './issues'
import me, { devices } from './me'
import orgs from './orgs'
import publish, { type PublishRouteOptions } from './publish'
import quiz from './quiz'
import search from './search'
import sync from './sync'

export interface ApiOptions {
  rateLimits: RateLimits
  /** Who may preview (and later publish) issues from the app; see server/routes/api/publish. */
  isAdmin?: PublishRouteOptions['isAdmin']
}

/** Everything under /api. Folders mirror URLs. */
const api: FastifyPluginAsync<ApiOptions> = async (app, opts) => {
  // Tokens and profiles must not sit in any cache; routes that can be cached (issues) say so themselves.
  app.addHook('onSend', async (_req, reply) => {
    if (!reply.hasHeader('cache-control')) reply.header('Cache-Control', 'no-store')
  })
  await app.register(authPlugin)
  await app.register(health, { prefix: '/health' })
  await app.register(issues, { prefix: '/issues' })
  await app.register(auth, { prefix: '/auth', rateLimits: opts.rateLimits })
  await app.register(pairing, { prefix: '/auth/pairing', rateLimits: opts.rateLimits })
  await app.register(me, { prefix: '/me' })
  await app.register(devices, { prefix: '/me/devices' })
  await app.register(orgs, { prefix: '/orgs', rateLimits: opts.rateLimits })
  await app.register(sync, { prefix: '/sync' })
  await app.register(quiz, { prefix: '/quiz' })
  await app.register(campaigns, { prefix: '/campaigns' })
  await app.register(publish, { prefix: '/publish', isAdmin: opts.isAdmin })
  await app.register(search, { prefix: '/search' })
}

export default api
