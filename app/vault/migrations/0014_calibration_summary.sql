-- Calibration figures at 100k cases (issue 16, docs/PERFORMANCE.md) and the redaction index.
--
-- case_calibration: per case, what the figures need from its child tables — the first indicator,
-- the first conversation, whether it ever had a coaching plan, and the distinct root causes
-- recorded over its conversations (a sorted JSON array). Reading these from indicators and
-- conversations meant scanning 550k index entries and every conversation row (long text,
-- decrypted page by page) per report. Derived data only: every write to a source column
-- recomputes that case's row from the source tables (index lookups), so the row always equals
-- a recomputation (tests/unit/test_calibration_summary.py checks after every kind of write).
-- A case with no indicator, conversation or plan may have no row; readers treat that as empty.
CREATE TABLE IF NOT EXISTS case_calibration (
    case_id               INTEGER PRIMARY KEY,
    first_indicator_on    TEXT,
    first_conversation_on TEXT,
    has_plan              INTEGER NOT NULL,
    root_causes           TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS indicators_calibration_ai AFTER INSERT ON indicators BEGIN
    INSERT OR REPLACE INTO case_calibration
    SELECT new.case_id,
           (SELECT MIN(observed_on) FROM indicators WHERE case_id = new.case_id),
           (SELECT MIN(held_on) FROM conversations WHERE case_id = new.case_id),
           EXISTS (SELECT 1 FROM coaching_plans WHERE case_id = new.case_id),
           (SELECT json_group_array(value) FROM (
                SELECT DISTINCT j.value AS value FROM conversations v, json_each(v.root_causes) j
                WHERE v.case_id = new.case_id ORDER BY 1))
    WHERE EXISTS (SELECT 1 FROM cases WHERE id = new.case_id);
END;
CREATE TRIGGER IF NOT EXISTS indicators_calibration_ad AFTER DELETE ON indicators BEGIN
    INSERT OR REPLACE INTO case_calibration
    SELECT old.case_id,
           (SELECT MIN(observed_on) FROM indicators WHERE case_id = old.case_id),
           (SELECT MIN(held_on) FROM conversations WHERE case_id = old.case_id),
           EXISTS (SELECT 1 FROM coaching_plans WHERE case_id = old.case_id),
           (SELECT json_group_array(value) FROM (
                SELECT DISTINCT j.value AS value FROM conversations v, json_each(v.root_causes) j
                WHERE v.case_id = old.case_id ORDER BY 1))
    WHERE EXISTS (SELECT 1 FROM cases WHERE id = old.case_id);
END;
CREATE TRIGGER IF NOT EXISTS indicators_calibration_au AFTER UPDATE OF case_id, observed_on ON indicators BEGIN
    INSERT OR REPLACE INTO case_calibration
    SELECT old.case_id,
           (SELECT MIN(observed_on) FROM indicators WHERE case_id = old.case_id),
           (SELECT MIN(held_on) FROM conversations WHERE case_id = old.case_id),
           EXISTS (SELECT 1 FROM coaching_plans WHERE case_id = old.case_id),
           (SELECT json_group_array(value) FROM (
                SELECT DISTINCT j.value AS value FROM conversations v, json_each(v.root_causes) j
                WHERE v.case_id = old.case_id ORDER BY 1))
    WHERE EXISTS (SELECT 1 FROM cases WHERE id = old.case_id);
    INSERT OR REPLACE INTO case_calibration
    SELECT new.case_id,
           (SELECT MIN(observed_on) FROM indicators WHERE case_id = new.case_id),
           (SELECT MIN(held_on) FROM conversations WHERE case_id = new.case_id),
           EXISTS (SELECT 1 FROM coaching_plans WHERE case_id = new.case_id),
           (SELECT json_group_array(value) FROM (
                SELECT DISTINCT j.value AS value FROM conversations v, json_each(v.root_causes) j
                WHERE v.case_id = new.case_id ORDER BY 1))
    WHERE EXISTS (SELECT 1 FROM cases WHERE id = new.case_id);
END;
CREATE TRIGGER IF NOT EXISTS conversations_calibration_ai AFTER INSERT ON conversations BEGIN
    INSERT OR REPLACE INTO case_calibration
    SELECT new.case_id,
           (SELECT MIN(observed_on) FROM indicators WHERE case_id = new.case_id),
           (SELECT MIN(held_on) FROM conversations WHERE case_id = new.case_id),
           EXISTS (SELECT 1 FROM coaching_plans WHERE case_id = new.case_id),
           (SELECT json_group_array(value) FROM (
                SELECT DISTINCT j.value AS value FROM conversations v, json_each(v.root_causes) j
                WHERE v.case_id = new.case_id ORDER BY 1))
    WHERE EXISTS (SELECT 1 FROM cases WHERE id = new.case_id);
END;
CREATE TRIGGER IF NOT EXISTS conversations_calibration_ad AFTER DELETE ON conversations BEGIN
    INSERT OR REPLACE INTO case_calibration
    SELECT old.case_id,
           (SELECT MIN(observed_on) FROM indicators WHERE case_id = old.case_id),
           (SELECT MIN(held_on) FROM conversations WHERE case_id = old.case_id),
           EXISTS (SELECT 1 FROM coaching_plans WHERE case_id = old.case_id),
           (SELECT json_group_array(value) FROM (
                SELECT DISTINCT j.value AS value FROM conversations v, json_each(v.root_causes) j
                WHERE v.case_id = old.case_id ORDER BY 1))
    WHERE EXISTS (SELECT 1 FROM cases WHERE id = old.case_id);
END;
CREATE TRIGGER IF NOT EXISTS conversations_calibration_au AFTER UPDATE OF case_id, held_on, root_causes ON conversations BEGIN
    INSERT OR REPLACE INTO case_calibration
    SELECT old.case_id,
           (SELECT MIN(observed_on) FROM indicators WHERE case_id = old.case_id),
           (SELECT MIN(held_on) FROM conversations WHERE case_id = old.case_id),
           EXISTS (SELECT 1 FROM coaching_plans WHERE case_id = old.case_id),
           (SELECT json_group_array(value) FROM (
                SELECT DISTINCT j.value AS value FROM conversations v, json_each(v.root_causes) j
                WHERE v.case_id = old.case_id ORDER BY 1))
    WHERE EXISTS (SELECT 1 FROM cases WHERE id = old.case_id);
    INSERT OR REPLACE INTO case_calibration
    SELECT new.case_id,
           (SELECT MIN(observed_on) FROM indicators WHERE case_id = new.case_id),
           (SELECT MIN(held_on) FROM conversations WHERE case_id = new.case_id),
           EXISTS (SELECT 1 FROM coaching_plans WHERE case_id = new.case_id),
           (SELECT json_group_array(value) FROM (
                SELECT DISTINCT j.value AS value FROM conversations v, json_each(v.root_causes) j
                WHERE v.case_id = new.case_id ORDER BY 1))
    WHERE EXISTS (SELECT 1 FROM cases WHERE id = new.case_id);
END;
CREATE TRIGGER IF NOT EXISTS coaching_plans_calibration_ai AFTER INSERT ON coaching_plans BEGIN
    INSERT OR REPLACE INTO case_calibration
    SELECT new.case_id,
           (SELECT MIN(observed_on) FROM indicators WHERE case_id = new.case_id),
           (SELECT MIN(held_on) FROM conversations WHERE case_id = new.case_id),
           EXISTS (SELECT 1 FROM coaching_plans WHERE case_id = new.case_id),
           (SELECT json_group_array(value) FROM (
                SELECT DISTINCT j.value AS value FROM conversations v, json_each(v.root_causes) j
                WHERE v.case_id = new.case_id ORDER BY 1))
    WHERE EXISTS (SELECT 1 FROM cases WHERE id = new.case_id);
END;
CREATE TRIGGER IF NOT EXISTS coaching_plans_calibration_ad AFTER DELETE ON coaching_plans BEGIN
    INSERT OR REPLACE INTO case_calibration
    SELECT old.case_id,
           (SELECT MIN(observed_on) FROM indicators WHERE case_id = old.case_id),
           (SELECT MIN(held_on) FROM conversations WHERE case_id = old.case_id),
           EXISTS (SELECT 1 FROM coaching_plans WHERE case_id = old.case_id),
           (SELECT json_group_array(value) FROM (
                SELECT DISTINCT j.value AS value FROM conversations v, json_each(v.root_causes) j
                WHERE v.case_id = old.case_id ORDER BY 1))
    WHERE EXISTS (SELECT 1 FROM cases WHERE id = old.case_id);
END;
CREATE TRIGGER IF NOT EXISTS coaching_plans_calibration_au AFTER UPDATE OF case_id ON coaching_plans BEGIN
    INSERT OR REPLACE INTO case_calibration
    SELECT old.case_id,
           (SELECT MIN(observed_on) FROM indicators WHERE case_id = old.case_id),
           (SELECT MIN(held_on) FROM conversations WHERE case_id = old.case_id),
           EXISTS (SELECT 1 FROM coaching_plans WHERE case_id = old.case_id),
           (SELECT json_group_array(value) FROM (
                SELECT DISTINCT j.value AS value FROM conversations v, json_each(v.root_causes) j
                WHERE v.case_id = old.case_id ORDER BY 1))
    WHERE EXISTS (SELECT 1 FROM cases WHERE id = old.case_id);
    INSERT OR REPLACE INTO case_calibration
    SELECT new.case_id,
           (SELECT MIN(observed_on) FROM indicators WHERE case_id = new.case_id),
           (SELECT MIN(held_on) FROM conversations WHERE case_id = new.case_id),
           EXISTS (SELECT 1 FROM coaching_plans WHERE case_id = new.case_id),
           (SELECT json_group_array(value) FROM (
                SELECT DISTINCT j.value AS value FROM conversations v, json_each(v.root_causes) j
                WHERE v.case_id = new.case_id ORDER BY 1))
    WHERE EXISTS (SELECT 1 FROM cases WHERE id = new.case_id);
END;
CREATE TRIGGER IF NOT EXISTS cases_calibration_ad AFTER DELETE ON cases BEGIN
    DELETE FROM case_calibration WHERE case_id = old.id;
END;

INSERT OR REPLACE INTO case_calibration
SELECT c.id,
       (SELECT MIN(observed_on) FROM indicators WHERE case_id = c.id),
       (SELECT MIN(held_on) FROM conversations WHERE case_id = c.id),
       EXISTS (SELECT 1 FROM coaching_plans WHERE case_id = c.id),
       (SELECT json_group_array(value) FROM (
            SELECT DISTINCT j.value AS value FROM conversations v, json_each(v.root_causes) j
            WHERE v.case_id = c.id ORDER BY 1))
FROM cases c;

-- Closed cases of a period (root causes, outcomes) without reading every case.
CREATE INDEX IF NOT EXISTS cases_closed ON cases(status, closed_on);

-- The names typed on records (app/vault/identity_repository.py) read from narrow indexes
-- instead of every row of the largest tables: at 1M entries that query read each long
-- conversation, observation and decision row (about a minute on a loaded machine).
CREATE INDEX IF NOT EXISTS conversations_attendees ON conversations(attendees);
CREATE INDEX IF NOT EXISTS observations_author ON observations(author);
CREATE INDEX IF NOT EXISTS decisions_decided_by ON decisions(decided_by);
CREATE INDEX IF NOT EXISTS stage_changes_actor ON stage_changes(actor);
CREATE INDEX IF NOT EXISTS employees_manager ON employees(manager);

-- Who the vault knows of (app/vault/identity_repository.py) changes only through these columns;
-- every write to one bumps people_version, from any connection, so the redaction index of
-- 20k people is rebuilt only when it may have changed (it took ~3 s per export).
CREATE TABLE IF NOT EXISTS people_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT OR IGNORE INTO people_version(id, n) VALUES (1, 0);

CREATE TRIGGER IF NOT EXISTS employees_people_ai AFTER INSERT ON employees BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS employees_people_au AFTER UPDATE OF name, email, employee_number, manager ON employees BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS employees_people_ad AFTER DELETE ON employees BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS officers_people_ai AFTER INSERT ON officers BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS officers_people_au AFTER UPDATE OF name, email ON officers BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS officers_people_ad AFTER DELETE ON officers BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS conversations_people_ai AFTER INSERT ON conversations BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS conversations_people_au AFTER UPDATE OF attendees ON conversations BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS conversations_people_ad AFTER DELETE ON conversations BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS observations_people_ai AFTER INSERT ON observations BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS observations_people_au AFTER UPDATE OF author ON observations BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS observations_people_ad AFTER DELETE ON observations BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS decisions_people_ai AFTER INSERT ON decisions BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS decisions_people_au AFTER UPDATE OF decided_by ON decisions BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS decisions_people_ad AFTER DELETE ON decisions BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS stage_changes_people_ai AFTER INSERT ON stage_changes BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS stage_changes_people_au AFTER UPDATE OF actor ON stage_changes BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS stage_changes_people_ad AFTER DELETE ON stage_changes BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS approvals_people_ai AFTER INSERT ON approvals BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS approvals_people_au AFTER UPDATE OF person, requested_by ON approvals BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS approvals_people_ad AFTER DELETE ON approvals BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS case_exceptions_people_ai AFTER INSERT ON case_exceptions BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS case_exceptions_people_au AFTER UPDATE OF requested_by, approver ON case_exceptions BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS case_exceptions_people_ad AFTER DELETE ON case_exceptions BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS coaching_plans_people_ai AFTER INSERT ON coaching_plans BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS coaching_plans_people_au AFTER UPDATE OF manager, hr_officer, executive_sponsor, resources ON coaching_plans BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS coaching_plans_people_ad AFTER DELETE ON coaching_plans BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS reviews_people_ai AFTER INSERT ON reviews BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS reviews_people_au AFTER UPDATE OF participants ON reviews BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS reviews_people_ad AFTER DELETE ON reviews BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS review_outcomes_people_ai AFTER INSERT ON review_outcomes BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS review_outcomes_people_au AFTER UPDATE OF attended ON review_outcomes BEGIN
    UPDATE people_version SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS review_outcomes_people_ad AFTER DELETE ON review_outcomes BEGIN
    UPDATE people_version SET n = n + 1;
END;

PRAGMA user_version = 15;
