import { Type } from '@sinclair/typebox'
import { MemberView } from './auth'

export const MeReply = Type.Object({ member: MemberView })

/** Length is checked again after trimming by MemberService (1–20 characters). */
export const PatchMeBody = Type.Object(
  { displayName: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
)

export const JoinOrgBody = Type.Object(
  { joinCode: Type.String({ minLength: 1, maxLength: 32 }) },
  { additionalProperties: false },
)
