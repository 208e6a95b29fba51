-- The escalation path as policy: stored policy versions, approvals of moves, exceptions.
-- The default policy text is stored by the service (a migration cannot read resources):
-- on vault creation, and on first use of a vault upgraded from version 1.

CREATE TABLE policies (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    source     TEXT NOT NULL,          -- the TOML text exactly as imported
    sha256     TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE approvals (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    case_id         INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    from_stage      TEXT NOT NULL,
    to_stage        TEXT NOT NULL,      -- a stage key, or 'closed:<outcome>' for closing
    role            TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('approve', 'review')),
    status          TEXT NOT NULL CHECK (status IN ('pending', 'granted', 'declined', 'used',
                                                    'lapsed')),
    requested_at    TEXT NOT NULL,
    person          TEXT NOT NULL DEFAULT '',
    requested_by    TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    decided_at      TEXT,
    stage_change_id INTEGER REFERENCES stage_changes(id)
);
CREATE INDEX approvals_case ON approvals(case_id, status);
CREATE INDEX approvals_status ON approvals(status, case_id);

CREATE TABLE case_exceptions (
    id                  INTEGER PRIMARY KEY,
    uid                 TEXT NOT NULL UNIQUE,
    case_id             INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind                TEXT NOT NULL CHECK (kind IN ('extend', 'pause', 'skip', 'deviation')),
    reason              TEXT NOT NULL,
    requested_by        TEXT NOT NULL,
    requested_on        TEXT NOT NULL,
    stage               TEXT NOT NULL,
    approver            TEXT NOT NULL DEFAULT '',
    approver_role       TEXT,
    status              TEXT NOT NULL CHECK (status IN ('requested', 'approved', 'declined')),
    starts_on           TEXT,
    ends_on             TEXT,
    extra_business_days INTEGER NOT NULL DEFAULT 0,
    skip_stage          TEXT NOT NULL DEFAULT '',
    decided_on          TEXT
);
CREATE INDEX case_exceptions_case ON case_exceptions(case_id, kind, status);
CREATE INDEX case_exceptions_status ON case_exceptions(status, kind, starts_on, ends_on);

-- Exception reasons are searchable like the rest of a case (FTS code 6).
CREATE TRIGGER case_exceptions_text_ai AFTER INSERT ON case_exceptions BEGIN
    INSERT INTO case_text(rowid, case_id, body)
    VALUES (new.id * 8 + 6, new.case_id, new.reason || ' ' || new.requested_by || ' ' ||
            new.approver);
END;
CREATE TRIGGER case_exceptions_text_au AFTER UPDATE OF reason, requested_by, approver
    ON case_exceptions BEGIN
    UPDATE case_text SET body = new.reason || ' ' || new.requested_by || ' ' || new.approver
    WHERE rowid = new.id * 8 + 6;
END;
CREATE TRIGGER case_exceptions_text_ad AFTER DELETE ON case_exceptions BEGIN
    DELETE FROM case_text WHERE rowid = old.id * 8 + 6;
END;

PRAGMA user_version = 2;
