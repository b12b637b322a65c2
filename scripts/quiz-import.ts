/**
 * Imports a question bank (.xlsx or .csv, one question a row, header in row 1) and prints it as JSON on stdout.
 * Usage: npm run -s quiz:import -- FILE [--issues DIR]
 * 出处 quotes are looked up in the issues of DIR (default content/issues). A bank with bad rows prints every
 * problem as FILE:ROW:COLUMN: message on stderr and exits 1. The reading itself lives in
 * server/services/quiz-files.ts, which the server uses to load the shipped banks.
 */
import { extname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readBankTable, loadIssues, formatTableError } from '../server/services/quiz-files'
import { importTable } from '../src/domain/quiz/index'

export { csvTable, decodeCsv, formatTableError, loadIssues, xlsxTable } from '../server/services/quiz-files'

const USAGE = '用法：npm run -s quiz:import -- FILE [--issues DIR]'

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
  const read = await readBankTable(file)
  if (!read.ok) return { code: 1, stdout: '', stderr: read.problem + '\n' }
  const table = read.table
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
