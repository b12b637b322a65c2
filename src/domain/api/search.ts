import type { Static } from '@sinclair/typebox'
import { Type } from './type'

// 搜索: one shape for a hit, whether the device's index found it or the server's (GET /api/search?q=).

/** A range [start, end) of a text to highlight. */
export const HighlightSchema = Type.Tuple([Type.Integer({ minimum: 0 }), Type.Integer({ minimum: 0 })])

export const SearchHitSchema = Type.Object({
  issueId: Type.String(),
  /** 刊名 and the issue's number, as the library shows them. */
  issueTitle: Type.String(),
  number: Type.Integer(),
  totalNumber: Type.Union([Type.Integer(), Type.Null()]),
  supplement: Type.Boolean(),
  publishedOn: Type.String(),
  articleId: Type.String(),
  /** null for a 信息短波 item, which has no title. */
  articleTitle: Type.Union([Type.String(), Type.Null()]),
  section: Type.String(),
  /** The paragraph the snippet is from (0-based, the article link's `p=`), or null when only the title matched. */
  paragraph: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  /** A piece of that paragraph around the first match (… where cut), and the matched ranges in it. */
  snippet: Type.String(),
  highlights: Type.Array(HighlightSchema),
  /** The matched ranges in the article's title. */
  titleHighlights: Type.Array(HighlightSchema),
  /** Every word of the query is in the title (such hits come first). */
  inTitle: Type.Boolean()
})
export type SearchHit = Static<typeof SearchHitSchema>

/**
 * GET /api/search?q=&limit=: `q` as typed (at most 64 characters, 6 words: checked by the server, which answers 400
 * with a sentence), `limit` hits at most (1–100, default 20).
 */
export const SearchQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String()),
    limit: Type.Optional(Type.String({ pattern: '^([1-9][0-9]?|100)$' }))
  },
  { additionalProperties: false }
)

export const SearchReplySchema = Type.Object({
  query: Type.String(),
  /** The best hits, titles first, newer issues first. */
  hits: Type.Array(SearchHitSchema),
  /** More articles match than `hits` holds (the list was cut at its limit). */
  more: Type.Boolean()
})
export type SearchReply = Static<typeof SearchReplySchema>
