/**
 * Imports one newsletter file (.txt, .docx or .pdf) and prints the Issue as JSON on stdout.
 * Usage: npm run -s import -- FILE          npm run -s import -- --explain FILE
 * Warnings go to stderr as FILE:LINE: warning: …, exit 0. A rejected file prints FILE:LINE: message, exit 1.
 * --explain prints each line of the text the importer read (for Word and PDF files, the text read out of them)
 * with what it was read as: masthead, toc, section, title, paragraph, joined, attribution, page line, footer.
 */
import { parseIssueDetailed } from '../src/domain/issue/index'
import { formatProblem, formatWarning, issueIdFromFileName } from '../src/domain/publish'
import { readIssueDocument } from '../server/services/issue-files'

const USAGE = '用法：npm run -s import -- [--explain] FILE（.txt、.docx 或 .pdf）\n'

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== '--')
  const explain = args.includes('--explain')
  const files = args.filter((a) => a !== '--explain')
  if (files.length !== 1) {
    process.stderr.write(USAGE)
    return 2
  }
  const file = files[0]
  // The same path as npm run publish and the server, so a file that imports here publishes there.
  const { result, text, origin } = await readIssueDocument(file)
  const where = (line: number): string | undefined => origin?.[line - 1]
  if (explain && text !== null) {
    try {
      const { explained } = parseIssueDetailed(text, { id: issueIdFromFileName(file) || 'issue' })
      for (const l of explained) {
        const at = where(l.line)
        const chars = [...l.text]
        const shown = chars.length > 40 ? chars.slice(0, 40).join('') + '…' : l.text
        process.stdout.write(`${String(l.line).padStart(4)}  ${l.kind.padEnd(11)} ${shown}${at ? `  〔${at}〕` : ''}\n`)
      }
    } catch {
      // The refusal below says why; --explain has nothing more to show for a file that does not parse.
    }
  }
  if (!result.ok) {
    process.stderr.write(formatProblem(file, result.problem) + '\n')
    return 1
  }
  const { issue } = result.published
  for (const w of issue.warnings) process.stderr.write(formatWarning(file, w, where(w.line)) + '\n')
  if (!explain) process.stdout.write(JSON.stringify(issue, null, 2) + '\n')
  return 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    console.error(e)
    process.exitCode = 1
  }
)
