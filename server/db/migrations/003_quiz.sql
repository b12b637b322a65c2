-- Scored quiz attempts (百题竞答): one per member and bank. Portable SQL, as 001.
-- The paper is stored with the seed, so a resumed or reviewed attempt never depends on the bank's current order.
CREATE TABLE quiz_attempts (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  bank_id TEXT NOT NULL,
  seed TEXT NOT NULL,
  paper_json TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  deadline BIGINT NOT NULL,
  submitted_at BIGINT,
  answers_json TEXT,
  result_json TEXT,
  UNIQUE (member_id, bank_id)
);
