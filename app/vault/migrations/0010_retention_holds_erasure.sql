-- Privacy duties (issue 15): legal holds on cases, and erasures that leave a content-free trace.
--
-- A legal hold stops every deletion of its case while it is in force (released_on IS NULL);
-- lifting it keeps the row, so the hold's history stays in the vault and in the audit chain.
CREATE TABLE legal_holds (
    id             INTEGER PRIMARY KEY,
    case_id        INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    reason         TEXT NOT NULL,
    placed_by      TEXT NOT NULL,
    placed_on      TEXT NOT NULL,
    released_by    TEXT,
    released_on    TEXT,
    release_reason TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX legal_holds_one_active ON legal_holds(case_id) WHERE released_on IS NULL;

-- One row per erasure, written in the erasure's transaction and named by its one audit event.
-- It holds no names: what was erased (a case or an employee), under which rule, how many rows
-- of each table went, and the (table, id) pairs of the audited rows it removed, so `verify`
-- accounts for them (docs/AUDIT.md, "Erasure").
CREATE TABLE erasures (
    id        INTEGER PRIMARY KEY,
    erased_at TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('case', 'employee')),
    rule      TEXT NOT NULL,
    counts    TEXT NOT NULL,   -- canonical JSON {table: rows removed}
    erased    TEXT NOT NULL    -- canonical JSON [[table, id], ...] of the audited rows removed
);

-- The search index keeps FTS5's default delete (a tombstone until the next merge): an erasure
-- merges the whole index ('optimize') instead, which bench/bench_erasure.py measured 4x
-- cheaper than FTS5's secure-delete option on every delete.

PRAGMA user_version = 10;
