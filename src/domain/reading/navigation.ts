import type { Article, Issue } from '../issue/types'

/** An article with where it stands in its issue: used for previous/next across section boundaries. */
export interface ArticleRef {
  sectionIndex: number
  sectionTitle: string
  index: number
  article: Article
}

/** All articles of an issue in reading order, sections flattened. */
export function readingOrder(issue: Issue): ArticleRef[] {
  const out: ArticleRef[] = []
  issue.sections.forEach((section, sectionIndex) => {
    for (const article of section.articles)
      out.push({ sectionIndex, sectionTitle: section.title, index: out.length, article })
  })
  return out
}

/** The article and its neighbours in reading order; null when the id is not in the issue. */
export function locateArticle(
  issue: Issue,
  articleId: string
): { current: ArticleRef; previous: ArticleRef | null; next: ArticleRef | null; total: number } | null {
  const order = readingOrder(issue)
  const i = order.findIndex((r) => r.article.id === articleId)
  if (i < 0) return null
  return { current: order[i], previous: order[i - 1] ?? null, next: order[i + 1] ?? null, total: order.length }
}

const TITLE_CHARS = 18

/** A title for display: short-news items have none, so their first words stand in. */
export function displayTitle(article: Article): string {
  if (article.title) return article.title
  const first = (article.paragraphs[0] ?? '').replace(/\s+/g, '')
  const text = first.slice(0, TITLE_CHARS)
  return first.length > text.length ? `${text}…` : text
}

/** Number of characters a reader sees in the article (for reading-time estimates). */
export function articleLength(article: Article): number {
  return article.paragraphs.reduce((n, p) => n + p.length, 0) + (article.title?.length ?? 0)
}
