-- Join codes that can end: NULL = never (the default, as before); otherwise epoch milliseconds after which the code
-- is refused. `npm run org -- rotate ORG --expires 30d` sets it together with a new code. Portable SQL, as 001.
ALTER TABLE orgs ADD COLUMN join_code_expires_at BIGINT;
