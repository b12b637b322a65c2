/**
 * Imports one newsletter text file and prints the Issue as JSON on stdout.
 * Usage: npm run -s import -- FILE
 * Warnings go to stderr as FILE:LINE: warning: …, exit 0. A rejected file prints FILE:LINE: message, exit 1.
 */
import { formatProblem, formatWarning } from '../src/domain/publish'
import { readIssueFile } from '../server/services/issue-files'

function main(argv: string[]): number {
  const files = argv.filter((a) => a !== '--')
  if (files.length !== 1) {
    process.stderr.write('用法：npm run -s import -- FILE\n')
    return 2
  }
  const file = files[0]
  // The same path as npm run publish and the server, so a file that imports here publishes there.
  const result = readIssueFile(file)
  if (!result.ok) {
    process.stderr.write(formatProblem(file, result.problem) + '\n')
    return 1
  }
  const { issue } = result.published
  for (const w of issue.warnings) process.stderr.write(formatWarning(file, w) + '\n')
  process.stdout.write(JSON.stringify(issue, null, 2) + '\n')
  return 0
}

process.exitCode = main(process.argv.slice(2))
