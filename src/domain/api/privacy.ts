import type { Static, TSchema } from '@sinclair/typebox'
import {
  AnswerFactSchema,
  BookFactSchema,
  LectureFactSchema,
  PositionFactSchema,
  ReadFactSchema,
  SessionFactSchema,
  ShareFactSchema,
  TalkFactSchema,
  ListenFactSchema
} from '../sync/facts'
import { DeviceKindSchema } from './account'
import { Type } from './type'

/** At most this many facts of one kind are listed in GET /api/me/data (the count is always the whole number). */
export const MY_DATA_ITEM_LIMIT = 2000

/** The facts of one kind: how many there are and (up to MY_DATA_ITEM_LIMIT of) the facts themselves. */
const group = <T extends TSchema>(item: T) =>
  Type.Object({ count: Type.Integer({ minimum: 0 }), items: Type.Array(item) })

/** A session (signed-in device) as stored, revoked ones included; never its token hash. */
export const StoredDeviceSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: DeviceKindSchema,
  createdAt: Type.Number(),
  /** When it was signed out or replaced; null while it is live. */
  revokedAt: Type.Union([Type.Number(), Type.Null()]),
  /** true for the device making the request. */
  current: Type.Boolean()
})
export type StoredDevice = Static<typeof StoredDeviceSchema>

/** A scored quiz attempt as stored: when, the score, and the answers counted (original letters or typed text). */
export const StoredAttemptSchema = Type.Object({
  id: Type.String(),
  bankId: Type.String(),
  startedAt: Type.Number(),
  deadline: Type.Number(),
  submittedAt: Type.Union([Type.Number(), Type.Null()]),
  total: Type.Union([Type.Number(), Type.Null()]),
  max: Type.Union([Type.Number(), Type.Null()]),
  answers: Type.Array(Type.Object({ questionId: Type.String(), answer: Type.Array(Type.String()) }))
})
export type StoredAttempt = Static<typeof StoredAttemptSchema>

/** GET /api/me/data: everything the server stores about the signed-in member. */
export const MyDataReplySchema = Type.Object({
  /** Server time of this export (epoch ms). */
  generatedAt: Type.Number(),
  member: Type.Object({ id: Type.String(), displayName: Type.String(), createdAt: Type.Number() }),
  /** WeChat identities (openid from wx.login) that sign in as this member. */
  wechat: Type.Array(
    Type.Object({ openid: Type.String(), unionid: Type.Union([Type.String(), Type.Null()]), linkedAt: Type.Number() })
  ),
  org: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  devices: Type.Array(StoredDeviceSchema),
  sync: Type.Object({
    /** App installs that have pushed progress. */
    clients: Type.Array(
      Type.Object({ clientId: Type.String(), lastMutationId: Type.Number(), updatedAt: Type.Number() })
    ),
    /** The log of changes received (applied and rejected). */
    mutations: Type.Object({ total: Type.Integer({ minimum: 0 }), rejected: Type.Integer({ minimum: 0 }) }),
    facts: Type.Object({
      reads: group(ReadFactSchema),
      sessions: group(SessionFactSchema),
      positions: group(PositionFactSchema),
      shares: group(ShareFactSchema),
      answers: group(AnswerFactSchema),
      books: group(BookFactSchema),
      lectures: group(LectureFactSchema),
      talks: group(TalkFactSchema),
      /** 听 (SPEC F6); absent from servers before it. */
      listens: Type.Optional(group(ListenFactSchema))
    })
  }),
  quiz: Type.Array(StoredAttemptSchema)
})
export type MyDataReply = Static<typeof MyDataReplySchema>
export type FactGroups = MyDataReply['sync']['facts']
