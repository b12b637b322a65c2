import type { Issue } from '../issue/types'
import type { Parsed } from './answers'
import type { ArticleSource, FactSource, Source } from './schema'
import { foldWidth, squeeze } from './text'

/** Where a question's 出处 points, before the article quote is looked up in the issues. */
export type SourceRef = { kind: 'article'; issue: string; quote: string } | FactSource

const FORMAT_HELP =
  '出处应写成 期号「引文」（如 chongqing-dangshi-gongzuo-2020-02「……」或《重庆党史工作》2020年第2期「……」）' +
  '或 《标题》，发布单位，日期（如 《中国共产党简史》，人民出版社，2021年2月）'

/** Reads an 出处 cell: an issue followed by a quote in 「」, or `《title》，publisher，date`. */
export function parseSourceText(raw: string): Parsed<SourceRef> {
  const text = raw.trim()
  if (text === '') return { ok: false, message: '出处为空（' + FORMAT_HELP + '）' }
  const article = /^([^「]*)「([\s\S]*)」$/.exec(text)
  if (article) {
    const issue = article[1].trim()
    const quote = article[2].trim()
    if (issue === '') return { ok: false, message: `出处没有写明哪一期：${FORMAT_HELP}` }
    if (quote === '') return { ok: false, message: '出处的引文「」是空的' }
    return { ok: true, value: { kind: 'article', issue, quote } }
  }
  const fact = /^《([^》]+)》\s*[,，]\s*([\s\S]+)[,，]\s*([^,，]+)$/.exec(text)
  if (fact) {
    const publisher = fact[2].trim()
    const date = parseDate(fact[3])
    if (publisher === '') return { ok: false, message: `出处没有写发布单位：${FORMAT_HELP}` }
    if (date === null) {
      return {
        ok: false,
        message: `出处的日期 "${fact[3].trim()}" 看不懂（可写 2021年2月、2021年2月20日 或 2021-02-20）`
      }
    }
    return { ok: true, value: { kind: 'fact', title: fact[1].trim(), publisher, date } }
  }
  return { ok: false, message: `出处 "${text}" 格式不对：${FORMAT_HELP}` }
}

/** 2021年、2021年2月、2021年2月20日、2021-02、2021-02-20 (also with / or .) → YYYY[-MM[-DD]], or null. */
export function parseDate(raw: string): string | null {
  const t = foldWidth(raw).trim()
  const m =
    /^(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?)?$/.exec(t) ??
    /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(t)
  if (!m) return null
  const [, y, mo, d] = m
  if (mo === undefined) return y
  const month = Number(mo)
  if (month < 1 || month > 12) return null
  const mm = String(month).padStart(2, '0')
  if (d === undefined) return `${y}-${mm}`
  const day = Number(d)
  const year = Number(y)
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  if (day < 1 || day > days) return null
  return `${y}-${mm}-${String(day).padStart(2, '0')}`
}

/** How an issue is named in 出处: its id, or 《刊名》[YYYY年]第N期 (增刊 too). */
export function findIssue(ref: string, issues: readonly Issue[]): Parsed<Issue> {
  const byId = issues.find((i) => i.id === ref)
  if (byId) return { ok: true, value: byId }
  const m = /^《([^》]+)》\s*(?:(\d{4})\s*年)?\s*(增刊)?\s*(?:第\s*(\d+)\s*期)$/.exec(foldWidth(ref).trim())
  if (!m)
    return {
      ok: false,
      message: `出处中的期 "${ref}" 找不到（应为期号如 chongqing-dangshi-gongzuo-2020-02，或《刊名》2020年第2期）`
    }
  const [, title, year, supplement, number] = m
  const found = issues.filter(
    (i) =>
      i.title === title.trim() &&
      i.number === Number(number) &&
      i.supplement === (supplement !== undefined) &&
      (year === undefined || i.publishedOn.startsWith(year))
  )
  if (found.length === 0) return { ok: false, message: `出处中的期 "${ref}" 找不到` }
  if (found.length > 1) {
    return {
      ok: false,
      message: `出处中的 "${ref}" 对应多期（${found.map((i) => i.id).join('、')}），请写明年份或期号`
    }
  }
  return { ok: true, value: found[0] }
}

/** Finds the article and paragraph that contain `quote` verbatim, ignoring whitespace. */
export function findQuote(issue: Issue, quote: string): Omit<ArticleSource, 'kind' | 'issueId' | 'quote'> | null {
  const needle = squeeze(quote)
  if (needle === '') return null
  for (const section of issue.sections) {
    for (const article of section.articles) {
      const paragraph = article.paragraphs.findIndex((p) => squeeze(p).includes(needle))
      if (paragraph >= 0) return { articleId: article.id, paragraph }
    }
  }
  return null
}

/** Resolves an 出处 cell against the issues: the source, or what is wrong with it. */
export function resolveSource(raw: string, issues: readonly Issue[], issuesLabel: string): Parsed<Source> {
  const ref = parseSourceText(raw)
  if (!ref.ok) return ref
  if (ref.value.kind === 'fact') return { ok: true, value: ref.value }
  const { issue: name, quote } = ref.value
  const issue = findIssue(name, issues)
  if (!issue.ok) return { ok: false, message: `${issue.message}（在 ${issuesLabel} 中查找）` }
  const at = findQuote(issue.value, quote)
  if (!at) return { ok: false, message: `出处的引文在 ${issue.value.id} 中找不到：「${quote}」` }
  const { articleId, paragraph } = at
  return { ok: true, value: { kind: 'article', issueId: issue.value.id, articleId, paragraph, quote } }
}
