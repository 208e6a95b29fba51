-- Foundation: people, cases, what happened on them, the audit chain and full-text search.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE officers (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    role  TEXT NOT NULL CHECK (role IN ('hr_officer', 'hr_lead'))
);

CREATE TABLE employees (
    id              INTEGER PRIMARY KEY,
    employee_number TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    job_title       TEXT NOT NULL DEFAULT '',
    department      TEXT NOT NULL,
    manager         TEXT NOT NULL DEFAULT '',
    start_date      TEXT,
    email           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX employees_department ON employees(department);
CREATE INDEX employees_name ON employees(name);

CREATE TABLE cases (
    id               INTEGER PRIMARY KEY,
    reference        TEXT NOT NULL UNIQUE,
    employee_id      INTEGER NOT NULL REFERENCES employees(id),
    owner_id         INTEGER NOT NULL REFERENCES officers(id),
    track            TEXT NOT NULL CHECK (track IN ('standard', 'high_stakes')),
    stage            TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    opened_on        TEXT NOT NULL,
    closed_on        TEXT,
    outcome          TEXT,
    stage_entered_on TEXT,
    policy_id        INTEGER,
    -- Maintained by the services so the case list can sort and filter on them in SQL.
    next_due_on      TEXT,
    last_activity_on TEXT
);
CREATE INDEX cases_employee ON cases(employee_id);
CREATE INDEX cases_stage ON cases(stage, status);
CREATE INDEX cases_due ON cases(status, next_due_on);
CREATE INDEX cases_opened ON cases(opened_on);

CREATE TABLE conversations (
    id               INTEGER PRIMARY KEY,
    uid              TEXT NOT NULL UNIQUE,
    case_id          INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    held_on          TEXT NOT NULL,
    kind             TEXT NOT NULL,
    summary          TEXT NOT NULL,
    attendees        TEXT NOT NULL DEFAULT '[]',
    constraints_text TEXT NOT NULL DEFAULT '',
    expectations     TEXT NOT NULL DEFAULT '',
    root_causes      TEXT NOT NULL DEFAULT '[]',
    root_cause_notes TEXT NOT NULL DEFAULT '',
    agreed_actions   TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX conversations_case ON conversations(case_id, held_on);

CREATE TABLE indicators (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    category    TEXT NOT NULL,
    metric      TEXT NOT NULL,
    observed_on TEXT NOT NULL,
    expected    REAL,
    actual      REAL,
    unit        TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX indicators_case ON indicators(case_id, observed_on);

CREATE TABLE observations (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    observed_on TEXT NOT NULL,
    author      TEXT NOT NULL,
    author_role TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL
);
CREATE INDEX observations_case ON observations(case_id, observed_on);

CREATE TABLE decisions (
    id         INTEGER PRIMARY KEY,
    uid        TEXT NOT NULL UNIQUE,
    case_id    INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    decided_on TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    role       TEXT NOT NULL,
    summary    TEXT NOT NULL,
    rationale  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX decisions_case ON decisions(case_id, decided_on);

CREATE TABLE stage_changes (
    id         INTEGER PRIMARY KEY,
    uid        TEXT NOT NULL UNIQUE,
    case_id    INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    from_stage TEXT,
    to_stage   TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    actor      TEXT NOT NULL,
    role       TEXT NOT NULL,
    reason     TEXT NOT NULL,
    approvals  TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX stage_changes_case ON stage_changes(case_id, changed_at);

CREATE TABLE audit_events (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    officer     TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    digest      TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_events_entity ON audit_events(entity_type, entity_id);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit events cannot be changed');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit events cannot be deleted');
END;

-- Substring search over names, references and the text of conversations and notes.
-- rowid = source_id * 8 + source code, so triggers update one row by key, never by scan.
-- Codes: 1 case (reference + employee name), 2 conversation, 3 observation, 4 indicator,
-- 5 decision; later migrations use 6 and 7.
CREATE VIRTUAL TABLE case_text USING fts5(case_id UNINDEXED, body, tokenize = 'trigram');

CREATE TRIGGER cases_text_ai AFTER INSERT ON cases BEGIN
    INSERT INTO case_text(rowid, case_id, body)
    SELECT new.id * 8 + 1, new.id, new.reference || ' ' || e.name || ' ' || e.employee_number
    FROM employees e WHERE e.id = new.employee_id;
END;
CREATE TRIGGER cases_text_ad AFTER DELETE ON cases BEGIN
    DELETE FROM case_text WHERE rowid = old.id * 8 + 1;
END;
CREATE TRIGGER employees_text_au AFTER UPDATE OF name, employee_number ON employees BEGIN
    UPDATE case_text
    SET body = (SELECT reference FROM cases WHERE id = (case_text.rowid - 1) / 8)
               || ' ' || new.name || ' ' || new.employee_number
    WHERE rowid IN (SELECT id * 8 + 1 FROM cases WHERE employee_id = new.id);
END;

CREATE TRIGGER conversations_text_ai AFTER INSERT ON conversations BEGIN
    INSERT INTO case_text(rowid, case_id, body) VALUES (new.id * 8 + 2, new.case_id,
        new.summary || ' ' || new.constraints_text || ' ' || new.expectations || ' ' ||
        new.root_cause_notes || ' ' || new.agreed_actions || ' ' || new.attendees);
END;
CREATE TRIGGER conversations_text_au AFTER UPDATE ON conversations BEGIN
    UPDATE case_text SET body = new.summary || ' ' || new.constraints_text || ' ' ||
        new.expectations || ' ' || new.root_cause_notes || ' ' || new.agreed_actions || ' ' ||
        new.attendees
    WHERE rowid = new.id * 8 + 2;
END;
CREATE TRIGGER conversations_text_ad AFTER DELETE ON conversations BEGIN
    DELETE FROM case_text WHERE rowid = old.id * 8 + 2;
END;

CREATE TRIGGER observations_text_ai AFTER INSERT ON observations BEGIN
    INSERT INTO case_text(rowid, case_id, body)
    VALUES (new.id * 8 + 3, new.case_id, new.author || ' ' || new.body);
END;
CREATE TRIGGER observations_text_au AFTER UPDATE ON observations BEGIN
    UPDATE case_text SET body = new.author || ' ' || new.body WHERE rowid = new.id * 8 + 3;
END;
CREATE TRIGGER observations_text_ad AFTER DELETE ON observations BEGIN
    DELETE FROM case_text WHERE rowid = old.id * 8 + 3;
END;

CREATE TRIGGER indicators_text_ai AFTER INSERT ON indicators BEGIN
    INSERT INTO case_text(rowid, case_id, body)
    VALUES (new.id * 8 + 4, new.case_id, new.metric || ' ' || new.source || ' ' || new.note);
END;
CREATE TRIGGER indicators_text_au AFTER UPDATE ON indicators BEGIN
    UPDATE case_text SET body = new.metric || ' ' || new.source || ' ' || new.note
    WHERE rowid = new.id * 8 + 4;
END;
CREATE TRIGGER indicators_text_ad AFTER DELETE ON indicators BEGIN
    DELETE FROM case_text WHERE rowid = old.id * 8 + 4;
END;

CREATE TRIGGER decisions_text_ai AFTER INSERT ON decisions BEGIN
    INSERT INTO case_text(rowid, case_id, body)
    VALUES (new.id * 8 + 5, new.case_id, new.summary || ' ' || new.rationale);
END;
CREATE TRIGGER decisions_text_au AFTER UPDATE ON decisions BEGIN
    UPDATE case_text SET body = new.summary || ' ' || new.rationale WHERE rowid = new.id * 8 + 5;
END;
CREATE TRIGGER decisions_text_ad AFTER DELETE ON decisions BEGIN
    DELETE FROM case_text WHERE rowid = old.id * 8 + 5;
END;

PRAGMA user_version = 1;
