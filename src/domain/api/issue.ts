import type { Static } from '@sinclair/typebox'
import { Type } from './type'

// The issue model as published by the server and stored offline by the app. Objects stay open (extra fields
// allowed), so an older app still reads an issue a newer importer wrote.

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'ISO date YYYY-MM-DD' })
const NullableString = Type.Union([Type.String(), Type.Null()])
const NullableStrings = Type.Union([Type.Array(Type.String()), Type.Null()])

/** A position in the source text that a warning or error points at (1-based). */
export const ImportWarningSchema = Type.Object({
  line: Type.Integer(),
  message: Type.String()
})

/**
 * The distribution block at the end of an issue. Lists come from the 报/送/发 (and 抄送, into sendTo) lines, split at
 * ，；and spaces — and at 、 only when nothing else separates them (「各省级、副省级城市党史部门」 is one recipient).
 */
export const FooterSchema = Type.Object({
  reportTo: NullableStrings,
  sendTo: NullableStrings,
  distributeTo: NullableStrings,
  editorInCharge: NullableString,
  phone: NullableString,
  email: NullableString,
  copies: Type.Union([Type.Integer(), Type.Null()]),
  /** 「2020年6月9日印发」 as YYYY-MM-DD; absent when the footer has no such line. */
  printedOn: Type.Optional(IsoDate),
  /** 承办单位; absent when the footer has none. */
  undertaker: Type.Optional(Type.String())
})

/**
 * An audio file attached to an article or a campaign lecture (听): a reading or a lecture recording. The file is
 * content-addressed (its name is its SHA-256), so the URL never changes meaning and may be cached for good.
 */
export const AudioRefSchema = Type.Object({
  /** Path on the API server, e.g. /media/audio/<sha256>.mp3 (the app prefixes its API base). */
  url: Type.String(),
  /** audio/mpeg, audio/mp4, audio/aac or audio/wav. */
  mime: Type.String(),
  bytes: Type.Integer({ minimum: 1 }),
  /** SHA-256 (hex) of the file: its name, its ETag, and what an offline copy is checked against. */
  sha256: Type.String(),
  /** Length in seconds, when the publisher could tell it from the file. */
  durationSec: Type.Optional(Type.Number({ minimum: 0 }))
})

export const ArticleSchema = Type.Object({
  /** Stable: the same input text gives the same id. Used in deep links. */
  id: Type.String(),
  /** null for short-news items (信息短波) that have no title. */
  title: NullableString,
  paragraphs: Type.Array(Type.String()),
  /** The attributing unit without brackets or 供稿, e.g. 市委党史研究室办公室. */
  source: NullableString,
  /** The writer named after the unit, as in （单位 姓名供稿）; absent otherwise. */
  author: Type.Optional(Type.String()),
  /** An audio reading attached by the organizer (npm run publish -- --audio); absent otherwise. */
  audio: Type.Optional(AudioRefSchema)
})

export const SectionSchema = Type.Object({
  title: Type.String(),
  articles: Type.Array(ArticleSchema)
})

/** What an issue and its index row both say about it: the masthead. */
const IssueHead = {
  /** Chosen by the caller (the publishing path uses the file name without extension). */
  id: Type.String(),
  /** 刊名, e.g. 重庆党史工作 */
  title: Type.String(),
  /** 期 */
  number: Type.Integer(),
  /** 总期, or null when the issue line has none. */
  totalNumber: Type.Union([Type.Integer(), Type.Null()]),
  /** ISO date YYYY-MM-DD */
  publishedOn: IsoDate,
  /** 编者, e.g. 中共重庆市委党史研究室 */
  editor: NullableString,
  /** true for a 增刊 (supplement), numbered apart. */
  supplement: Type.Boolean()
}

/** A whole issue: GET /api/issues/:id, and what the app keeps offline. */
export const IssueSchema = Type.Object({
  ...IssueHead,
  /** Markings printed above the title (内部资料, 注意保存, 秘密 …); absent when there are none. */
  markings: Type.Optional(Type.Array(Type.String())),
  /** 签发人; absent when the masthead names none. */
  signer: Type.Optional(Type.String()),
  sections: Type.Array(SectionSchema),
  footer: FooterSchema,
  warnings: Type.Array(ImportWarningSchema)
})

/** One row of the content index: what the library shows before the issue itself is fetched. */
export const IssueSummarySchema = Type.Object({
  ...IssueHead,
  sectionTitles: Type.Array(Type.String()),
  articleCount: Type.Integer(),
  /** Size in bytes of the issue's JSON. */
  size: Type.Integer(),
  /** Content hash of the issue's JSON (hex), changes whenever the issue changes. */
  hash: Type.String()
})

/** GET /api/issues: the index, newest first. */
export const IssueIndexSchema = Type.Array(IssueSummarySchema)

export type ImportWarning = Static<typeof ImportWarningSchema>
export type Footer = Static<typeof FooterSchema>
export type Article = Static<typeof ArticleSchema>
export type AudioRef = Static<typeof AudioRefSchema>
export type Section = Static<typeof SectionSchema>
export type Issue = Static<typeof IssueSchema>
export type IssueSummary = Static<typeof IssueSummarySchema>
