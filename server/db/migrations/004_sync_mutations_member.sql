-- A member's mutations by name and arrival, so the quiz can read the contest answers the server received by a
-- deadline (server/db/sqlite/sync-repo.ts answerFacts) without scanning every member's mutations. Portable SQL.
CREATE INDEX sync_mutations_member ON sync_mutations (member_id, name, received_at);
