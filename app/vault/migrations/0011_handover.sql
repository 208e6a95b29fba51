-- Handover bundles (issue 15): cases sent to another vault or received from one.
--
-- One `handovers` row per bundle, sent or received, with where it came from or went to; one
-- `handover_cases` row per case it carried. A received bundle's audit events are kept verbatim
-- in `handover_events` (they belong to the sender's chain, so they are not spliced into this
-- vault's chain); `handovers.events_digest` commits to them and this vault's chain commits to
-- the `handovers` row (docs/AUDIT.md, "Handover bundles").
CREATE TABLE handovers (
    id              INTEGER PRIMARY KEY,
    direction       TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
    bundle_digest   TEXT NOT NULL,          -- sha256 of the bundle's canonical contents
    peer_key        TEXT NOT NULL,          -- the other vault's public handover key
    peer_vault      TEXT NOT NULL DEFAULT '', -- the other vault's id
    peer_officer    TEXT NOT NULL DEFAULT '', -- who exported it (for a received bundle)
    exported_at     TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,          -- when this vault exported or imported it
    sender_head     TEXT NOT NULL DEFAULT '', -- "seq:hash" of the sender's chain at export
    events_digest   TEXT NOT NULL DEFAULT '',
    event_count     INTEGER NOT NULL DEFAULT 0,
    acknowledged_at TEXT,                   -- sent: when the receiver's acknowledgement came
    UNIQUE (direction, bundle_digest)
);

CREATE TABLE handover_cases (
    id          INTEGER PRIMARY KEY,
    handover_id INTEGER NOT NULL REFERENCES handovers(id) ON DELETE CASCADE,
    case_ref    INTEGER REFERENCES cases(id) ON DELETE SET NULL,
    reference   TEXT NOT NULL,
    UNIQUE (handover_id, reference)
);
CREATE INDEX handover_cases_case ON handover_cases(case_ref);

CREATE TABLE handover_events (
    handover_id INTEGER NOT NULL REFERENCES handovers(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    at          TEXT NOT NULL,
    officer     TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    digest      TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL,
    record_hash TEXT,
    PRIMARY KEY (handover_id, seq)
) WITHOUT ROWID;

PRAGMA user_version = 11;
