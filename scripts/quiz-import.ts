/**
 * Imports a question bank (.xlsx or .csv, one question a row, header in row 1) and prints it as JSON on stdout.
 * Usage: npm run -s quiz:import -- FILE [--issues DIR]
 * 出处 quotes are looked up in the issues of DIR (default content/issues). A bank with bad rows prints every
 * problem as FILE:ROW:COLUMN: message on stderr and exits 1.
 */
import { existsSync, readFileSync } from 'node:fs'
import { extname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseCsv } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import type { Issue } from '../src/domain/issue/index'
import { importTable, type Table, type TableError } from '../src/domain/quiz/index'
import { formatProblem } from '../src/domain/publish'
import { readIssueDirectory } from '../server/services/issue-files'

const USAGE = '用法：npm run -s quiz:import -- FILE [--issues DIR]'

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
function readFailure(file: string, e: unknown): string {
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

export interface RunResult {
  code: number
  stdout: string
  stderr: string
}

/** The whole command, without touching process: arguments in, exit code and output back. */
export async function runQuizImport(argv: string[]): Promise<RunResult> {
  const args = argv.filter((a) => a !== '--')
  let issuesDir = 'content/issues'
  const files: string[] = []
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--issues') {
      if (args[i + 1] === undefined) return { code: 2, stdout: '', stderr: USAGE + '\n' }
      issuesDir = args[++i]
    } else files.push(args[i])
  }
  if (files.length !== 1) return { code: 2, stdout: '', stderr: USAGE + '\n' }
  const file = files[0]
  const ext = extname(file).toLowerCase()
  if (ext !== '.xlsx' && ext !== '.csv') {
    return { code: 1, stdout: '', stderr: `${file}: 只能导入 .xlsx 或 .csv 文件（.xls 请在 Excel 中另存为 .xlsx）\n` }
  }
  let table: Table
  try {
    table = ext === '.csv' ? csvTable(decodeCsv(readFileSync(file))) : await xlsxTable(file)
  } catch (e) {
    return { code: 1, stdout: '', stderr: readFailure(file, e) + '\n' }
  }
  let stderr = ''
  const issues = loadIssues(issuesDir, (line) => {
    stderr += line + '\n'
  })
  const result = importTable(table, issues, { issuesLabel: issuesDir })
  if (!result.ok) {
    return { code: 1, stdout: '', stderr: stderr + result.errors.map((e) => formatTableError(file, e) + '\n').join('') }
  }
  if (result.questions.length === 0) return { code: 1, stdout: '', stderr: stderr + `${file}: 文件中没有题目\n` }
  return { code: 0, stdout: JSON.stringify({ questions: result.questions }, null, 2) + '\n', stderr }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void runQuizImport(process.argv.slice(2)).then((r) => {
    process.stdout.write(r.stdout)
    process.stderr.write(r.stderr)
    process.exitCode = r.code
  })
}
