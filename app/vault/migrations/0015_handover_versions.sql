-- Earlier versions of records that came with a received handover bundle (issue 15).
--
-- They were kept by the SENDER's vault: `event_seq` names an event of the sender's chain
-- (kept in `handover_events` under the same `handover_id`), so they are stored here, verbatim,
-- and never in `record_versions`, which holds this vault's own history. `new_row_id` is the
-- id the record received here (NULL for a record the sender had removed before the handover).
-- `handovers.events_digest` commits to these rows together with the events
-- (app/vault/handover_store.py), and this vault's chain commits to the `handovers` row.
CREATE TABLE handover_versions (
    handover_id INTEGER NOT NULL REFERENCES handovers(id) ON DELETE CASCADE,
    tbl         TEXT NOT NULL,
    row_id      INTEGER NOT NULL,     -- the sender's id of the record
    new_row_id  INTEGER,              -- this vault's id of it
    case_id     INTEGER,              -- this vault's id of its case (erasure finds it)
    event_seq   INTEGER NOT NULL,     -- the sender's audit event that wrote this version
    replaced_at TEXT NOT NULL,
    change      TEXT NOT NULL CHECK (change IN ('update', 'delete')),
    row_json    TEXT NOT NULL,
    PRIMARY KEY (handover_id, tbl, row_id, event_seq)
) WITHOUT ROWID;
CREATE INDEX handover_versions_row ON handover_versions(tbl, new_row_id);
CREATE INDEX handover_versions_case ON handover_versions(case_id);

PRAGMA user_version = 15;
