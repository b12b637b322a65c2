/** A position in the source text that a warning or error points at (1-based). */
export interface ImportWarning {
  line: number
  message: string
}

/**
 * The distribution block at the end of an issue. Lists come from the 报/送/发 (and 抄送, into sendTo) lines, split at
 * ，；and spaces — and at 、 only when nothing else separates them (「各省级、副省级城市党史部门」 is one recipient).
 */
export interface Footer {
  reportTo: string[] | null
  sendTo: string[] | null
  distributeTo: string[] | null
  editorInCharge: string | null
  phone: string | null
  email: string | null
  copies: number | null
  /** 「2020年6月9日印发」 as YYYY-MM-DD; absent when the footer has no such line. */
  printedOn?: string
  /** 承办单位; absent when the footer has none. */
  undertaker?: string
}

export interface Article {
  /** Stable: the same input text gives the same id. Used in deep links. */
  id: string
  /** null for short-news items (信息短波) that have no title. */
  title: string | null
  paragraphs: string[]
  /** The attributing unit without brackets or 供稿, e.g. 市委党史研究室办公室. */
  source: string | null
  /** The writer named after the unit, as in （单位 姓名供稿）; absent otherwise. */
  author?: string
}

export interface Section {
  title: string
  articles: Article[]
}

export interface Issue {
  /** Chosen by the caller (the content builder uses the file name without extension). */
  id: string
  /** 刊名, e.g. 重庆党史工作 */
  title: string
  /** 期 */
  number: number
  /** 总期, or null when the issue line has none. */
  totalNumber: number | null
  /** ISO date YYYY-MM-DD */
  publishedOn: string
  /** 编者, e.g. 中共重庆市委党史研究室 */
  editor: string | null
  /** true for a 增刊 (supplement), numbered apart. */
  supplement: boolean
  /** Markings printed above the title (内部资料, 注意保存, 秘密 …); absent when there are none. */
  markings?: string[]
  /** 签发人; absent when the masthead names none. */
  signer?: string
  sections: Section[]
  footer: Footer
  warnings: ImportWarning[]
}

/** One row of the content index: what the library shows before the issue itself is fetched. */
export interface IssueSummary {
  id: string
  title: string
  number: number
  totalNumber: number | null
  publishedOn: string
  editor: string | null
  supplement: boolean
  sectionTitles: string[]
  articleCount: number
  /** Size in bytes of the issue's JSON. */
  size: number
  /** Content hash of the issue's JSON (hex), changes whenever the issue changes. */
  hash: string
}
