-- The audit viewer at 1,000,000 events (issue 13): each filter reads an index in seq order
-- and stops after one page, instead of loading every event to filter it in Python.
-- officer and action: "WHERE x = ? ORDER BY seq DESC LIMIT n" walks (x, seq) backwards;
-- at: a date range. The case filter probes audit_events_entity (0001) with the ids of the
-- case's records, found through each table's case_id index; legal_holds had only a partial one.
-- IF NOT EXISTS: safe to re-run if the migration is ever renumbered.
CREATE INDEX IF NOT EXISTS audit_events_officer ON audit_events(officer, seq);
CREATE INDEX IF NOT EXISTS audit_events_action ON audit_events(action, seq);
CREATE INDEX IF NOT EXISTS audit_events_at ON audit_events(at);
CREATE INDEX IF NOT EXISTS legal_holds_case ON legal_holds(case_id);

PRAGMA user_version = 16;
