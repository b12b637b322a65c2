import { charLength } from './text'

/** An attribution line such as （市委党史研究室办公室供稿）, parsed. */
export interface Attribution {
  /** The unit (or person) without brackets, 供稿 or inner spaces; null for a bare （供稿）. */
  source: string | null
  /** The writer when the line names one after the unit: （单位 姓名供稿）. */
  author: string | null
  /** Width of the brackets: 'mixed' when an opening bracket of one width is closed by the other; 'none' unbracketed. */
  width: 'full' | 'half' | 'mixed' | 'none'
}

// Bracketed lines that are not attributions.
const NOT_ATTRIBUTION = new Set(['完', '待续', '未完待续', '续完', '续', '全文完'])
// A unit name ends like this; a person's name does not. Used to tell （单位 姓名供稿） from a split unit name.
const UNIT_END = /(室|厅|局|处|委|部|办|会|所|院|馆|中心|组|站|队|社|校|科|团|司|府|区|县|市|镇|乡|街道|公司|集团)$/u

/**
 * Reads an attribution line in any of its forms — （单位供稿）(单位供稿)(单位 供稿)（单位 姓名供稿）（单位）(姓名),
 * also 来源：/供稿： prefixes — or returns null when the line is something else.
 */
export function parseAttribution(text: string): Attribution | null {
  const labelled = parseUnbracketed(text)
  if (labelled !== undefined) return labelled
  const end = text[text.length - 1]
  // Attributions are short; checking first keeps the lazy pattern below from going quadratic on long lines.
  if ((end !== ')' && end !== '）') || text.length > 60) return null
  const m = /^([（(])\s*(.*?)\s*([)）])$/u.exec(text)
  if (!m) return null
  let inner = m[2]
  // An inner bracket pair ((单位（县）供稿)) is fine, a sentence is not: attributions carry no clause punctuation.
  if (/[。，；！？!?;,]/u.test(inner) || charLength(inner) > 40) return null
  inner = inner.replace(/^(?:来源|供稿单位|供稿|稿件来源|作者)\s*[：:]\s*/u, '')
  if (/[：:]/u.test(inner)) return null
  const bare = inner.replace(/\s*供\s*稿$/u, '').trim()
  // （完）（待续）, and list numbers such as （一） standing on a line of their own.
  if (NOT_ATTRIBUTION.has(bare) || /^[一二三四五六七八九十0-9０-９]+$/u.test(bare)) return null
  if (!/\p{Script=Han}/u.test(inner)) return null
  const width = m[1] === '（' && m[3] === '）' ? 'full' : m[1] === '(' && m[3] === ')' ? 'half' : 'mixed'
  if (bare === '') return { source: null, author: null, width }
  const parts = bare.split(/\s+/u)
  const last = parts[parts.length - 1]
  if (parts.length === 2 && /^\p{Script=Han}{2,4}$/u.test(last) && !UNIT_END.test(last) && charLength(parts[0]) >= 3) {
    return { source: parts[0], author: last, width }
  }
  // Spaces inside a Chinese unit name are PDF artefacts (渝中区 委党史研究室); Latin names keep theirs.
  const source = parts.reduce((acc, p) =>
    /[A-Za-z0-9]$/.test(acc) && /^[A-Za-z0-9]/.test(p) ? `${acc} ${p}` : acc + p
  )
  return { source, author: null, width }
}

// Unbracketed forms: 来源：单位, 供稿：单位, 稿件来源：单位 name the source; 文/姓名, 撰稿：姓名, 作者：姓名 the writer
// (or the source when what follows is a unit: 文/市委党史研究室).
const LABELLED = /^(来源|供稿单位|供稿|稿件来源|信息来源|撰稿人|撰稿|作者|文|执笔)\s*([：:/／])\s*(\S.*)$/u
const WRITER_LABELS = new Set(['撰稿人', '撰稿', '作者', '文', '执笔'])

/** An unbracketed attribution; undefined when the line has none of the labels (null is never returned). */
function parseUnbracketed(text: string): Attribution | undefined {
  if (text.length > 40) return undefined
  const m = LABELLED.exec(text)
  if (!m) return undefined
  // 文 takes a slash, the others a colon: 「文：……」 and 「来源/……」 are not attributions.
  if ((m[1] === '文') !== (m[2] === '/' || m[2] === '／')) return undefined
  const name = m[3].trim()
  if (/[。，；！？!?;,：:]/u.test(name) || charLength(name) > 30 || !/\p{Script=Han}/u.test(name)) return undefined
  if (!WRITER_LABELS.has(m[1]) || UNIT_END.test(name.replace(/\s+/gu, ''))) {
    return { source: name.replace(/\s+/gu, ''), author: null, width: 'none' }
  }
  return { source: null, author: name, width: 'none' }
}
