// 账号与设备's requests and answers (pairing, the name, joining an organization, signing other devices out): apart
// from ./account, which sign-in needs in the weapp main package, so that these go with the account page.
import type { Static } from '@sinclair/typebox'
import { DeviceNameSchema, MemberSchema } from './account'
import { Type } from './type'

/** POST /api/auth/pairing: a fresh code to enter on another device. */
export const PairingReplySchema = Type.Object({
  code: Type.String({ description: '8 characters of CODE_ALPHABET' }),
  expiresAt: Type.Integer({ description: 'epoch milliseconds' })
})
export type PairingReply = Static<typeof PairingReplySchema>

/** POST /api/auth/pairing/claim. */
export const ClaimBodySchema = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 32 }), deviceName: Type.Optional(DeviceNameSchema) },
  { additionalProperties: false }
)
export type ClaimBody = Static<typeof ClaimBodySchema>

/** PATCH /api/me. Length is checked again after trimming by the server (1–20 characters). */
export const PatchMeBodySchema = Type.Object(
  { displayName: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false }
)
export type PatchMeBody = Static<typeof PatchMeBodySchema>

/** POST /api/me/devices/sign-out-others: how many devices were signed out, and the member as it now stands. */
export const SignOutOthersReplySchema = Type.Object({ signedOut: Type.Integer({ minimum: 0 }), member: MemberSchema })
export type SignOutOthersReply = Static<typeof SignOutOthersReplySchema>

/** POST /api/orgs/join. */
export const JoinOrgBodySchema = Type.Object(
  { joinCode: Type.String({ minLength: 1, maxLength: 32 }) },
  { additionalProperties: false }
)
export type JoinOrgBody = Static<typeof JoinOrgBodySchema>
