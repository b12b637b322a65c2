import { parseAttribution, type Attribution } from './attribution'
import type { Contents, ContentsEntry } from './contents'
import type { Line } from './normalize'
import {
  charLength,
  collapseSpaces,
  endsSentence,
  excerpt,
  isClosersOnly,
  joinPieces,
  sectionHeader,
  titleKey
} from './text'
import type { ImportWarning } from './types'

/** An article as read from the body, before ids are given. */
export interface RawArticle {
  title: string | null
  /** Line of the title, or of the first paragraph for an untitled item. */
  line: number
  paragraphs: string[]
  source: string | null
  author: string | null
  attributed: boolean
}

/** A 【section】 of the body with its articles in reading order. */
export interface RawSection {
  title: string
  line: number
  articles: RawArticle[]
}

/** What a body line was read as (for `npm run import -- --explain`). */
export type BodyRole = 'section' | 'title' | 'paragraph' | 'joined' | 'attribution'

/** What the body parser found; `joins` lists the page-split paragraphs it put back together. */
export interface Body {
  sections: RawSection[]
  /** Line numbers of each first half and the second half joined to it. */
  joins: Array<{ line: number; next: number }>
  /** Each body line's role, by line number. */
  roles: Map<number, BodyRole>
}

// Longest line taken for a title when the contents does not list it. The seed's longest title has 37 characters;
// a paragraph that is not a sentence and this short is far more likely a title than a page-split fragment.
const MAX_TITLE = 50
// Longest second line of a title wrapped onto two lines.
const MAX_WRAP = 30

/** An article being read: each paragraph kept as its page-split pieces, joined once at the end (linear time). */
type Draft = Omit<RawArticle, 'paragraphs'> & { pieces: string[][] }

/** Whether a paragraph kept as pieces ends a sentence; a last piece of closers only (”) looks into the one before. */
function piecesEndSentence(pieces: string[]): boolean {
  const n = pieces.length
  return endsSentence(n > 1 ? pieces[n - 2].slice(-8) + pieces[n - 1] : pieces[0])
}

/**
 * Paragraph indentation carries meaning only when the text keeps it: then a line that starts a paragraph is
 * indented and the second half of a page-split paragraph is not. The seed has no indentation at all.
 */
function indentationMatters(lines: Line[], start: number, end: number): boolean {
  let long = 0
  let indented = 0
  for (let i = start; i < end; i++) {
    if (charLength(lines[i].text) <= 40) continue
    long++
    if (lines[i].indented) indented++
  }
  return long >= 3 && indented >= long * 0.6
}

/**
 * Reads the body into sections and articles: titles (matched to the contents entries ignoring whitespace, or taken
 * from the body when there are none), paragraphs (page-split halves joined back) and attribution lines.
 */
