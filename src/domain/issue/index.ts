import { parseBody, type BodyRole, type RawSection } from './body'
import { parseContents } from './contents'
import { canonicalizeSections } from './families'
import { IssueParseError } from './errors'
import { findFooterStart, parseFooter } from './footer'
import { fnv1a32 } from './hash'
import { lintAttributionWidths, lintBracketPairs, lintLatinWords, lintUnusedEntries } from './lint'
import { parseMasthead } from './masthead'
import { droppedLineKind, normalizeText } from './normalize'
import type { Line } from './normalize'
import type { Article, ImportWarning, Issue, Section } from './types'

export { IssueParseError, isIssueParseError } from './errors'
export { fnv1a32, utf8Length } from './hash'
export { compareSummaries, serializeIssue, summarizeIssue } from './summary'
export type { Article, Footer, ImportWarning, Issue, IssueSummary, Section } from './types'

/** Options for parseIssue. */
export interface ParseOptions {
  /** The issue id (the content builder and the CLI use the file name without extension). */
  id: string
}

/** What parseIssueDetailed returns besides the issue: the page-split paragraphs that were joined back. */
export interface ParseDetails {
  issue: Issue
  joins: Array<{ line: number; next: number }>
  /** What each line of the input was read as, in file order (blank lines left out). */
  explained: ExplainedLine[]
}

/** How the importer read one line, for `npm run import -- --explain`. */
export interface ExplainedLine {
  line: number
  kind: LineKind
  text: string
}

/** The classes `--explain` prints. */
export type LineKind = 'masthead' | 'toc' | BodyRole | 'page line' | 'ornament' | 'footer' | 'unread'

/**
 * Parses a newsletter's text into an Issue. Throws only IssueParseError (with a 1-based line), whatever the input.
 */
export function parseIssue(text: string, opts: ParseOptions): Issue {
  return parseIssueDetailed(text, opts).issue
}

/** parseIssue, also reporting which lines were joined as halves of a page-split paragraph. */
export function parseIssueDetailed(text: string, opts: ParseOptions): ParseDetails {
  try {
    return parse(text, opts)
  } catch (e) {
    if (e instanceof IssueParseError) throw e
    // A bug must still surface as the importer's own error, so that callers need one catch and one format.
    const detail = e instanceof Error ? e.message : String(e)
    throw new IssueParseError(1, `导入程序内部错误（请把此文件交给开发人员）：${detail}`)
  }
}

function parse(text: string, opts: ParseOptions): ParseDetails {
  const normalized = normalizeText(text)
  const lineCount = normalized.lineCount
  const lines = canonicalizeSections(normalized.lines)
  const masthead = parseMasthead(lines, lineCount)
  const footerStart = findFooterStart(lines, masthead.end)
  const contents = parseContents(lines, masthead.end, footerStart)
  const warnings: ImportWarning[] = [...masthead.warnings]
  const body = parseBody(lines, contents.bodyStart, footerStart, contents, warnings)
  if (!body.sections.some((s) => s.articles.length > 0)) {
    const at = lines[contents.bodyStart] ?? lines[lines.length - 1]
    throw new IssueParseError(at?.no ?? 1, '正文中找不到文章（刊头和目录之后应有标题、段落和署名）')
  }
  const footer = parseFooter(lines, footerStart, warnings)

  for (let i = 0; i < lines.length; i++) warnings.push(...lintBracketPairs(lines[i]))
  for (let i = masthead.end; i < footerStart; i++) warnings.push(...lintLatinWords(lines[i]))
  warnings.push(...lintAttributionWidths(lines, contents.bodyStart, footerStart))
  warnings.push(...lintUnusedEntries(contents))

  const issue: Issue = {
    id: opts.id,
    title: masthead.title,
    number: masthead.number,
    totalNumber: masthead.totalNumber,
    publishedOn: masthead.publishedOn,
    editor: masthead.editor,
    supplement: masthead.supplement,
    ...(masthead.markings.length > 0 ? { markings: masthead.markings } : {}),
    ...(masthead.signer !== null ? { signer: masthead.signer } : {}),
    sections: buildSections(body.sections, warnings),
    footer,
    warnings: sortWarnings(warnings)
  }
  const explained = explain(
    text,
    lines,
    { masthead: masthead.end, body: contents.bodyStart, footer: footerStart },
    body.roles
  )
  return { issue, joins: body.joins, explained }
}

/** Each non-blank input line with what the importer read it as. */
function explain(
  text: string,
  lines: Line[],
  at: { masthead: number; body: number; footer: number },
  roles: Map<number, BodyRole>
): ExplainedLine[] {
  const kept = new Map(lines.map((l, i) => [l.no, i] as const))
  const out: ExplainedLine[] = []
  const raw = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/)
  raw.forEach((t, k) => {
    const no = k + 1
    const i = kept.get(no)
    if (i === undefined) {
      const dropped = droppedLineKind(t)
      if (dropped !== null && dropped !== 'blank') out.push({ line: no, kind: dropped, text: t.trim() })
      return
    }
    const kind: LineKind =
      i < at.masthead ? 'masthead' : i < at.body ? 'toc' : i >= at.footer ? 'footer' : (roles.get(no) ?? 'unread')
    out.push({ line: no, kind, text: t.trim() })
  })
  return out
}

/** Drops empty sections, merges a section repeated back to back, and gives every article its stable id. */
function buildSections(raw: RawSection[], warnings: ImportWarning[]): Section[] {
  const sections: Section[] = []
  const taken = new Map<string, number>()
  for (const s of raw) {
    if (s.articles.length === 0) {
      warnings.push({ line: s.line, message: `栏目【${s.title}】下没有文章` })
      continue
    }
    const prev = sections[sections.length - 1]
    const target = prev && prev.title === s.title ? prev : { title: s.title, articles: [] as Article[] }
    if (target !== prev) sections.push(target)
    for (const a of s.articles) {
      // The id hashes what identifies the article to a reader, so re-importing the same text keeps deep links.
      const base = fnv1a32(`${s.title}\n${a.title ?? a.paragraphs[0] ?? ''}`)
      const seen = (taken.get(base) ?? 0) + 1
      taken.set(base, seen)
      const article: Article = {
        id: seen === 1 ? base : `${base}-${seen}`,
        title: a.title,
        paragraphs: a.paragraphs,
        source: a.source,
        ...(a.author !== null ? { author: a.author } : {})
      }
      target.articles.push(article)
    }
  }
  return sections
}

/** Warnings in file order, each once. */
function sortWarnings(warnings: ImportWarning[]): ImportWarning[] {
  const seen = new Set<string>()
  return warnings
    .map((w, i) => ({ w, i }))
    .sort((a, b) => a.w.line - b.w.line || a.i - b.i)
    .map(({ w }) => w)
    .filter((w) => {
      const key = `${w.line}\u0000${w.message}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
}
