// @vitest-environment node
import { cpSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../test-support'
import { migrate, MIGRATIONS_DIR } from './migrate'
import { DB_FILE, openSqliteStore } from './sqlite/open'

describe('migrations', () => {
  it('applies each .sql file once, in order, and records it', () => {
    const dir = tempDir()
    const migrations = join(dir.path, 'migrations')
    cpSync(MIGRATIONS_DIR, migrations, { recursive: true })
    const shipped = readdirSync(MIGRATIONS_DIR)
      .filter((f) => f.endsWith('.sql'))
      .sort()
    writeFileSync(join(migrations, '999_extra.sql'), 'CREATE TABLE extra (id TEXT PRIMARY KEY);')
    writeFileSync(join(migrations, 'README.txt'), 'not a migration')
    const db = new Database(':memory:')
    try {
      expect(migrate(db, migrations)).toEqual([...shipped, '999_extra.sql'])
      expect(migrate(db, migrations)).toEqual([])
      const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()
      expect(versions).toEqual([...shipped, '999_extra.sql'])
      writeFileSync(join(migrations, '999_extra.sql'), 'CREATE TABLE extra (id INTEGER);')
      expect(() => migrate(db, migrations)).toThrow(/999_extra\.sql changed/)
    } finally {
      db.close()
      dir.remove()
    }
  })

  it('rolls a failing migration back completely', () => {
    const dir = tempDir()
    writeFileSync(join(dir.path, '001_bad.sql'), 'CREATE TABLE t (id TEXT); INSERT INTO nowhere VALUES (1);')
    const db = new Database(':memory:')
    try {
      expect(() => migrate(db, dir.path)).toThrow()
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 't'").get()).toBeUndefined()
      expect(db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(0)
    } finally {
      db.close()
      dir.remove()
    }
  })

  it('opens the store in WAL mode, creating DATA_DIR, and reopens without re-migrating', async () => {
    const dir = tempDir()
    const dataDir = join(dir.path, 'nested', 'data')
    try {
      await openSqliteStore(dataDir).close()
      const store = openSqliteStore(dataDir)
      await store.close()
      const db = new Database(join(dataDir, DB_FILE), { readonly: true })
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      const shipped = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).length
      expect(db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(shipped)
      db.close()
    } finally {
      dir.remove()
    }
  })
})
