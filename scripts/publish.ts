// npm run publish -- FILE [FILE…]: parse issue texts and publish them into the database at DATA_DIR, so a
// running server lists them at once; each file is also copied into content/issues/. All or nothing: if any
// file does not parse, its FILE:LINE error is printed, nothing is published, and the exit code is 1.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { openSqliteStore } from '../server/db/sqlite/open'
import { prepareIssue, PublishError } from '../server/services/content'

/** Publishes the files; returns the process exit code. */
export async function main(args: string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<number> {
  if (args.length === 0) {
    console.error('usage: npm run publish -- FILE [FILE…]   (issue text files; the id is the file name)')
    return 2
  }
  const records = []
  for (const file of args) {
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (err) {
      console.error(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`)
      return 1
    }
    try {
      records.push({ file, record: prepareIssue(text, file) })
    } catch (err) {
      if (!(err instanceof PublishError)) throw err
      console.error(err.message)
      return 1
    }
  }
  const store = openSqliteStore(resolve(cwd, env.DATA_DIR || 'data'))
  try {
    const changed = new Set(await store.content.publish(records.map((r) => r.record), Date.now()))
    const issuesDir = resolve(cwd, 'content/issues')
    mkdirSync(issuesDir, { recursive: true })
    for (const { file, record } of records) {
      const target = join(issuesDir, `${record.id}.txt`)
      // Keep the source with the content so a fresh database (or `npm run content`) gets the same issue.
      if (resolve(file) !== target) copyFileSync(file, target)
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
    },
  )
}
