// What the H5 pre-paint reads before the app boots, defined once: the storage keys and record shapes that the app's
// stores and content repository write, and the pure steps from them to an article on screen. The app's writers
// import the keys from ./storage-keys (without the rest of this module: on weapp the article view below belongs to
// the article page's subpackage) and the pre-paint script (src/platform/prepaint.boot.ts) bundles this module, so
// the two cannot drift apart. Small on purpose: everything here is inlined into index.html.
import type { Issue } from '../issue/types'
import { articlePath, libraryPath, parseLink } from '../routes'
import { displayTitle, locateArticle } from './navigation'
import { STORAGE_KEYS } from './storage-keys'
import { clampFontStep, typographyFor } from './typography'

export { issueFileName, STORAGE_KEYS } from './storage-keys'

/** The id of the pre-painted node: the app removes it once it has taken over. */
export const PREPAINT_ID = 'prepaint'
/** Set on <html> once the app's page has taken over or given up: a pre-paint arriving later paints nothing. */
export const PREPAINT_DONE_ATTR = 'data-prepaint-done'

/** The article the pre-paint may show, with where to scroll to. */
export interface PrepaintPlan {
  issueId: string
  articleId: string
  /** The stored copy's content hash (the catalog's). */
  hash: string
  /** Scroll position as a fraction 0..1 of the scrollable height. */
  position: number
  bodyPx: number
  titlePx: number
  metaPx: number
  /** The screen's classes, as the app's theme hook makes them. */
  screenClass: string
}

/** What the article page shows above, in and below the text: the same strings on the page and in the pre-paint. */
export interface ArticleView {
  section: string
  title: string
  meta: string
  paragraphs: string[]
  source: string | null
  next: { label: string; title: string } | null
}

