import type { Static } from '@sinclair/typebox'
import { Type } from './type'
import { MemberSchema } from './account'
import { IssueSummarySchema } from './issue'
import { FONT_STEPS } from '../reading/typography'

// What the app keeps in storage between runs. A record restored from storage is checked against its schema
// (it may come from an older version or be damaged); a bad one falls back to defaults, never crashes start-up.

const Millis = Type.Number({ description: 'epoch milliseconds' })

/** Reading settings, under `settings`. */
export const SettingsRecordSchema = Type.Object({
  /** Index into FONT_STEPS. */
  fontStep: Type.Integer({ minimum: 0, maximum: FONT_STEPS.length - 1 }),
  careMode: Type.Boolean(),
  nightMode: Type.Boolean()
})
export type SettingsRecord = Static<typeof SettingsRecordSchema>

/** Reading progress of one article. */
export const ArticleProgressSchema = Type.Object({
  issueId: Type.String(),
  articleId: Type.String(),
  /** Scroll position as a fraction 0..1 of the article's scrollable height. */
  position: Type.Number({ minimum: 0, maximum: 1 }),
  /** When the position was last changed (ms since epoch, supplied by the caller). */
  positionAt: Millis,
  read: Type.Boolean(),
  /** First time the article was marked read, or null. */
  readAt: Type.Union([Millis, Type.Null()]),
  /** Total reading time in ms. */
  timeSpentMs: Type.Number({ minimum: 0 }),
  updatedAt: Millis
})
export type ArticleProgress = Static<typeof ArticleProgressSchema>

/** Reading progress by `issueId/articleId`, under `progress`. */
export const ProgressRecordSchema = Type.Object({ articles: Type.Record(Type.String(), ArticleProgressSchema) })
export type ProgressRecord = Static<typeof ProgressRecordSchema>

/** Who is signed in on this device, under `session`: both a token and its member, or neither. */
export const SessionRecordSchema = Type.Union([
  Type.Object({ token: Type.String(), member: MemberSchema }),
  Type.Object({ token: Type.Null(), member: Type.Null() })
])
export type SessionRecord = Static<typeof SessionRecordSchema>

/** What the offline store knows of one stored issue. */
export const CacheEntrySchema = Type.Object({
  id: Type.String(),
  hash: Type.String(),
  size: Type.Integer({ minimum: 0 }),
  /** Downloaded by the reader on purpose: never evicted to make room. */
  downloaded: Type.Boolean(),
  lastReadAt: Millis,
  savedAt: Millis
})
export type CacheEntry = Static<typeof CacheEntrySchema>

/** The offline catalog, under `content.catalog`: which issues the file store holds, and their summaries. */
export const CatalogSchema = Type.Object({
  entries: Type.Record(Type.String(), CacheEntrySchema),
  summaries: Type.Record(Type.String(), IssueSummarySchema)
})
export type Catalog = Static<typeof CatalogSchema>

/** The last issue index seen online (library), kept as a cache for offline start-up. */
export { IssueIndexSchema as LibraryRecordSchema } from './issue'
