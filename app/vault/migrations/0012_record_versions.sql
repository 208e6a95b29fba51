-- Append-only history (issue 13): every change to a case-owned record keeps the row it
-- replaced. `record_versions` holds one row per earlier version — the old row as JSON
-- ({column: [storage class, value]}, see app/vault/record_versions.py) and the audit event that
-- had written it (`event_seq`), whose record hash the version must match (`casepath verify`).
-- The AFTER UPDATE / AFTER DELETE triggers that fill it are generated from each table's
-- columns by the program right after the migrations (record_versions.install), so a later
-- migration that adds a column is followed by triggers that copy it.
--
-- `case_id` names the case a version belongs to: erasure and handover find case-owned tables
-- by that column. The table is append-only: UPDATE is always refused, DELETE only while
-- `record_versions_control.erasing` is 1 — the one documented way, for erasing a case
-- (record_versions.erasing()); every version so removed leaves its (table, row) in
-- `record_versions_erased`, so verify knows that history was erased, not lost.
CREATE TABLE record_versions (
    id          INTEGER PRIMARY KEY,
    tbl         TEXT NOT NULL,
    row_id      INTEGER NOT NULL,
    case_id     INTEGER,              -- the case the record belongs to (no foreign key: kept)
    event_seq   INTEGER NOT NULL,     -- the audit event that wrote this version
    replaced_at TEXT NOT NULL,        -- UTC, when the row was changed or removed
    change      TEXT NOT NULL CHECK (change IN ('update', 'delete')),
    row_json    TEXT NOT NULL
);
CREATE INDEX record_versions_row ON record_versions(tbl, row_id, event_seq);
CREATE INDEX record_versions_case ON record_versions(case_id);

CREATE TABLE record_versions_control (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    erasing INTEGER NOT NULL DEFAULT 0 CHECK (erasing IN (0, 1))
);
INSERT INTO record_versions_control(id, erasing) VALUES (1, 0);

CREATE TABLE record_versions_erased (
    tbl       TEXT NOT NULL,
    row_id    INTEGER NOT NULL,
    case_id   INTEGER,
    erased_at TEXT NOT NULL,
    PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;

CREATE TRIGGER record_versions_no_update BEFORE UPDATE ON record_versions
BEGIN
    SELECT RAISE(ABORT, 'record versions cannot be changed');
END;

CREATE TRIGGER record_versions_no_delete BEFORE DELETE ON record_versions
WHEN (SELECT erasing FROM record_versions_control WHERE id = 1) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'record versions cannot be deleted, except when a case is erased');
END;

CREATE TRIGGER record_versions_erase_note AFTER DELETE ON record_versions
BEGIN
    INSERT OR IGNORE INTO record_versions_erased(tbl, row_id, case_id, erased_at)
    VALUES (old.tbl, old.row_id, old.case_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER record_versions_erased_no_update BEFORE UPDATE ON record_versions_erased
BEGIN
    SELECT RAISE(ABORT, 'the list of erased histories cannot be changed');
END;

CREATE TRIGGER record_versions_erased_no_delete BEFORE DELETE ON record_versions_erased
BEGIN
    SELECT RAISE(ABORT, 'the list of erased histories cannot be changed');
END;

CREATE TRIGGER record_versions_control_no_delete BEFORE DELETE ON record_versions_control
BEGIN
    SELECT RAISE(ABORT, 'the record history control row cannot be deleted');
END;

-- Changes made before this version kept no earlier versions: verify asks for versions of
-- changes recorded after this event only.
INSERT OR REPLACE INTO meta(key, value)
VALUES ('record_versions_from', (SELECT coalesce(max(seq), 0) FROM audit_events));

PRAGMA user_version = 12;