const parse = (raw: string | null): unknown => {
  try {
    return raw ? JSON.parse(raw) : null
  } catch {
    return null
  }
}
/** The last article shown, with the hash of the stored copy it was shown from. */
export interface ArticleSnapshot {
  issueId: string
  articleId: string
  hash: string
  view: ArticleView
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
const field = (v: unknown, key: string): unknown => (isObject(v) ? v[key] : undefined)

/** The screen's classes for the reading settings (night, care). */
export const screenClass = (night: boolean, care: boolean): string =>
  `screen${night ? ' theme-night' : ''}${care ? ' theme-care' : ''}`

/**
 * The article to pre-paint for a page address (its hash route) and what is stored, or null: not an article route, a
 * link to a paragraph (the app lands on it), an issue not in the offline catalog, or a stored copy that the last index
 * seen online says is stale (its hash changed) — the app would not show that copy either.
 */
export function planPrepaint(href: string, read: (key: string) => string | null): PrepaintPlan | null {
  const route = parseLink(href)
  if (route.page !== 'article' || !route.issue || !route.article || route.paragraph !== undefined) return null
  const { issue: issueId, article: articleId } = route
  const hash = storedHash(read, issueId)
  if (hash === null) return null
  const settings = field(parse(read(STORAGE_KEYS.settings)), 'state')
  const night = field(settings, 'nightMode') === true
  const care = field(settings, 'careMode') === true
  const type = typographyFor(clampFontStep(field(settings, 'fontStep')), care)
  const saved = field(field(field(parse(read(STORAGE_KEYS.progress)), 'state'), 'articles'), `${issueId}/${articleId}`)
  const p = field(saved, 'position')
  const position = route.fromShare || typeof p !== 'number' || !(p >= 0 && p <= 1) ? 0 : p
  return {
    issueId,
    articleId,
    hash,
    position,
    bodyPx: type.bodyPx,
    titlePx: type.titlePx,
    metaPx: type.metaPx,
    screenClass: screenClass(night, care)
  }
}

/** The article a session was left on (STORAGE_KEYS.resume). */
export interface ResumePoint {
  issueId: string
  articleId: string
}

/**
 * Where a start without a route goes on reading: the hash routes of 书架 and, on top of it, the article the last
 * session was left on, when that article's issue is stored and current (planPrepaint). Null when the address names
 * a page (a link, a reload: that page opens) or when nothing was left open, or nothing readable is stored.
 */
export function resumeRoutes(href: string, read: (key: string) => string | null): [string, string] | null {
  const hash = href.indexOf('#')
  if (hash >= 0 && href.slice(hash + 1).replace(/\//g, '') !== '') return null
  const point = parse(read(STORAGE_KEYS.resume))
  const issueId = field(point, 'issueId')
  const articleId = field(point, 'articleId')
  if (typeof issueId !== 'string' || typeof articleId !== 'string' || !issueId || !articleId) return null
  const article = `#${articlePath(issueId, articleId)}`
  return planPrepaint(article, read) ? [`#${libraryPath()}`, article] : null
}

/**
 * The content hash of the issue's stored copy, or null when the offline catalog does not hold it or the last index
 * seen online names another hash (stale: the app would fetch it again rather than show that copy).
 */
export function storedHash(read: (key: string) => string | null, issueId: string): string | null {
  const entry = field(field(parse(read(STORAGE_KEYS.catalog)), 'entries'), issueId)
  const hash = field(entry, 'hash')
  if (typeof hash !== 'string' || !((field(entry, 'size') as number) > 0)) return null
  const index = parse(read(STORAGE_KEYS.index))
  const current = Array.isArray(index) ? index.find((s) => field(s, 'id') === issueId) : undefined
  return current !== undefined && field(current, 'hash') !== hash ? null : hash
}

/** The snapshot of the planned article, when the last one kept is of it and of the same stored copy. */
export function snapshotView(raw: string | null, plan: PrepaintPlan): ArticleView | null {
  const s = parse(raw) as Partial<ArticleSnapshot> | null
  if (!s || s.issueId !== plan.issueId || s.articleId !== plan.articleId || s.hash !== plan.hash) return null
  return validView(s.view)
}

const validView = (v: unknown): ArticleView | null => {
  const view = v as ArticleView | null
  return view &&
    [view.section, view.title, view.meta].every((x) => typeof x === 'string') &&
    Array.isArray(view.paragraphs) &&
    view.paragraphs.every((p) => typeof p === 'string') &&
    (view.source === null || typeof view.source === 'string') &&
    (view.next === null || (typeof view.next?.label === 'string' && typeof view.next.title === 'string'))
    ? view
    : null
}

/** The strings the article page shows for an article of an issue, or null when the issue does not hold it. */
export function articleView(issue: Issue, articleId: string, singlePage = false): ArticleView | null {
  const at = locateArticle(issue, articleId)
  if (!at) return null
  const { current, next } = at
  return {
    section: `【${current.sectionTitle}】`,
    title: displayTitle(current.article),
    meta: `${issue.title} · 第${issue.number}期 · 第 ${current.index + 1}/${at.total} 篇`,
    paragraphs: current.article.paragraphs,
    source: current.article.source ? `（${current.article.source}）` : null,
    next:
      next && !singlePage
        ? {
            label: `下一篇${next.sectionTitle !== current.sectionTitle ? ` · 【${next.sectionTitle}】` : ''}`,
            title: displayTitle(next.article)
          }
        : null
  }
}

/**
 * The view of a stored issue's text for the plan, or null when the text is not that issue, not readable, or does not
 * hold the article (a damaged or foreign record is never painted).
 */
export function prepaintView(text: unknown, plan: PrepaintPlan): ArticleView | null {
  try {
    const issue = typeof text === 'string' ? (JSON.parse(text) as Issue) : null
    if (!issue || issue.id !== plan.issueId || !Array.isArray(issue.sections)) return null
    return validView(articleView(issue, plan.articleId))
  } catch {
    return null
  }
}
