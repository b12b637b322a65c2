-- Progress sync (src/domain/sync/SPEC.md). Portable SQL, as 001.

-- One row per app install that has pushed: whose it is (P5) and the last mutation id applied (P2, P3).
CREATE TABLE sync_clients (
  client_id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  last_mutation_id BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX sync_clients_member ON sync_clients (member_id);

-- Every mutation received, applied or rejected with its reason (P4): the audit trail and the proof of exactly-once.
CREATE TABLE sync_mutations (
  client_id TEXT NOT NULL,
  mutation_id BIGINT NOT NULL,
  member_id TEXT NOT NULL,
  name TEXT NOT NULL,
  args_json TEXT NOT NULL,
  at BIGINT NOT NULL,
  rejected TEXT,
  received_at BIGINT NOT NULL,
  PRIMARY KEY (client_id, mutation_id)
);

-- The member's derived facts, one row per fact key; `version` is the member's sync version when the row last
-- changed, so a pull returns rows with version > cookie (L1).
CREATE TABLE sync_facts (
  member_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  fact_key TEXT NOT NULL,
  json TEXT NOT NULL,
  version BIGINT NOT NULL,
  PRIMARY KEY (member_id, kind, fact_key)
);
CREATE INDEX sync_facts_version ON sync_facts (member_id, version);

-- Each member's sync version, bumped once by every push that changed a fact.
CREATE TABLE sync_members (
  member_id TEXT PRIMARY KEY,
  version BIGINT NOT NULL
);
