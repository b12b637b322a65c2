import type { Issue } from '../issue/types'
import { parseFillAnswers, parseLetters, parseTrueFalse } from './answers'
import { questionId, stemKey } from './id'
import { LETTERS, TYPE_NAMES, type Difficulty, type Question, type QuestionType, type Source } from './schema'
import { resolveSource } from './source'
import { foldWidth } from './text'

/** A spreadsheet as read from .xlsx or .csv: the header (row 1) and the rows below it, numbered as shown. */
export interface Table {
  header: string[]
  rows: Array<{ row: number; cells: string[] }>
}

/** What is wrong, where: the row as the spreadsheet numbers it and the column letter (absent for the header). */
export interface TableError {
  row: number
  column?: string
  message: string
}

export type TableImport = { ok: true; questions: Question[] } | { ok: false; errors: TableError[] }

export const REQUIRED_COLUMNS = ['题型', '题干', '答案', '解析', '出处'] as const
export const OPTION_COLUMNS = LETTERS.map((l) => `选项${l}`)
/** The template's column order. */
export const COLUMNS = ['题型', '题干', ...OPTION_COLUMNS, '答案', '解析', '分值', '难度', '出处', '主题']

/** The spreadsheet letter of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1
  let out = ''
  while (n > 0) {
    const r = (n - 1) % 26
    out = String.fromCharCode(65 + r) + out
    n = Math.floor((n - 1) / 26)
  }
  return out
}

const DIFFICULTIES: Record<string, Difficulty> = {
  易: '易',
  容易: '易',
  简单: '易',
  中: '中',
  中等: '中',
  一般: '中',
  难: '难',
  困难: '难',
  较难: '难'
}

export interface TableOptions {
  /** How the issues folder is named in messages, e.g. content/issues. */
  issuesLabel: string
}

/**
 * Turns a question-bank table into questions, checking every row against the issues it quotes. Reports every
 * problem of every row (not just the first), so an organizer fixes the file in one pass.
 */
