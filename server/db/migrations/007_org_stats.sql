-- Organization statistics, kept current by the writes that change them (server/db/sqlite/stats.ts), so reading the
-- ranking or an organization's figures never scans sync_facts or quiz_attempts. Portable SQL, as 001.

-- One row per member who has joined an organization or has progress. Counts of the member's facts (reads, books,
-- lectures, shares, talks), the sum of their sessions' ms, the best submitted scored quiz (null: none submitted),
-- the latest push or submission, when the member joined their organization, and `phases`: how many of 读 听 讲 答 the member is active in (0–4).
-- `org_id` copies members.org_id so an organization's member lines are one indexed range.
CREATE TABLE member_stats (
  member_id TEXT PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
  org_id TEXT REFERENCES orgs (id),
  joined_at BIGINT,
  articles BIGINT NOT NULL,
  reading_ms BIGINT NOT NULL,
  books BIGINT NOT NULL,
  lectures BIGINT NOT NULL,
  shares BIGINT NOT NULL,
  talks BIGINT NOT NULL,
  quiz_total DOUBLE PRECISION,
  quiz_max DOUBLE PRECISION,
  last_active BIGINT,
  phases INTEGER NOT NULL
);
CREATE INDEX member_stats_org ON member_stats (org_id, member_id);

-- One row per organization: the sums of its members' contributions, moved by each member's delta in the same
-- transaction as the fact, submission or join that caused it. `completion` = phase_sum / (4 × members), stored so
-- the ranking is an index walk (ties: more members first, then the name, copied here because orgs are never renamed).
CREATE TABLE org_stats (
  org_id TEXT PRIMARY KEY REFERENCES orgs (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  members BIGINT NOT NULL,
  active_read BIGINT NOT NULL,
  active_listen BIGINT NOT NULL,
  active_speak BIGINT NOT NULL,
  active_answer BIGINT NOT NULL,
  phase_sum BIGINT NOT NULL,
  quiz_count BIGINT NOT NULL,
  quiz_total_sum DOUBLE PRECISION NOT NULL,
  quiz_max_sum DOUBLE PRECISION NOT NULL,
  articles BIGINT NOT NULL,
  reading_ms BIGINT NOT NULL,
  completion DOUBLE PRECISION NOT NULL
);
CREATE INDEX org_stats_ranking ON org_stats (completion DESC, members DESC, name, org_id);

-- An organization's admins: they see member-level lines of that organization and export them.
CREATE TABLE org_admins (
  org_id TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  member_id TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (org_id, member_id)
);

-- 0 until the statistics have been filled in from the data stored before this migration (done once at open, in
-- code: the session lengths live inside JSON, which has no portable SQL accessor).
CREATE TABLE stats_state (
  id INTEGER PRIMARY KEY,
  filled INTEGER NOT NULL
);
INSERT INTO stats_state (id, filled) VALUES (1, 0);
