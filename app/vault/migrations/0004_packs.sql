-- Documentation packs generated for formal meetings. The PDF is kept inside the vault (so it
-- is encrypted with it and never a loose file), with the snapshot it was drawn from and the
-- integrity code that ties it to the audit chain head at generation time.
CREATE TABLE packs (
    id             INTEGER PRIMARY KEY,
    case_id        INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    meeting_type   TEXT NOT NULL CHECK (meeting_type IN ('review', 'formal_concern', 'outcome')),
    meeting_date   TEXT NOT NULL,
    page_size      TEXT NOT NULL CHECK (page_size IN ('a4', 'letter')),
    created_at     TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    integrity_code TEXT NOT NULL UNIQUE,
    head_seq       INTEGER NOT NULL,   -- the audit event the chain head was at
    head_hash      TEXT NOT NULL,      -- and its hash
    data_digest    TEXT NOT NULL,      -- sha256 of data_json
    data_json      TEXT NOT NULL,      -- the snapshot the pack was drawn from (canonical JSON)
    pdf_sha256     TEXT NOT NULL,
    pdf            BLOB NOT NULL
);
CREATE INDEX packs_case ON packs(case_id, created_at);

PRAGMA user_version = 4;