export function importTable(table: Table, issues: readonly Issue[], opts: TableOptions): TableImport {
  const index = new Map<string, number>()
  table.header.forEach((h, i) => {
    const name = foldWidth(h).replace(/\s+/g, '').toUpperCase()
    if (name !== '' && !index.has(name)) index.set(name, i)
  })
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c))
  if (missing.length > 0) {
    return {
      ok: false,
      errors: [{ row: 1, message: `表头缺少列：${missing.join('、')}（第 1 行应为 ${COLUMNS.join(',')}）` }]
    }
  }

  const errors: TableError[] = []
  const questions: Question[] = []
  const stems = new Map<string, number>()
  const ids = new Map<string, { row: number; key: string }>()
  for (const { row, cells } of table.rows) {
    if (cells.every((c) => c.trim() === '')) continue
    const at = (name: string) => {
      const i = index.get(name)
      return i === undefined ? undefined : columnLetter(i)
    }
    const cell = (name: string) => {
      const i = index.get(name)
      return i === undefined ? '' : (cells[i] ?? '').trim()
    }
    const fail = (name: string, message: string) => errors.push({ row, column: at(name), message })
    const before = errors.length

    const typeText = foldWidth(cell('题型')).replace(/\s+/g, '').replace(/题$/, '')
    const type: QuestionType | undefined = TYPE_NAMES[typeText]
    if (!type)
      fail(
        '题型',
        cell('题型') === ''
          ? '题型为空（应为 单选、多选、判断 或 填空）'
          : `题型 "${cell('题型')}" 不认识（应为 单选、多选、判断 或 填空）`
      )

    const stem = cell('题干')
    if (stem === '') fail('题干', '题干为空')
    else {
      const key = stemKey(stem)
      const first = stems.get(key)
      if (first !== undefined) fail('题干', `题干与第 ${first} 行重复`)
      else {
        stems.set(key, row)
        const id = questionId(stem)
        const clash = ids.get(id)
        if (clash && clash.key !== key) fail('题干', `题干的编号 ${id} 与第 ${clash.row} 行相同，请稍改题干的文字`)
        else ids.set(id, { row, key })
      }
    }

    const options = OPTION_COLUMNS.filter((c) => index.has(c)).map((c) => ({
      name: c,
      letter: c.slice(2),
      text: cell(c)
    }))
    const filled = options.filter((o) => o.text !== '')
    let body: Record<string, unknown> | null = null
    const answerText = cell('答案')
    if (type === 'single' || type === 'multiple') {
      const lastFilled = options.reduce((last, o, i) => (o.text !== '' ? i : last), -1)
      const gap = lastFilled < 0 ? undefined : options.slice(0, lastFilled).find((o) => o.text === '')
      const hasLetterGap = filled.some((o, i) => o.letter !== LETTERS[i])
      const broken = gap !== undefined || hasLetterGap || filled.length < 2
      if (gap) fail(gap.name, `${gap.name}为空，但后面还有选项`)
      else if (hasLetterGap) fail('题型', '选项列不连续（应从选项A起依次填写）')
      else if (filled.length < 2) {
        const empty = options.find((o) => o.text === '')
        errors.push({
          row,
          column: empty ? at(empty.name) : at('题型'),
          message: `${type === 'single' ? '单选' : '多选'}题至少要有 2 个选项（现有 ${filled.length} 个）`
        })
      }
      const letters = parseLetters(answerText)
      if (!letters.ok) fail('答案', letters.message)
      else if (!broken) {
        // with the options broken the letters cannot be checked: the options are the thing to fix
        const known = new Set(filled.map((o) => o.letter))
        const unknown = letters.value.filter((l) => !known.has(l))
        if (unknown.length > 0) fail('答案', `答案 "${unknown.join('')}" 没有对应的选项`)
        else if (type === 'single' && letters.value.length > 1)
          fail('答案', `单选题只能有一个答案（现为 "${answerText}"）`)
        else if (type === 'multiple' && letters.value.length < 2)
          fail('答案', `多选题至少要有两个答案（现为 "${answerText}"）`)
        else body = { options: filled.map((o) => o.text), answer: type === 'single' ? letters.value[0] : letters.value }
      }
    } else if (type === 'truefalse') {
      const words = filled.map((o) => o.text)
      const plain =
        words.length === 0 ||
        (words.length === 2 &&
          filled[0].letter === 'A' &&
          filled[1].letter === 'B' &&
          [...words].sort().join() === ['正确', '错误'].sort().join())
      if (!plain) fail(filled[0].name, '判断题的选项只能是“正确”和“错误”（也可留空）')
      const letters: Record<string, string> =
        words.length === 2 ? { A: words[0], B: words[1] } : { A: '正确', B: '错误' }
      const value = parseTrueFalse(answerText, letters)
      if (!value.ok) fail('答案', value.message)
      else if (plain) body = { options: ['正确', '错误'], answer: value.value }
    } else if (type === 'fill') {
      if (filled.length > 0) fail(filled[0].name, '填空题不应有选项（题型是否写错？）')
      const answers = parseFillAnswers(answerText)
      if (!answers.ok) fail('答案', answers.message)
      else body = { answers: answers.value }
    }

    let score = 1
    const scoreText = foldWidth(cell('分值')).trim()
    if (scoreText !== '') {
      score = Number(scoreText)
      const bad = !/^\d+(\.\d+)?$/.test(scoreText) || !(score > 0)
      if (bad) fail('分值', `分值 "${cell('分值')}" 应为正数（如 1 或 2）`)
    }
    let difficulty: Difficulty = '中'
    if (cell('难度') !== '') {
      const d = DIFFICULTIES[cell('难度').replace(/\s+/g, '')]
      if (d) difficulty = d
      else fail('难度', `难度 "${cell('难度')}" 应为 易、中 或 难`)
    }

    let source: Source | null = null
    const resolved = resolveSource(cell('出处'), issues, opts.issuesLabel)
    if (!resolved.ok) fail('出处', resolved.message)
    else source = resolved.value

    if (errors.length > before || !type || body === null || source === null) continue
    const topic = cell('主题')
    questions.push({
      id: questionId(stem),
      type,
      stem,
      ...body,
      explanation: cell('解析'),
      score,
      difficulty,
      ...(topic !== '' ? { topic } : {}),
      source
    } as Question)
  }
  return errors.length > 0 ? { ok: false, errors: errors.sort(byPlace) } : { ok: true, questions }
}

/** Row, then column left to right (A < Z < AA); the order of checks otherwise. */
function byPlace(a: TableError, b: TableError): number {
  const ca = a.column ?? ''
  const cb = b.column ?? ''
  return a.row - b.row || ca.length - cb.length || (ca < cb ? -1 : ca > cb ? 1 : 0)
}
