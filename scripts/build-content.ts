/**
 * Builds the shipped content from content/issues/*.txt:
 *   content/dist/index.json        IssueSummary[] newest first
 *   content/dist/issues/<id>.json  each Issue (compact JSON; the summary's hash is sha256 of exactly these bytes)
 * Files are written only when their bytes change and stale issue files are deleted, so re-running is cheap.
 * Any rejected issue prints FILE:LINE: message and exits 1 before anything is written.
 * Options (for tests): --in DIR (default content/issues), --out DIR (default content/dist).
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compareSummaries, serializeIssue, summarizeIssue, type IssueSummary } from '../src/domain/issue/index'
import { formatError, formatWarning, importIssueFile } from '../tools/lib/issue-files'

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..')

function option(argv: string[], name: string, fallback: string): string {
  const i = argv.indexOf(name)
  return i >= 0 && argv[i + 1] ? resolve(argv[i + 1]) : fallback
}

/** Writes `text` unless the file already holds exactly it; returns whether it wrote. */
function writeIfChanged(path: string, text: string): boolean {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return false
  writeFileSync(path, text)
  return true
}

function main(argv: string[]): number {
  const inDir = option(argv, '--in', join(ROOT, 'content', 'issues'))
  const outDir = option(argv, '--out', join(ROOT, 'content', 'dist'))
  // Paths as typed relative to the working directory (content/issues/x.txt), absolute when outside it.
  const display = (p: string): string => {
    const rel = relative(process.cwd(), p)
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? p : rel
  }
  const files = readdirSync(inDir).filter((f) => f.endsWith('.txt')).sort()

  const outputs: Array<{ id: string, json: string }> = []
  const summaries: IssueSummary[] = []
  let failed = false
  for (const name of files) {
    const file = join(inDir, name)
    const result = importIssueFile(file)
    if (!result.ok) {
      process.stderr.write(formatError(display(file), result.line, result.message) + '\n')
      failed = true
      continue
    }
    for (const w of result.issue.warnings) process.stderr.write(formatWarning(display(file), w) + '\n')
    const json = serializeIssue(result.issue)
    const hash = createHash('sha256').update(json, 'utf8').digest('hex')
    outputs.push({ id: result.issue.id, json })
    summaries.push(summarizeIssue(result.issue, json, hash))
  }
  if (failed) return 1

  const issuesDir = join(outDir, 'issues')
  mkdirSync(issuesDir, { recursive: true })
  let written = 0
  let deleted = 0
  for (const { id, json } of outputs) if (writeIfChanged(join(issuesDir, `${id}.json`), json)) written++
  const keep = new Set(outputs.map((o) => `${o.id}.json`))
  for (const name of readdirSync(issuesDir)) {
    if (name.endsWith('.json') && !keep.has(name)) {
      unlinkSync(join(issuesDir, name))
      deleted++
    }
  }
  summaries.sort(compareSummaries)
  if (writeIfChanged(join(outDir, 'index.json'), JSON.stringify(summaries, null, 2) + '\n')) written++
  process.stdout.write(`content: ${outputs.length} issue(s), ${written} file(s) written, ${deleted} deleted\n`)
  return 0
}

process.exitCode = main(process.argv.slice(2))
