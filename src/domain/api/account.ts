import type { Static } from '@sinclair/typebox'
import { Type } from './type'

/** A device name as a client reports it (e.g. "iPhone Safari"). */
export const DeviceNameSchema = Type.String({ minLength: 1, maxLength: 40 })

/** `{ok: true}`: health and logout. */
export const OkSchema = Type.Object({ ok: Type.Literal(true) })
export type Ok = Static<typeof OkSchema>

export const DeviceKindSchema = Type.Union([Type.Literal('wechat'), Type.Literal('device'), Type.Literal('paired')])
export type DeviceKind = Static<typeof DeviceKindSchema>

/** A signed-in device as the member sees it. */
export const DeviceSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: DeviceKindSchema,
  createdAt: Type.Integer({ description: 'epoch milliseconds' }),
  /** Last use, to the day (renewed at most daily); absent from servers and stored answers older than it. */
  lastUsedAt: Type.Optional(Type.Integer({ description: 'epoch milliseconds' })),
  /** true for the device making the request. */
  current: Type.Boolean()
})
export type Device = Static<typeof DeviceSchema>

/** The member as sign-in routes and GET /api/me describe them. */
export const MemberSchema = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  org: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  devices: Type.Array(DeviceSchema)
})
export type Member = Static<typeof MemberSchema>

/** Answer of every sign-in route. */
export const SignInReplySchema = Type.Object({ token: Type.String(), member: MemberSchema })
export type SignInReply = Static<typeof SignInReplySchema>

/** POST /api/auth/wechat. */
export const WechatSignInBodySchema = Type.Object(
  // wx.login codes are 32 printable ASCII characters today; leave room but refuse anything exotic.
  { code: Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' }) },
  { additionalProperties: false }
)
export type WechatSignInBody = Static<typeof WechatSignInBodySchema>

/** POST /api/auth/device (the body may also be absent). */
export const DeviceSignInBodySchema = Type.Object(
  { deviceName: Type.Optional(DeviceNameSchema) },
  { additionalProperties: false }
)
export type DeviceSignInBody = Static<typeof DeviceSignInBodySchema>

/** GET/PATCH /api/me and POST /api/orgs/join. */
export const MeReplySchema = Type.Object({ member: MemberSchema })
export type MeReply = Static<typeof MeReplySchema>
