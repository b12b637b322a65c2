import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Database } from 'better-sqlite3'

/** Folder holding the numbered .sql migrations shipped with the server. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url))

/** Applies every migration not yet recorded in schema_migrations, each in its own transaction; returns the applied names. */
export function migrate(db: Database, dir: string = MIGRATIONS_DIR): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at BIGINT NOT NULL)`)
  const applied = new Map(
    (
      db.prepare('SELECT version, checksum FROM schema_migrations').all() as Array<{
        version: string
        checksum: string
      }>
    ).map((r) => [r.version, r.checksum])
  )
  const files = readdirSync(dir)
    .filter((f) => /^\d+_[\w-]+\.sql$/.test(f))
    .sort()
  const done: string[] = []
  for (const file of files) {
    const sql = readFileSync(join(dir, file), 'utf8')
    const checksum = createHash('sha256').update(sql).digest('hex')
    const previous = applied.get(file)
    if (previous !== undefined) {
      // An edited migration would leave databases that ran the old text silently different from new ones.
      if (previous !== checksum)
        throw new Error(`migration ${file} changed after it was applied; add a new migration instead`)
      continue
    }
    db.transaction(() => {
      db.exec(sql)
      db.prepare('INSERT INTO schema_migrations (version, checksum, applied_at) VALUES (?, ?, ?)').run(
        file,
        checksum,
        Date.now()
      )
    })()
    done.push(file)
  }
  return done
}
