-- Coaching plans (every version kept), progress against objectives, formal reviews and outcomes.
-- Objectives (with their micro-goals) and resources are small nested lists stored as JSON on
-- the plan version; uids inside them survive revisions so progress keeps its objective.
CREATE TABLE coaching_plans (
    id                INTEGER PRIMARY KEY,
    uid               TEXT NOT NULL UNIQUE,
    case_id           INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    version           INTEGER NOT NULL CHECK (version >= 1),
    status            TEXT NOT NULL CHECK (status IN ('active', 'superseded')),
    starts_on         TEXT NOT NULL,
    ends_on           TEXT NOT NULL,
    manager           TEXT NOT NULL,
    hr_officer        TEXT NOT NULL,
    executive_sponsor TEXT NOT NULL DEFAULT '',
    objectives        TEXT NOT NULL DEFAULT '[]',
    resources         TEXT NOT NULL DEFAULT '[]',
    agreed_on         TEXT,
    employee_agreed   INTEGER CHECK (employee_agreed IN (0, 1)),
    employee_comment  TEXT NOT NULL DEFAULT '',
    revision_of       INTEGER REFERENCES coaching_plans(id),
    revision_reason   TEXT NOT NULL DEFAULT '',
    created_on        TEXT NOT NULL,
    UNIQUE (case_id, version)
);
-- A case has at most one active plan.
CREATE UNIQUE INDEX coaching_plans_one_active ON coaching_plans(case_id) WHERE status = 'active';
CREATE INDEX coaching_plans_status ON coaching_plans(status);

CREATE TABLE plan_progress (
    id                 INTEGER PRIMARY KEY,
    uid                TEXT NOT NULL UNIQUE,
    case_id            INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    plan_id            INTEGER REFERENCES coaching_plans(id),
    objective_uid      TEXT NOT NULL,
    recorded_on        TEXT NOT NULL,
    value              REAL,
    note               TEXT NOT NULL,
    milestone_achieved INTEGER NOT NULL DEFAULT 0 CHECK (milestone_achieved IN (0, 1))
);
CREATE INDEX plan_progress_case ON plan_progress(case_id, recorded_on);

