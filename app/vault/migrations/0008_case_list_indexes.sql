-- Case list at 100,000 cases (issue 18): the first screen of every sort is read in index
-- order and stops after one page, instead of sorting every open case in a temporary B-tree.
-- Index entries end with the rowid, so "ORDER BY <column>, c.id" is the index's own order.
-- IF NOT EXISTS: safe to re-run if the migration is ever renumbered.
CREATE INDEX IF NOT EXISTS cases_open_reference ON cases(status, reference);
CREATE INDEX IF NOT EXISTS cases_open_stage ON cases(status, stage);
CREATE INDEX IF NOT EXISTS cases_open_track ON cases(status, track);
CREATE INDEX IF NOT EXISTS cases_open_due ON cases(status, next_due_on IS NULL, next_due_on);
CREATE INDEX IF NOT EXISTS cases_open_activity ON cases(status, last_activity_on);
CREATE INDEX IF NOT EXISTS cases_open_opened ON cases(status, opened_on);
CREATE INDEX IF NOT EXISTS cases_employee_status ON cases(employee_id, status);
CREATE INDEX IF NOT EXISTS cases_owner_status ON cases(owner_id, status);
CREATE INDEX IF NOT EXISTS officers_name ON officers(name);

PRAGMA user_version = 8;
