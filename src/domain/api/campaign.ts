import type { Static } from '@sinclair/typebox'
import { Type } from './type'
import { AudioRefSchema } from './issue'

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'ISO date YYYY-MM-DD' })
const NullableIsoDate = Type.Union([IsoDate, Type.Null()])

/** The four phases of a campaign, always in this order: 读, 听, 讲, 答. */
export const PhaseKeySchema = Type.Union([
  Type.Literal('read'),
  Type.Literal('listen'),
  Type.Literal('talk'),
  Type.Literal('answer')
])
export type PhaseKey = Static<typeof PhaseKeySchema>

export const CampaignPhaseSchema = Type.Object({
  key: PhaseKeySchema,
  /** 读 / 听 / 讲 / 答 */
  name: Type.String(),
  /** What members are asked to do, as the organizer wrote it. */
  tasks: Type.Array(Type.String()),
  /** The phase's own window; null: the campaign's. */
  start: NullableIsoDate,
  end: NullableIsoDate,
  /** 答 only: the question bank whose scored quiz this phase opens (null for the other phases). */
  bankId: Type.Union([Type.String(), Type.Null()])
})
export type CampaignPhase = Static<typeof CampaignPhaseSchema>

/** A recommended book (读), listed by the organizer. */
export const CampaignBookSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  author: Type.Union([Type.String(), Type.Null()])
})
export type CampaignBook = Static<typeof CampaignBookSchema>

/** A lecture (听): who speaks, on what, when. */
export const CampaignLectureSchema = Type.Object({
  id: Type.String(),
  speaker: Type.String(),
  topic: Type.String(),
  date: IsoDate,
  /** A recording of the lecture (npm run campaign installs the file named in the definition); absent otherwise. */
  audio: Type.Optional(AudioRefSchema)
})
export type CampaignLecture = Static<typeof CampaignLectureSchema>

/** A campaign as content/campaigns/*.json defines it (after validation) and GET /api/campaigns serves it. */
export const CampaignSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  organizer: Type.String(),
  /** Who takes part, in the organizer's words; null when not said. */
  scope: Type.Union([Type.String(), Type.Null()]),
  /** Where the definition comes from (e.g. the issue that announced it); null when not said. */
  source: Type.Union([Type.String(), Type.Null()]),
  start: IsoDate,
  end: IsoDate,
  phases: Type.Array(CampaignPhaseSchema),
  books: Type.Array(CampaignBookSchema),
  lectures: Type.Array(CampaignLectureSchema)
})
export type Campaign = Static<typeof CampaignSchema>

/** GET /api/campaigns */
export const CampaignsReplySchema = Type.Object({ campaigns: Type.Array(CampaignSchema) })
export type CampaignsReply = Static<typeof CampaignsReplySchema>
