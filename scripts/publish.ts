// npm run publish -- FILE [FILE…]: parse issue files (.txt, .docx, .pdf) and publish them into the database at DATA_DIR, so a
// running server lists them at once; each file's text is also kept in content/issues/ID.txt (for a Word or PDF
// file, the text read out of it). All or nothing: if any
// file does not parse, its FILE:LINE error is printed, nothing is published, and the exit code is 1. Warnings
// are printed as FILE:LINE: warning: … and do not stop the publishing.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { formatProblem, formatWarning } from '../src/domain/publish'
import { openSqliteStore } from '../server/db/sqlite/open'
import { toRecord } from '../server/services/content'
import { documentKind } from '../server/services/document-text'
import { readIssueDocument } from '../server/services/issue-files'

/** Publishes the files; returns the process exit code. */
export async function main(args: string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<number> {
  if (args.length === 0) {
    console.error('usage: npm run publish -- FILE [FILE…]   (.txt, .docx or .pdf; the id is the file name)')
    return 2
  }
  const records = []
  for (const file of args) {
    const { result, text, origin } = await readIssueDocument(file)
    if (!result.ok) {
      console.error(formatProblem(file, result.problem))
      return 1
    }
    for (const w of result.published.issue.warnings) console.error(formatWarning(file, w, origin?.[w.line - 1]))
    records.push({ file, text: documentKind(file) === 'txt' ? null : text, record: toRecord(result.published) })
  }
  const store = openSqliteStore(resolve(cwd, env.DATA_DIR || 'data'))
  try {
    const changed = new Set(
      await store.content.publish(
        records.map((r) => r.record),
        Date.now()
      )
    )
    const issuesDir = resolve(cwd, 'content/issues')
    mkdirSync(issuesDir, { recursive: true })
    for (const { file, text, record } of records) {
      const target = join(issuesDir, `${record.id}.txt`)
      // Keep the source with the content so a fresh database gets the same issue at the server's next start.
      if (text !== null) writeFileSync(target, text)
      else if (resolve(file) !== target) copyFileSync(file, target)
      console.log(`${changed.has(record.id) ? 'published' : 'unchanged'} ${record.id}`)
    }
  } finally {
    await store.close()
  }
  return 0
}

if (process.argv[1] !== undefined && /publish\.ts$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err)
      process.exit(1)
    }
  )
}
