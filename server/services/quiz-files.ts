// Reading question-bank files (.csv / .xlsx) into checked questions: shared by `npm run quiz:import` and the
// server, which loads the shipped banks at start through the very same code.
import { existsSync, readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import type { Issue } from '../../src/domain/issue/index'
import { importTable, type Question, type Table, type TableError } from '../../src/domain/quiz/index'
import { formatProblem } from '../../src/domain/publish'
import { readIssueDirectory } from './issue-files'

/** The text of CSV bytes as Excel saves them in China: UTF-8 (with or without BOM) when valid, else GB18030. */
export function decodeCsv(bytes: Uint8Array): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body)
  } catch {
    return iconv.decode(Buffer.from(body), 'gb18030')
  }
}

/** A CSV text as a table; rows numbered as a spreadsheet shows them (a quoted line break stays in its row). */
export function csvTable(text: string): Table {
  const options = { relax_column_count: true, skip_empty_lines: false, relax_quotes: true }
  const records = parseCsv(text, options) as string[][]
  const [header = [], ...rest] = records
  return { header, rows: rest.map((cells, i) => ({ row: i + 2, cells })) }
}

/** A cell's value as the text the organizer sees. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if ('richText' in value) return value.richText.map((r) => r.text).join('')
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText((value as { result?: ExcelJS.CellValue }).result ?? null)
  }
  if ('text' in value) return String(value.text)
  return ''
}

/** The first worksheet of an .xlsx file as a table. */
export async function xlsxTable(file: string): Promise<Table> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  const sheet = workbook.worksheets[0]
  if (!sheet) return { header: [], rows: [] }
  const width = sheet.columnCount
  const cellsOf = (n: number) => {
    const row = sheet.getRow(n)
    return Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value))
  }
  const rows: Table['rows'] = []
  for (let n = 2; n <= sheet.rowCount; n++) rows.push({ row: n, cells: cellsOf(n) })
  return { header: cellsOf(1), rows }
}

/** The issues in `dir` (every .txt, parsed by the issue importer); files that fail are reported as warnings. */
export function loadIssues(dir: string, warn: (line: string) => void): Issue[] {
  if (!existsSync(dir)) {
    warn(`${dir}: warning: 找不到期刊目录，引用期刊文章的出处都会报错`)
    return []
  }
  const issues: Issue[] = []
  for (const { file, result } of readIssueDirectory(dir)) {
    if (result.ok) issues.push(result.published.issue)
    else warn(`${formatProblem(file, result.problem)}（此期已跳过）`)
  }
  return issues
}

/** Why a bank file could not be read, for people: the file system's code, or where the CSV syntax broke. */
export function readFailure(file: string, e: unknown): string {
  const err = e as { code?: string; syscall?: string; lines?: number; message?: string }
  if (err.syscall !== undefined) return `${file}: 无法读取文件（${err.code ?? err.syscall}）`
  if (typeof err.code === 'string' && err.code.startsWith('CSV_')) {
    const why =
      err.code === 'CSV_QUOTE_NOT_CLOSED'
        ? '有一个引号 " 没有配对（到文件末尾仍未闭合）'
        : `CSV 格式有误（${err.message ?? err.code}）`
    return typeof err.lines === 'number' ? `${file}:${err.lines}: ${why}` : `${file}: ${why}`
  }
  return `${file}: 文件无法解析（${err.message ?? String(e)}），请确认是 Excel 保存的 .xlsx 或 .csv 文件`
}

/** `FILE:ROW:COLUMN: message` (FILE:ROW: message for the header). */
export function formatTableError(file: string, e: TableError): string {
  return e.column === undefined ? `${file}:${e.row}: ${e.message}` : `${file}:${e.row}:${e.column}: ${e.message}`
}

/** The table of a .csv or .xlsx file, or why it could not be read (for people). */
export async function readBankTable(
  file: string
): Promise<{ ok: true; table: Table } | { ok: false; problem: string }> {
  try {
    const table =
      extname(file).toLowerCase() === '.csv' ? csvTable(decodeCsv(readFileSync(file))) : await xlsxTable(file)
    return { ok: true, table }
  } catch (e) {
    return { ok: false, problem: readFailure(file, e) }
  }
}

/** A bank file read and checked: its questions, or every problem as `FILE:ROW:COLUMN: message`. */
export type BankFileResult = { ok: true; questions: Question[] } | { ok: false; problems: string[] }

/**
 * Reads one bank file (.csv or .xlsx) and checks every row against `issues` (出处 quotes); `issuesLabel` names
 * the issues folder in messages.
 */
export async function readBankFile(
  file: string,
  issues: readonly Issue[],
  issuesLabel: string
): Promise<BankFileResult> {
  const ext = extname(file).toLowerCase()
  if (ext !== '.xlsx' && ext !== '.csv') {
    return { ok: false, problems: [`${file}: 只能导入 .xlsx 或 .csv 文件（.xls 请在 Excel 中另存为 .xlsx）`] }
  }
  const read = await readBankTable(file)
  if (!read.ok) return { ok: false, problems: [read.problem] }
  const result = importTable(read.table, issues, { issuesLabel })
  if (!result.ok) return { ok: false, problems: result.errors.map((e) => formatTableError(file, e)) }
  if (result.questions.length === 0) return { ok: false, problems: [`${file}: 文件中没有题目`] }
  return { ok: true, questions: result.questions }
}
