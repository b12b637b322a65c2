/**
 * Imports one newsletter text file and prints the Issue as JSON on stdout.
 * Usage: npm run -s import -- FILE
 * Warnings go to stderr as FILE:LINE: warning: …, exit 0. A rejected file prints FILE:LINE: message, exit 1.
 */
import { formatError, formatWarning, importIssueFile } from '../tools/lib/issue-files'

function main(argv: string[]): number {
  const files = argv.filter((a) => a !== '--')
  if (files.length !== 1) {
    process.stderr.write('用法：npm run -s import -- FILE\n')
    return 2
  }
  const file = files[0]
  const result = importIssueFile(file)
  if (!result.ok) {
    process.stderr.write(formatError(file, result.line, result.message) + '\n')
    return 1
  }
  for (const w of result.issue.warnings) process.stderr.write(formatWarning(file, w) + '\n')
  process.stdout.write(JSON.stringify(result.issue, null, 2) + '\n')
  return 0
}

process.exitCode = main(process.argv.slice(2))
