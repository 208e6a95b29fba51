-- The audit chain commits to the data (docs/AUDIT.md): each event that writes a record carries
-- the canonical hash of the row it left (or 'deleted'). Existing records get one "baseline"
-- event each, appended by the program right after this migration (SQL has no SHA-256 here);
-- meta 'audit_records_baseline' says it was done. Officers can be retired, never deleted.
ALTER TABLE audit_events ADD COLUMN record_hash TEXT;

ALTER TABLE officers ADD COLUMN retired_on TEXT;

-- Names the vault in audit receipts, so a receipt is never checked against another vault.
INSERT OR IGNORE INTO meta(key, value) VALUES ('vault_id', lower(hex(randomblob(16))));

PRAGMA user_version = 7;
