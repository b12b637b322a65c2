-- Portable SQL (SQLite and PostgreSQL): TEXT ids, BIGINT epoch milliseconds, no booleans, no AUTOINCREMENT.

-- Issues as published. `json` is the exact body served by GET /api/issues/:id and `hash` its sha256 hex (as in
-- content/dist/index.json; the ETag), so serving never re-serializes. `source_hash` is the sha256 of the text
-- file it was parsed from.
-- The index order (newest first, then id) is the domain's compareSummaries.
CREATE TABLE issues (
  id TEXT PRIMARY KEY,
  json TEXT NOT NULL,
  hash TEXT NOT NULL,
  summary_json TEXT NOT NULL,
  source_hash TEXT NOT NULL,
  published_on TEXT NOT NULL,
  published_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX issues_newest ON issues (published_on, id);

-- A single row bumped by every publish: a server (or several) caches the index until the revision moves,
-- which also lets a separate `npm run publish` process update a running server.
CREATE TABLE content_state (
  id INTEGER PRIMARY KEY,
  revision BIGINT NOT NULL
);
INSERT INTO content_state (id, revision) VALUES (1, 0);

-- 党组织. Members join with the join code that `npm run org -- create` prints.
CREATE TABLE orgs (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  join_code TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);

CREATE TABLE members (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  org_id TEXT REFERENCES orgs (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- WeChat identity of a member. session_key is deliberately not stored: nothing needs it yet, and a secret
-- that is not kept cannot leak.
CREATE TABLE wechat_accounts (
  openid TEXT PRIMARY KEY,
  unionid TEXT,
  member_id TEXT NOT NULL REFERENCES members (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX wechat_accounts_member ON wechat_accounts (member_id);

-- One row per signed-in device. Only the sha256 of the bearer token is kept, so a leaked database
-- does not leak usable tokens. Revoked rows stay for the audit trail.
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES members (id),
  token_hash TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  device_name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX sessions_member ON sessions (member_id);

-- Short-lived codes that let a second device sign in as the same member. Hashed like tokens.
CREATE TABLE pairing_codes (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES members (id),
  code_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX pairing_codes_hash ON pairing_codes (code_hash);
CREATE INDEX pairing_codes_member ON pairing_codes (member_id);