export function parseBody(
  lines: Line[],
  start: number,
  end: number,
  contents: Contents,
  warnings: ImportWarning[]
): Body {
  const sections: RawSection[] = []
  const joins: Body['joins'] = []
  const roles: Body['roles'] = new Map()
  const role = (k: number, r: BodyRole): void => {
    if (k < end) roles.set(lines[k].no, r)
  }
  const useIndent = indentationMatters(lines, start, end)
  const sectioned = contents.sections.some((s) => s.title !== null)
  let section: RawSection | null = null
  let article: Draft | null = null
  let lastLine = 0
  const warn = (line: number, message: string): void => {
    warnings.push({ line, message })
  }

  // Entry lookups run for every short body line: index the entries by key and each section's pool once.
  const byKey = new Map<string, ContentsEntry[]>()
  for (const e of contents.sections.flatMap((s) => s.entries)) {
    const same = byKey.get(e.key)
    if (same) same.push(e)
    else byKey.set(e.key, [e])
  }
  const listedTitles = new Set(contents.sections.map((s) => s.title))
  const sectionByTitle = new Map(contents.sections.map((s) => [s.title, s] as const))
  const loose = contents.sections.filter((s) => s.title === null).flatMap((s) => s.entries)
  const pools = new Map<string, { own: Set<ContentsEntry>; status: 'none' | 'titled' | 'untitled' | 'unlisted' }>()
  const entriesFor = (
    title: string
  ): { own: Set<ContentsEntry>; status: 'none' | 'titled' | 'untitled' | 'unlisted' } => {
    const cached = pools.get(title)
    if (cached) return cached
    const listed = sectionByTitle.get(title)
    const own = new Set([...(listed?.entries ?? []), ...loose])
    const status = !contents.present ? 'none' : own.size > 0 ? 'titled' : listed ? 'untitled' : 'unlisted'
    const pool = { own, status } as const
    pools.set(title, pool)
    return pool
  }
  // Lines longer than any entry (plus room for the spaces titleKey drops) cannot match one: skip the work.
  const longest = contents.sections.reduce((n, s) => s.entries.reduce((m, e) => Math.max(m, e.text.length), n), 0) + 16
  /** The unused contents entry this line (or this line and the next: a title wrapped in two) stands for. */
  const match = (i: number, title: string): { entry: ContentsEntry; lines: number; foreign: boolean } | null => {
    const text = lines[i].text
    if (byKey.size === 0 || text.length > longest) return null
    const keys = [titleKey(text)]
    if (i + 1 < end && text.length + lines[i + 1].text.length <= longest) keys.push(titleKey(text + lines[i + 1].text))
    const { own } = entriesFor(title)
    // Prefer an entry of this section; an entry listed under another section still names the article.
    for (const foreign of [false, true]) {
      for (let k = 0; k < keys.length; k++) {
        const entry = (byKey.get(keys[k]) ?? []).find((e) => !e.used && (foreign || own.has(e)))
        if (entry) return { entry, lines: k + 1, foreign: foreign && !own.has(entry) }
      }
    }
    return null
  }
  const close = (attribution: Attribution | null): void => {
    if (!article || !section) return
    if (article.attributed) {
      // Attributed under its title already (or is being closed by the next title): nothing to add or warn.
    } else if (attribution) {
      article.source = attribution.source
      article.author = attribution.author
      article.attributed = true
    } else {
      const name = article.title ?? excerpt(article.pieces[0]?.[0] ?? '')
      warn(article.line, `文章“${name}”没有署名（应在正文后另起一行，如“（市委党史研究室办公室供稿）”）`)
    }
    if (article.pieces.length === 0 && article.title !== null)
      warn(article.line, `文章“${article.title ?? ''}”只有标题，没有正文`)
    const { pieces, ...rest } = article
    section.articles.push({ ...rest, paragraphs: pieces.map(joinPieces) })
    article = null
  }
  const isText = (k: number): boolean =>
    k < end && sectionHeader(lines[k].text) === null && parseAttribution(lines[k].text) === null
  /** Line i+1 is the second line of a title at line i: short, not a sentence, and followed by more text. */
  const wrappedTitle = (i: number): boolean => {
    const second = lines[i + 1]?.text ?? ''
    return (
      isText(i + 1) &&
      isText(i + 2) &&
      charLength(second) <= MAX_WRAP &&
      !endsSentence(second) &&
      charLength(lines[i].text) + charLength(second) <= MAX_TITLE + MAX_WRAP &&
      match(i + 1, '') === null
    )
  }
  /** Opens an article at line i; returns how many lines it used. */
  const open = (i: number, current: RawSection): number => {
    const { text, no } = lines[i]
    const found = match(i, current.title)
    if (found) {
      found.entry.used = true
      if (found.foreign) warn(no, `文章“${found.entry.text}”在目录中列在另一个栏目下，正文在【${current.title}】`)
      // The contents entry is the editor's one-line text; the body's copy often has a space where it wrapped.
      article = { title: found.entry.text, line: no, pieces: [], source: null, author: null, attributed: false }
      for (let k = 0; k < found.lines; k++) role(i + k, 'title')
      return found.lines
    }
    const next = i + 1 < end ? lines[i + 1].text : null
    const nextIsText = next !== null && sectionHeader(next) === null && parseAttribution(next) === null
    if (nextIsText && charLength(text) <= MAX_TITLE && !endsSentence(text)) {
      let title = collapseSpaces(text)
      let used = 1
      if (wrappedTitle(i)) {
        // A title set on two lines comes out of a PDF as two lines; the body elsewhere shows the wrap as a space.
        title = `${title} ${collapseSpaces(lines[i + 1].text)}`
        used = 2
      }
      const { status } = entriesFor(current.title)
      if (status === 'titled') warn(no, `正文标题“${title}”在目录中找不到`)
      if (status === 'untitled') warn(no, `目录中【${current.title}】栏目没有条目，正文却有标题“${title}”`)
      article = { title, line: no, pieces: [], source: null, author: null, attributed: false }
      for (let k = 0; k < used; k++) role(i + k, 'title')
      return used
    }
    // A short-news item (信息短波): one paragraph, no title.
    role(i, 'paragraph')
    article = { title: null, line: no, pieces: [[text]], source: null, author: null, attributed: false }
    return 1
  }

  for (let i = start; i < end; i++) {
    const { text, no, indented } = lines[i]
    const header = sectionHeader(text)
    if (header !== null) {
      close(null)
      role(i, 'section')
      section = { title: header, line: no, articles: [] }
      sections.push(section)
      if (sectioned && !listedTitles.has(header)) warn(no, `栏目【${header}】不在目录中`)
      continue
    }
    const attribution = parseAttribution(text)
    if (attribution) {
      role(i, 'attribution')
      const draft = article as Draft | null
      if (draft && draft.title !== null && draft.pieces.length === 0 && !draft.attributed) {
        // Under the title (「文/张三」「来源：……」 before the text): the article goes on; its end is the next title.
        draft.source = attribution.source
        draft.author = attribution.author
        draft.attributed = true
      } else if (article) close(attribution)
      else warn(no, `署名行“${text}”前面没有文章，已忽略`)
      continue
    }
    if (section === null) {
      // A body without 【section】 headers: one untitled section holds every article.
      section = { title: '', line: no, articles: [] }
      sections.push(section)
    }
    const current: RawSection = section
    const openArticle = article as Draft | null
    if (openArticle === null) {
      lastLine = no
      i += open(i, current) - 1
      continue
    }
    const pieces = openArticle.pieces
    // With attributions under the titles, an article ends where a title-like line with its own attribution follows.
    const nextTitled =
      openArticle.attributed &&
      i + 1 < end &&
      parseAttribution(lines[i + 1].text) !== null &&
      charLength(text) <= MAX_TITLE &&
      !endsSentence(text)
    if (pieces.length > 0 && (nextTitled || match(i, current.title))) {
      // The next listed title begins while this article still waits for its attribution.
      close(null)
      lastLine = no
      i += open(i, current) - 1
      continue
    }
    const last = pieces[pieces.length - 1]
    // A line of closing quotes only (”) ends the paragraph before it even after a complete sentence (……支持！ / ”):
    // it never starts a paragraph, and piecesEndSentence then reads the final mark through it.
    if (last !== undefined && (isClosersOnly(text) || (!piecesEndSentence(last) && !(useIndent && indented)))) {
      // The previous paragraph stopped mid-sentence where a page ended: this line is its second half.
      last.push(text)
      role(i, 'joined')
      joins.push({ line: lastLine, next: no })
      lastLine = no
      continue
    }
    pieces.push([text])
    role(i, 'paragraph')
    lastLine = no
  }
  close(null)
  return { sections, joins, roles }
}