CREATE TABLE reviews (
    id               INTEGER PRIMARY KEY,
    uid              TEXT NOT NULL UNIQUE,
    case_id          INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    plan_id          INTEGER REFERENCES coaching_plans(id),
    starts_at        TEXT NOT NULL,   -- local wall-clock time, ISO 8601 without offset
    timezone         TEXT NOT NULL,   -- IANA name, e.g. Europe/London
    starts_utc       TEXT NOT NULL,   -- the same instant in UTC, for ordering across zones
    duration_minutes INTEGER NOT NULL,
    location         TEXT NOT NULL DEFAULT '',
    call_link        TEXT NOT NULL DEFAULT '',
    participants     TEXT NOT NULL DEFAULT '[]',
    status           TEXT NOT NULL CHECK (status IN ('scheduled', 'held', 'cancelled')),
    sequence         INTEGER NOT NULL DEFAULT 0,
    note             TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reviews_case ON reviews(case_id, starts_utc);
CREATE INDEX reviews_upcoming ON reviews(status, starts_utc);

CREATE TABLE review_outcomes (
    id                INTEGER PRIMARY KEY,
    uid               TEXT NOT NULL UNIQUE,
    review_id         INTEGER NOT NULL UNIQUE REFERENCES reviews(id) ON DELETE CASCADE,
    case_id           INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    held_on           TEXT NOT NULL,
    attended          TEXT NOT NULL DEFAULT '[]',
    assessments       TEXT NOT NULL DEFAULT '[]',
    decision          TEXT NOT NULL CHECK (decision IN
                          ('continue', 'extend_with_exception', 'close_as_improved', 'escalate')),
    summary           TEXT NOT NULL,
    plan_working      INTEGER NOT NULL CHECK (plan_working IN (0, 1)),
    resources_right   INTEGER NOT NULL CHECK (resources_right IN (0, 1)),
    timelines_right   INTEGER NOT NULL CHECK (timelines_right IN (0, 1)),
    role_alignment    TEXT NOT NULL DEFAULT '',
    workload          TEXT NOT NULL DEFAULT '',
    refreshed_targets TEXT NOT NULL DEFAULT '[]',
    next_review_on    TEXT
);
CREATE INDEX review_outcomes_case ON review_outcomes(case_id, held_on);

-- Full-text search, code 7: one row per case (rowid = case_id * 8 + 7) holding the text of its
-- active plan, every plan comment and revision reason, progress notes and review outcomes.
-- Each trigger rebuilds that one row by key; plans are small, so this stays cheap.
CREATE TRIGGER coaching_plans_text_ai AFTER INSERT ON coaching_plans BEGIN
    INSERT OR REPLACE INTO case_text(rowid, case_id, body) VALUES (new.case_id * 8 + 7,
        new.case_id,
        coalesce((SELECT group_concat(j.value, ' ') FROM coaching_plans p, json_tree(p.objectives) j
                  WHERE p.case_id = new.case_id AND p.status = 'active' AND j.type = 'text'
                  AND j.key IN ('title', 'measure', 'unit', 'note')), '') || ' ' ||
        coalesce((SELECT group_concat(j.value, ' ') FROM coaching_plans p, json_tree(p.resources) j
                  WHERE p.case_id = new.case_id AND p.status = 'active' AND j.type = 'text'
                  AND j.key IN ('description', 'provider')), '') || ' ' ||
        coalesce((SELECT group_concat(employee_comment || ' ' || revision_reason, ' ')
                  FROM coaching_plans WHERE case_id = new.case_id), '') || ' ' ||
        coalesce((SELECT group_concat(note, ' ') FROM plan_progress
                  WHERE case_id = new.case_id), '') || ' ' ||
        coalesce((SELECT group_concat(summary || ' ' || role_alignment || ' ' || workload, ' ')
                  FROM review_outcomes WHERE case_id = new.case_id), ''));
END;
CREATE TRIGGER coaching_plans_text_au AFTER UPDATE ON coaching_plans BEGIN
    INSERT OR REPLACE INTO case_text(rowid, case_id, body) VALUES (new.case_id * 8 + 7,
        new.case_id,
        coalesce((SELECT group_concat(j.value, ' ') FROM coaching_plans p, json_tree(p.objectives) j
                  WHERE p.case_id = new.case_id AND p.status = 'active' AND j.type = 'text'
                  AND j.key IN ('title', 'measure', 'unit', 'note')), '') || ' ' ||
        coalesce((SELECT group_concat(j.value, ' ') FROM coaching_plans p, json_tree(p.resources) j
                  WHERE p.case_id = new.case_id AND p.status = 'active' AND j.type = 'text'
                  AND j.key IN ('description', 'provider')), '') || ' ' ||
        coalesce((SELECT group_concat(employee_comment || ' ' || revision_reason, ' ')
                  FROM coaching_plans WHERE case_id = new.case_id), '') || ' ' ||
        coalesce((SELECT group_concat(note, ' ') FROM plan_progress
                  WHERE case_id = new.case_id), '') || ' ' ||
        coalesce((SELECT group_concat(summary || ' ' || role_alignment || ' ' || workload, ' ')
                  FROM review_outcomes WHERE case_id = new.case_id), ''));
END;
CREATE TRIGGER plan_progress_text_ai AFTER INSERT ON plan_progress BEGIN
    INSERT OR REPLACE INTO case_text(rowid, case_id, body) VALUES (new.case_id * 8 + 7,
        new.case_id,
        coalesce((SELECT group_concat(j.value, ' ') FROM coaching_plans p, json_tree(p.objectives) j
                  WHERE p.case_id = new.case_id AND p.status = 'active' AND j.type = 'text'
                  AND j.key IN ('title', 'measure', 'unit', 'note')), '') || ' ' ||
        coalesce((SELECT group_concat(j.value, ' ') FROM coaching_plans p, json_tree(p.resources) j
                  WHERE p.case_id = new.case_id AND p.status = 'active' AND j.type = 'text'
                  AND j.key IN ('description', 'provider')), '') || ' ' ||
        coalesce((SELECT group_concat(employee_comment || ' ' || revision_reason, ' ')
                  FROM coaching_plans WHERE case_id = new.case_id), '') || ' ' ||
        coalesce((SELECT group_concat(note, ' ') FROM plan_progress
                  WHERE case_id = new.case_id), '') || ' ' ||
        coalesce((SELECT group_concat(summary || ' ' || role_alignment || ' ' || workload, ' ')
                  FROM review_outcomes WHERE case_id = new.case_id), ''));
END;
CREATE TRIGGER review_outcomes_text_ai AFTER INSERT ON review_outcomes BEGIN
    INSERT OR REPLACE INTO case_text(rowid, case_id, body) VALUES (new.case_id * 8 + 7,
        new.case_id,
        coalesce((SELECT group_concat(j.value, ' ') FROM coaching_plans p, json_tree(p.objectives) j
                  WHERE p.case_id = new.case_id AND p.status = 'active' AND j.type = 'text'
                  AND j.key IN ('title', 'measure', 'unit', 'note')), '') || ' ' ||
        coalesce((SELECT group_concat(j.value, ' ') FROM coaching_plans p, json_tree(p.resources) j
                  WHERE p.case_id = new.case_id AND p.status = 'active' AND j.type = 'text'
                  AND j.key IN ('description', 'provider')), '') || ' ' ||
        coalesce((SELECT group_concat(employee_comment || ' ' || revision_reason, ' ')
                  FROM coaching_plans WHERE case_id = new.case_id), '') || ' ' ||
        coalesce((SELECT group_concat(note, ' ') FROM plan_progress
                  WHERE case_id = new.case_id), '') || ' ' ||
        coalesce((SELECT group_concat(summary || ' ' || role_alignment || ' ' || workload, ' ')
                  FROM review_outcomes WHERE case_id = new.case_id), ''));
END;
CREATE TRIGGER cases_plan_text_ad AFTER DELETE ON cases BEGIN
    DELETE FROM case_text WHERE rowid = old.id * 8 + 7;
END;

PRAGMA user_version = 3;
