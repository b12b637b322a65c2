import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { migrate } from '../migrate'
import type { Store } from '../repos'
import { SqliteAccountRepo } from './account-repo'
import { SqliteContentRepo } from './content-repo'
import { SqliteDraftRepo } from './draft-repo'
import { SqliteOrgRepo } from './org-repo'
import { SqliteQuizRepo } from './quiz-repo'
import { SqliteSearchRepo } from './search-repo'
import { SqliteStatsRepo } from './stats-repo'
import { SqliteSyncRepo } from './sync-repo'

/** Name of the database file inside DATA_DIR. */
export const DB_FILE = 'app.db'

/** Opens (creating and migrating if needed) the SQLite store in dataDir. */
export function openSqliteStore(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(join(dataDir, DB_FILE))
  // WAL lets `npm run publish` and `npm run org` write while the server keeps reading.
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  // A second process may hold the write lock briefly; wait instead of failing with SQLITE_BUSY.
  db.pragma('busy_timeout = 5000')
  migrate(db)
  return {
    content: new SqliteContentRepo(db),
    accounts: new SqliteAccountRepo(db),
    orgs: new SqliteOrgRepo(db),
    sync: new SqliteSyncRepo(db),
    quiz: new SqliteQuizRepo(db),
    stats: new SqliteStatsRepo(db),
    drafts: new SqliteDraftRepo(db),
    search: new SqliteSearchRepo(db),
    async close() {
      if (db.open) db.close()
    }
  }
}
