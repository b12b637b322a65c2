// The server's full-text index (SQLite FTS5 with the unicode61 tokenizer, see server/db/migrations/008_search.sql)
// is fed and queried with the same normalization as the device's: a text as its bigram tokens, a query as phrases.
import type { Issue } from '../issue/types'
import { normalizeText } from './normalize'

/** A normalized text as space-separated bigrams plus its last character ("红岩村" → "红岩 岩村 村"). */
export function bigramTokens(normalized: string): string {
  if (normalized.length === 0) return ''
  const out: string[] = []
  for (let i = 0; i + 1 < normalized.length; i++) out.push(normalized.slice(i, i + 2))
  out.push(normalized.slice(-1))
  return out.join(' ')
}

/** One row per article, in the issue's order: its title's and paragraphs' tokens. */
export function articleTokens(issue: Issue): Array<{ articleIndex: number; tokens: string }> {
  const rows: Array<{ articleIndex: number; tokens: string }> = []
  for (const section of issue.sections)
    for (const a of section.articles)
      rows.push({
        articleIndex: rows.length,
        tokens: [a.title ?? '', ...a.paragraphs]
          .map((t) => bigramTokens(normalizeText(t)))
          .filter(Boolean)
          .join(' ')
      })
  return rows
}

/** The FTS5 query for normalized terms: each a phrase of its bigrams (one character: a prefix), all required. */
export function ftsQuery(terms: readonly string[]): string {
  return terms
    .map((t) => (t.length === 1 ? `"${t}"*` : `"${bigramTokens(t).split(' ').slice(0, -1).join(' ')}"`))
    .join(' AND ')
}
