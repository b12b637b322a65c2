import type { Static } from '@sinclair/typebox'
import { CAPS } from '../sync/caps'
import { FactsSchema } from '../sync/facts'
import { MutationSchema } from '../sync/mutations'
import { Type } from './type'

/** POST /api/sync/push (SPEC P1–P5). */
export const PushBodySchema = Type.Object(
  { mutations: Type.Array(MutationSchema, { minItems: 1, maxItems: CAPS.MAX_BATCH }) },
  { additionalProperties: false }
)
const LastMutationIds = Type.Record(Type.String(), Type.Integer({ minimum: 0 }))
export const PushReplySchema = Type.Object({
  applied: Type.Integer(),
  skipped: Type.Integer(),
  rejected: Type.Array(Type.Object({ clientId: Type.String(), id: Type.Integer(), reason: Type.String() })),
  gap: Type.Union([
    Type.Null(),
    Type.Object({ clientId: Type.String(), lastMutationId: Type.Integer(), got: Type.Integer() })
  ]),
  lastMutationIds: LastMutationIds
})

/** POST /api/sync/pull (SPEC L1). */
export const PullBodySchema = Type.Object({ cookie: Type.Integer({ minimum: 0 }) }, { additionalProperties: false })
export const PullReplySchema = Type.Object({
  facts: FactsSchema,
  lastMutationIds: LastMutationIds,
  cookie: Type.Integer()
})

export type PushBody = Static<typeof PushBodySchema>
export type PushReply = Static<typeof PushReplySchema>
export type PullBody = Static<typeof PullBodySchema>
export type PullReply = Static<typeof PullReplySchema>
