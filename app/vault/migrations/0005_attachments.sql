-- Attachments: evidence files stored encrypted inside the vault, each attached to one
-- conversation, indicator or observation of a case. The content column comes last so listing
-- the metadata never reads the file's overflow pages.
CREATE TABLE attachments (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    owner_type  TEXT NOT NULL CHECK (owner_type IN ('conversation', 'indicator', 'observation')),
    owner_id    INTEGER NOT NULL,
    filename    TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    size        INTEGER NOT NULL CHECK (size >= 0),
    sha256      TEXT NOT NULL,
    added_at    TEXT NOT NULL,
    added_by    TEXT NOT NULL,
    content     BLOB NOT NULL
);
CREATE INDEX attachments_owner ON attachments(owner_type, owner_id);
CREATE INDEX attachments_case ON attachments(case_id);

-- An attachment goes with the record it belongs to.
CREATE TRIGGER conversations_attachments_ad AFTER DELETE ON conversations BEGIN
    DELETE FROM attachments WHERE owner_type = 'conversation' AND owner_id = old.id;
END;
CREATE TRIGGER indicators_attachments_ad AFTER DELETE ON indicators BEGIN
    DELETE FROM attachments WHERE owner_type = 'indicator' AND owner_id = old.id;
END;
CREATE TRIGGER observations_attachments_ad AFTER DELETE ON observations BEGIN
    DELETE FROM attachments WHERE owner_type = 'observation' AND owner_id = old.id;
END;

PRAGMA user_version = 5;
