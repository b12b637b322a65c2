-- Issue files an organization admin previewed in the app and may still publish (POST /api/publish/preview, then
-- /confirm or /cancel). Only the sha256 of the draft's token is stored, as for sessions. `record_json` is the
-- IssueRecord the preview showed and `source_text` the text it was read from, so confirming publishes exactly what
-- was previewed. One draft per member: a new preview replaces the earlier one. Expired drafts are deleted by the
-- next preview. Portable SQL, as 001.
CREATE TABLE publish_drafts (
  token_hash TEXT PRIMARY KEY,
  member_id TEXT NOT NULL UNIQUE REFERENCES members (id) ON DELETE CASCADE,
  issue_id TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  record_json TEXT NOT NULL,
  source_text TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX publish_drafts_expiry ON publish_drafts (expires_at);
