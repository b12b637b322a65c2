// Every deep link of the app, built and parsed in one place. Pure: no URL/URLSearchParams (absent on weapp).
import { decodeQueryValue } from './format'

/** The app's pages, as Taro paths. */
export const PAGES = {
  library: '/pages/library/index',
  issue: '/pages/issue/index',
  article: '/pages/article/index',
  me: '/pages/me/index',
  offline: '/pages/offline/index',
  // 账号与设备 (from 我的): a subpackage on weapp (root pages/account).
  account: '/pages/account/index',
  // The quiz: a subpackage on weapp (root pages/quiz).
  quiz: '/pages/quiz/home/index',
  practice: '/pages/quiz/practice/index',
  contest: '/pages/quiz/contest/index',
  result: '/pages/quiz/result/index',
  // 我的数据: a subpackage on weapp (root pages/privacy).
  myData: '/pages/privacy/data/index',
  // 组织情况: a subpackage on weapp (root pages/org).
  org: '/pages/org/index',
  // The campaign (读党史、守初心、担使命): a subpackage on weapp (root pages/campaign).
  campaign: '/pages/campaign/index/index',
  // 发布简报 (organization admins): a subpackage on weapp (root pages/publish).
  publish: '/pages/publish/index',
  // 搜索: a subpackage on weapp (root pages/search).
  search: '/pages/search/index'
} as const

export type PageName = keyof typeof PAGES

/** A deep link, parsed: one parameter name per concept (`issue` for the issue id, `article` for the article id). */
export type Route =
  | {
      page:
        | 'library'
        | 'me'
        | 'offline'
        | 'account'
        | 'quiz'
        | 'practice'
        | 'contest'
        | 'result'
        | 'myData'
        | 'org'
        | 'campaign'
        | 'publish'
        | 'search'
    }
  | { page: 'issue'; issue: string | undefined }
  | {
      page: 'article'
      issue: string | undefined
      article: string | undefined
      fromShare: boolean
      /** A paragraph to open at (0-based index into the article's paragraphs), from `p=`. */
      paragraph: number | undefined
    }
  | { page: 'unknown'; path: string }

export type QueryParams = Record<string, string | undefined>

/** `a=1&b=2` from the defined values, each encoded; empty when there are none. */
export function buildQuery(params: Record<string, string | undefined | null>): string {
  return Object.keys(params)
    .filter((k) => params[k] !== undefined && params[k] !== null)
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(params[k] as string)}`)
    .join('&')
}

/** The parameters of a query string (with or without its `?`), decoded; a malformed escape is kept as it came. */
export function parseQuery(query: string): Record<string, string> {
  const out: Record<string, string> = {}
  const start = query.indexOf('?')
  const hash = query.indexOf('#', start + 1)
  const body = query.slice(start + 1, hash >= 0 ? hash : undefined)
  for (const part of body.split('&')) {
    if (!part) continue
    const eq = part.indexOf('=')
    const key = decodeQueryValue(eq < 0 ? part : part.slice(0, eq))
    // The first value wins: a link with a parameter twice is read as its first author wrote it.
    if (key && !(key in out)) out[key] = decodeQueryValue(eq < 0 ? '' : part.slice(eq + 1))
  }
  return out
}

/** Page parameters as a router hands them over (Taro leaves them encoded on H5), decoded once. */
export function decodeParams(params: Record<string, unknown>): QueryParams {
  const out: QueryParams = {}
  for (const key of Object.keys(params)) {
    const v = params[key]
    out[key] = typeof v === 'string' ? decodeQueryValue(v) : undefined
  }
  return out
}

const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path)
const nonEmpty = (v: string | undefined) => (v === undefined || v === '' ? undefined : v)

export const libraryPath = (): string => PAGES.library
export const mePath = (): string => PAGES.me
export const offlinePath = (): string => PAGES.offline
/** 我的 → 账号与设备. */
export const accountPath = (): string => PAGES.account

/** 答题: the banks, practice, the 错题本 and the 百题竞答. */
export const quizPath = (): string => PAGES.quiz
export const myDataPath = (): string => PAGES.myData
/** 组织情况: the member's organization, the ranking, and for admins the member lines and the export. */
export const orgPath = (): string => PAGES.org
/** The practice round on the device (started on the quiz page). */
export const practicePath = (bankId: string): string => withQuery(PAGES.practice, buildQuery({ bank: bankId }))
/** The scored attempt at a bank. */
export const contestPath = (bankId: string): string => withQuery(PAGES.contest, buildQuery({ bank: bankId }))
/** The score and the review of a scored attempt. */
export const resultPath = (bankId: string): string => withQuery(PAGES.result, buildQuery({ bank: bankId }))
/** The bank id of a quiz page's parameters. */
export const bankParam = (params: QueryParams): string | undefined => nonEmpty(params.bank)

/** The campaign: its phases on a timeline and the member's progress in each. */
export const campaignPath = (): string => PAGES.campaign

/** 发布简报: an organization admin previews an issue file and publishes it. */
export const publishPath = (): string => PAGES.publish
/** 搜索 across the issues on the device (and the server's when online); `q=` runs a query at once. */
export const searchPath = (query?: string): string =>
  withQuery(PAGES.search, buildQuery({ q: query === undefined || query === '' ? undefined : query }))

/** The contents of an issue: `/pages/issue/index?issue=ID`. */
export const issuePath = (issueId: string): string => withQuery(PAGES.issue, buildQuery({ issue: issueId }))

export interface ArticleLinkOptions {
  /** A shared link: opens at the top rather than where the reader was. */
  fromShare?: boolean
  /** Opens at this paragraph (0-based index into the article's paragraphs) and highlights it: `p=<n>`. */
  paragraph?: number
}

/** An article; a shared link carries `from=share`, a link to one of its paragraphs `p=<n>`. */
export function articlePath(issueId: string, articleId: string, opts: ArticleLinkOptions = {}): string {
  return withQuery(PAGES.article, articleQuery(issueId, articleId, opts))
}

function articleQuery(issueId: string, articleId: string, opts: ArticleLinkOptions = {}): string {
  const p = opts.paragraph
  return buildQuery({
    issue: issueId,
    article: articleId,
    from: opts.fromShare ? 'share' : undefined,
    p: p !== undefined && paragraphParam(String(p)) === p ? String(p) : undefined
  })
}

/** weapp `onShareAppMessage` path (and H5's shared link path) for an article. */
export const articleSharePath = (issueId: string, articleId: string): string =>
  articlePath(issueId, articleId, { fromShare: true })

/** weapp `onShareTimeline` query for an article (Moments opens the sharing page itself with it). */
export const articleShareQuery = (issueId: string, articleId: string): string =>
  articleQuery(issueId, articleId, { fromShare: true })

/** weapp `onShareAppMessage` path for an issue's contents. */
export const issueSharePath = (issueId: string): string => issuePath(issueId)

/** The H5 link for an app path: the page's address (origin + pathname) and the hash route. */
export function h5Link(base: string, path: string): string {
  const at = base.indexOf('#')
  return `${at >= 0 ? base.slice(0, at) : base}#${path.startsWith('/') ? path : `/${path}`}`
}

