-- Satisfaction at case close, and an index for the calibration figures.
--
-- Satisfaction at case close: the employee's and the manager's score, 1 (low) to 5 (high),
-- both optional, one row per closed case that has at least one. Kept beside the case rather
-- than on it so the case row and its repository stay as they are.
CREATE TABLE case_satisfaction (
    case_id      INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    employee     INTEGER CHECK (employee BETWEEN 1 AND 5),
    manager      INTEGER CHECK (manager BETWEEN 1 AND 5),
    recorded_on  TEXT NOT NULL,
    CHECK (employee IS NOT NULL OR manager IS NOT NULL)
);

-- Calibration figures (bench/bench_calibration.py, 100k cases): the one calibration scan of
-- stage_changes (first coaching / formal concern, time in each stage) reads this covering
-- index in order instead of the wide table rows.
CREATE INDEX stage_changes_stays ON stage_changes(case_id, changed_at, id, to_stage);

PRAGMA user_version = 6;
