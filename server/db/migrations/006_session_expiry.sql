-- Sessions that end (server/services/auth.ts: SESSION_IDLE_MS, SESSION_MAX_AGE_MS): when each was last used,
-- renewed at most once a day. Existing sessions count as used when they began. Portable SQL, as 001.
ALTER TABLE sessions ADD COLUMN last_used_at BIGINT NOT NULL DEFAULT 0;
UPDATE sessions SET last_used_at = created_at;
CREATE INDEX sessions_live ON sessions (revoked_at, last_used_at);
