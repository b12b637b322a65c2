import { parseAttribution } from './attribution'
import { isFooterStart } from './footer'
import type { Line } from './normalize'
import {
  charLength,
  endsSentence,
  isContentsIntro,
  joinHalves,
  sectionHeader,
  stripEntryMarker,
  stripPageRef,
  titleKey
} from './text'

/** One title listed in the table of contents. */
export interface ContentsEntry {
  text: string
  /** titleKey(text): what body titles are matched on. */
  key: string
  line: number
  /** Set by the body parser when an article claims this entry. */
  used: boolean
}

/** A 【section】 of the contents (title null for entries listed before any section header). */
export interface ContentsSection {
  title: string | null
  line: number
  entries: ContentsEntry[]
}

/** The table of contents and where the body begins. */
export interface Contents {
  /** False when the issue has no table of contents at all: titles then come from the body alone. */
  present: boolean
  sections: ContentsSection[]
  /** Index into the lines of the first body line. */
  bodyStart: number
}

interface Region {
  entries: ContentsEntry[]
  stop: number
  /** Why the scan stopped: the next header (or the end), a title seen before, or a line that is no entry. */
  reason: 'end' | 'repeat' | 'other'
  marked: boolean
}

/** A bare line that could be a contents entry: short, not a sentence, not an attribution or footer. */
function entryLike(text: string): boolean {
  return charLength(text) <= 60 && !endsSentence(text) && parseAttribution(text) === null && !isFooterStart(text)
}

/**
 * Reads the table of contents in any of its forms (none; "- " or 「1、」 entries under 【section】 headers; bare
 * entries; introduced by 本期要目/内容提要/≡本期要目≡; sections listed with no entries) and finds where the body
 * begins: at the first header that repeats a contents header, or whose lines read like articles, or at the first
 * line that repeats a contents entry when the body has no headers.
 */
export function parseContents(lines: Line[], start: number, end: number): Contents {
  let i = start
  let present = false
  if (i < end && isContentsIntro(lines[i].text)) {
    present = true
    i++
  }
  const sections: ContentsSection[] = []
  const keys = new Set<string>()

  const scan = (from: number): Region => {
    const entries: ContentsEntry[] = []
    const own = new Set<string>()
    let marked = false
    for (let j = from; j < end; j++) {
      const { text, no } = lines[j]
      if (sectionHeader(text) !== null || isContentsIntro(text)) return { entries, stop: j, reason: 'end', marked }
      const stripped = stripEntryMarker(text)
      const entryText = stripPageRef(stripped ?? text)
      const key = titleKey(entryText)
      if (keys.has(key) || own.has(key)) return { entries, stop: j, reason: 'repeat', marked }
      if (stripped !== null && entryText !== '') {
        marked = true
        entries.push({ text: entryText, key, line: no, used: false })
        own.add(key)
        continue
      }
      if (!entryLike(text)) return { entries, stop: j, reason: 'other', marked }
      const prev = entries[entries.length - 1]
      if (marked && prev) {
        // An unmarked line among "- " entries is the rest of an entry that wrapped.
        prev.text = joinHalves(prev.text, entryText)
        prev.key = titleKey(prev.text)
        own.add(prev.key)
      } else {
        entries.push({ text: entryText, key, line: no, used: false })
        own.add(key)
      }
    }
    return { entries, stop: end, reason: 'end', marked }
  }
  const titles = new Set<string | null>()
  const add = (title: string | null, line: number, entries: ContentsEntry[]): void => {
    sections.push({ title, line, entries })
    titles.add(title)
    for (const e of entries) keys.add(e.key)
  }

  let bodyStart = end
  while (i < end) {
    const { text, no } = lines[i]
    if (isContentsIntro(text)) {
      present = true
      i++
      continue
    }
    const header = sectionHeader(text)
    if (header === null) {
      // Entries before any header: only after an intro line or when they carry a marker.
      if (!present && sections.length === 0 && stripEntryMarker(text) === null) {
        bodyStart = i
        break
      }
      const r = scan(i)
      if (r.entries.length === 0) {
        bodyStart = i
        break
      }
      add(null, no, r.entries)
      if (r.reason !== 'end') {
        bodyStart = r.stop
        break
      }
      i = r.stop
      continue
    }
    if (titles.has(header)) {
      bodyStart = i
      break
    }
    const r = scan(i + 1)
    if (r.reason === 'end') {
      add(header, no, r.entries)
      i = r.stop
      continue
    }
    // A header whose first line repeats an entry opens the body; one with entries first ends the contents there.
    if (r.entries.length > 0 && (r.reason === 'repeat' || r.marked)) {
      // The contents section ends where the body (which has no headers of its own) begins.
      add(header, no, r.entries)
      bodyStart = r.stop
      break
    }
    bodyStart = i
    break
  }
  return { present: present || sections.length > 0, sections, bodyStart }
}