/** The issue id of an issue page's parameters; `id` is the name older links used. */
export function issueParam(params: QueryParams): string | undefined {
  return nonEmpty(params.issue) ?? nonEmpty(params.id)
}

/** A paragraph index as a link writes it: digits only (no sign, point or exponent); anything else is no paragraph. */
export function paragraphParam(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,9}$/.test(value.trim())) return undefined
  return Number(value.trim())
}

/** The parameters of an article page. */
export function articleParams(params: QueryParams): {
  issue: string | undefined
  article: string | undefined
  fromShare: boolean
  paragraph: number | undefined
} {
  return {
    issue: issueParam(params),
    article: nonEmpty(params.article),
    fromShare: params.from === 'share',
    paragraph: paragraphParam(params.p)
  }
}

/** Which page a path names (`/pages/x/index`, `pages/x/index`, with or without a query), or null. */
function pageOf(path: string): PageName | null {
  const clean = `/${path
    .replace(/^[#/]+/, '')
    .split('?')[0]
    .replace(/\/+$/, '')}`
  const names = Object.keys(PAGES) as PageName[]
  return names.find((name) => PAGES[name] === clean) ?? null
}

/** The route a page path and its parameters name (for the launch options and the page's own parameters). */
export function routeOf(path: string, params: QueryParams): Route {
  const page = pageOf(path)
  if (page === 'issue') return { page, issue: issueParam(params) }
  if (page === 'article') return { page, ...articleParams(params) }
  if (page === null) return { page: 'unknown', path }
  return { page }
}

/**
 * A link parsed: an H5 link (`https://host/#/pages/article/index?issue=…`), a hash route, or an app path with
 * its query. The site root (no route) is the library, as it is for the app.
 */
export function parseLink(link: string): Route {
  // The first `#` starts the hash route, unless a query came before it (then it is a trailing fragment).
  const first = link.indexOf('#')
  const hash = first >= 0 && !link.slice(0, first).includes('?') ? first : -1
  let route = hash >= 0 ? link.slice(hash + 1) : link
  const fragment = route.indexOf('#')
  if (fragment >= 0) route = route.slice(0, fragment)
  if (hash < 0 && /^[a-z]+:\/\//i.test(route)) route = route.replace(/^[a-z]+:\/\/[^/]*/i, '')
  const q = route.indexOf('?')
  const path = q >= 0 ? route.slice(0, q) : route
  if (path.replace(/[/#]/g, '') === '' || path === '/index.html') return { page: 'library' }
  return routeOf(path, parseQuery(q >= 0 ? route.slice(q) : ''))
}
