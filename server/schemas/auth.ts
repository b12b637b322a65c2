import { Type } from '@sinclair/typebox'
import { DeviceName } from './common'

export const DeviceView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.Union([Type.Literal('wechat'), Type.Literal('device'), Type.Literal('paired')]),
  createdAt: Type.Integer({ description: 'epoch milliseconds' }),
  current: Type.Boolean(),
})

export const MemberView = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  org: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  devices: Type.Array(DeviceView),
})

/** Answer of every sign-in route. */
export const SignInReply = Type.Object({ token: Type.String(), member: MemberView })

export const WechatBody = Type.Object(
  // wx.login codes are 32 printable ASCII characters today; leave room but refuse anything exotic.
  { code: Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' }) },
  { additionalProperties: false },
)

export const DeviceBody = Type.Object({ deviceName: Type.Optional(DeviceName) }, { additionalProperties: false })

export const PairingReply = Type.Object({
  code: Type.String({ description: '8 characters from 23456789ABCDEFGHJKMNPQRSTUVWXYZ' }),
  expiresAt: Type.Integer({ description: 'epoch milliseconds' }),
})

export const ClaimBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 32 }), deviceName: Type.Optional(DeviceName) },
  { additionalProperties: false },
)
