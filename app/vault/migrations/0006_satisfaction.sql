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

PRAGMA user_version = 6;
