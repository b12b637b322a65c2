import { findDate, NUMERAL_CHARS, parseNumeral } from './dates'
import type { Line } from './normalize'
import type { Footer, ImportWarning } from './types'
import { asciiDigits, collapseSpaces, excerpt } from './text'

const N = `[${NUMERAL_CHARS}]`
// Starts at 共 (not at an optional bracket and spaces) so that a search over a long line stays linear.
const COPIES = new RegExp(`共\\s*印\\s*(${N}+)\\s*份`, 'u')
const COPIES_FRAME = /[\s（）()]|本期/gu
const PRINTED = /印\s*发\s*$/u
// A footer begins with a distribution or contact label, a print run or an 「…印发」 line.
const START_LABEL = /^(?:报送|抄送|抄报|分送|分发|报|送|发|责编|责任编辑|编辑|承办单位|承办人|联系人)\s*[：:]/u
// Labels may follow each other on one line: 「责编：余敬春 电话：023—63898542 邮箱：xjc8542@163.com」.
const LABEL =
  /(^|\s)(报送|抄送|抄报|分送|分发|报|送|发|责编|责任编辑|编辑|承办单位|承办人|联系人|联系电话|电话|邮箱|电子邮箱|E-?mail)\s*[：:]/giu

type ListField = 'reportTo' | 'sendTo' | 'distributeTo'
const FIELD: Record<string, ListField | 'editorInCharge' | 'phone' | 'email' | 'undertaker'> = {
  报: 'reportTo',
  报送: 'reportTo',
  抄报: 'reportTo',
  // 抄送 (copies to) and 分送 are recipients like 送, so they extend sendTo.
  送: 'sendTo',
  抄送: 'sendTo',
  分送: 'sendTo',
  发: 'distributeTo',
  分发: 'distributeTo',
  // 承办人 / 联系人 are the person answering for the issue: the same role as 责编 in the other layout.
  责编: 'editorInCharge',
  责任编辑: 'editorInCharge',
  编辑: 'editorInCharge',
  承办人: 'editorInCharge',
  联系人: 'editorInCharge',
  电话: 'phone',
  联系电话: 'phone',
  邮箱: 'email',
  电子邮箱: 'email',
  email: 'email',
  'e-mail': 'email',
  承办单位: 'undertaker'
}

/** True for a line that opens the distribution footer. */
export function isFooterStart(text: string): boolean {
  if (START_LABEL.test(text)) return true
  // Cheap tests first: this runs on every body line.
  if (text.includes('印') && COPIES.test(text) && text.replace(COPIES, '').replace(COPIES_FRAME, '') === '') return true
  return PRINTED.test(text) && findDate(text) !== null
}

/** Index of the first footer line at or after `from`, or lines.length when the issue has no footer. */
export function findFooterStart(lines: Line[], from: number): number {
  for (let i = from; i < lines.length; i++) if (isFooterStart(lines[i].text)) return i
  return lines.length
}

/**
 * Splits a recipients list. ，and ；(and spaces) separate recipients; 、 separates them only when nothing else
 * does, because in 「市级有关部门领导，各省级、副省级城市党史部门」 it joins two modifiers of one recipient.
 */
export function splitRecipients(value: string): string[] {
  const clean = (items: string[]): string[] =>
    items.map((s) => s.replace(/[。.]+$/u, '').trim()).filter((s) => s !== '')
  const top = clean(value.split(/[，,；;\s]+/u))
  return top.length === 1 ? clean(top[0].split('、')) : top
}

/** Footer fields not in the Footer type's required set. */
export interface FooterExtras {
  /** 「2020年6月9日印发」 as YYYY-MM-DD. */
  printedOn?: string
  /** 承办单位 */
  undertaker?: string
}

/** A footer with nothing in it: an issue without a distribution footer. */
export function emptyFooter(): Footer {
  return {
    reportTo: null,
    sendTo: null,
    distributeTo: null,
    editorInCharge: null,
    phone: null,
    email: null,
    copies: null
  }
}

/** Parses the distribution footer (报/送/发/抄送, 共印 N 份, 责编/电话/邮箱, 承办单位/承办人, 印发 date). */
export function parseFooter(lines: Line[], from: number, warnings: ImportWarning[]): Footer & FooterExtras {
  const footer: Footer & FooterExtras = emptyFooter()
  let lastList: ListField | null = null
  const addList = (field: ListField, value: string): void => {
    const list = footer[field] ?? (footer[field] = [])
    for (const item of splitRecipients(value)) list.push(item)
    lastList = field
  }
  for (let i = from; i < lines.length; i++) {
    const { text, no } = lines[i]
    let rest = text
    const copies = COPIES.exec(rest)
    if (copies) {
      footer.copies = parseNumeral(copies[1])
      // Drop the brackets around it too: 「（共印 120 份）」.
      rest = rest
        .replace(COPIES, ' ')
        .replace(/本期/gu, ' ')
        .replace(/[（(]\s*[)）]/gu, ' ')
    }
    const date = findDate(rest)
    if (date && PRINTED.test(rest)) {
      if (date.iso) footer.printedOn = date.iso
      else warnings.push({ line: no, message: `印发日期“${date.text}”不是有效的日期` })
      // The unit left of the date is the issuing office; the masthead already names it.
      rest = ''
    }
    const labels = [...rest.matchAll(LABEL)]
    const before = collapseSpaces(labels.length > 0 ? rest.slice(0, labels[0].index) : rest)
    if (before !== '') {
      // A recipients list that wrapped onto the next line continues the last list.
      if (lastList !== null) addList(lastList, before)
      else warnings.push({ line: no, message: `页脚中无法识别的一行“${excerpt(before)}”，已忽略` })
    }
    labels.forEach((m, k) => {
      const start = (m.index ?? 0) + m[0].length
      const stop = k + 1 < labels.length ? labels[k + 1].index : rest.length
      const value = collapseSpaces(rest.slice(start, stop))
      const field = FIELD[m[2].toLowerCase()] ?? FIELD[m[2]]
      if (value === '') return
      if (field === 'reportTo' || field === 'sendTo' || field === 'distributeTo') {
        addList(field, value)
        return
      }
      lastList = null
      if (field === 'phone') footer.phone = asciiDigits(value).replace(/[—－–―‐‑]/gu, '-')
      else if (field === 'email') footer.email = value.replace(/[。，,;；]+$/u, '')
      else if (field === 'editorInCharge') footer.editorInCharge = value
      else if (field === 'undertaker') footer.undertaker = value
    })
  }
  return footer
}
