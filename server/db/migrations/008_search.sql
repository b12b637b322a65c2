-- 搜索 on the server (GET /api/search). SQLite only: FTS5 has no portable equivalent (PostgreSQL would use pg_trgm
-- or its own text search), and this table can always be rebuilt from `issues` (server/services/search.ts fills it).
--
-- Chinese has no spaces, so unicode61 alone would make a whole sentence one token. Each row's `tokens` is the
-- article's normalized text (src/domain/search: NFKC, lower case, punctuation and spaces dropped) written as its
-- overlapping bigrams plus the last character ("红岩村" → "红岩 岩村 村"), tokenized by unicode61 at the spaces.
-- A query of two or more characters is then the phrase of its bigrams ("红岩村" → "红岩 岩村"), which matches exactly
-- where the characters are adjacent; one character is a prefix query ("红"*). The trigram tokenizer was the other
-- choice, but it cannot answer two-character queries (the most common Chinese word length) without LIKE scans.
CREATE VIRTUAL TABLE search_fts USING fts5(
  tokens,
  issue_id UNINDEXED,
  article_index UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 0'
);

-- Which revision (content hash) of each issue search_fts holds.
CREATE TABLE search_issues (
  issue_id TEXT PRIMARY KEY,
  hash TEXT NOT NULL
);
