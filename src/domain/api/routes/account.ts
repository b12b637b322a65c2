import { route } from '../route'
import { MeReplySchema, SignInReplySchema } from '../account'
import {
  ClaimBodySchema,
  JoinOrgBodySchema,
  PairingReplySchema,
  PatchMeBodySchema,
  SignOutOthersReplySchema
} from '../account-actions'

/** 账号与设备: pairing, the name, the organization, the member's devices (pages/account). */
export const ACCOUNT_ROUTES = {
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
  rename: route({
    method: 'PATCH',
    path: '/api/me',
    body: PatchMeBodySchema,
    reply: MeReplySchema,
    errors: [400, 401],
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
  })
} as const
