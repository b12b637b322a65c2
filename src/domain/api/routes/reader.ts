import { route } from '../route'
import { DeviceSignInBodySchema, MeReplySchema, OkSchema, SignInReplySchema, WechatSignInBodySchema } from '../account'
import { IssueIndexSchema, IssueSchema } from '../issue'
import { PullBodySchema, PullReplySchema, PushBodySchema, PushReplySchema } from '../sync'

/** What the main package calls: the issues, signing in and out, the member (/api/me) and sync. */
export const READER_ROUTES = {
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
  me: route({ method: 'GET', path: '/api/me', body: null, reply: MeReplySchema, errors: [401], auth: true }),
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
  })
} as const
