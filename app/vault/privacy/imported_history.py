"""Where a JSON import keeps the earlier versions a document carried (docs/FORMAT.md, "history").

Those versions, and the exporting vault's audit events that wrote them, belong to the other
vault's chain: they are data here, never spliced into this vault's chain. They are kept exactly
as a received handover bundle's are — one ``handovers`` row (direction ``received``, peer key
`PEER_KEY`), its ``handover_events`` and ``handover_versions`` — so `casepath verify` checks
them the same way (each event hashes to itself, each version matches the event it names, the
row's digest covers them all) and this vault's chain commits to that row by the import's event.
"""

from __future__ import annotations

from app.vault.audit.audit_log import AuditEvent
from app.vault.connection import Connection
from app.vault.privacy import handover_store

PEER_KEY = "casepath-interchange"  # marks a handovers row written by a JSON import

# The actions with which an import writes a record's current state here: that state was made
# in the other vault, by the officer of its newest carried event.
_IMPORT_ACTIONS = frozenset({"record.write", "case.open"})


def writes_as_sent(action: str) -> bool:
    return action in _IMPORT_ACTIONS or action.endswith(".import")


def import_ids(conn: Connection) -> set[int]:
    """Ids of the ``handovers`` rows JSON imports wrote."""
    if not handover_store.present(conn):
        return set()
    return {
        int(r[0]) for r in conn.query("SELECT id FROM handovers WHERE peer_key = ?", (PEER_KEY,))
    }


def row_id_by_uid(conn: Connection, table: str, uid: str) -> int | None:
    """This vault's id of the record with ``uid`` (``table`` is a versioned table name)."""
    found = conn.scalar(f"SELECT id FROM {table} WHERE uid = ?", (uid,))  # noqa: S608
    return int(found) if found is not None else None


def store(
    conn: Connection,
    digest: str,
    exported_by: str,
    exported_at: str,
    recorded_at: str,
    cases: list[tuple[int, str]],
    events: list[AuditEvent],
    versions: list[tuple[list[object], int, int]],
) -> int:
    """Keep the carried events and versions (``[tbl, row_id, event_seq, replaced_at, change,
    row_json]`` with this vault's record id and case id); inside the import's write. Returns
    the ``handovers`` row the import's audit event names."""
    carried = [v for v, _new, _case in versions]
    hid = handover_store.record(
        conn,
        "received",
        digest,
        PEER_KEY,
        exported_at,
        recorded_at,
        cases,
        peer_officer=exported_by,
        events=events,
        versions=carried,
    )
    conn.raw.executemany(
        "INSERT INTO handover_versions(handover_id, tbl, row_id, new_row_id, case_id, event_seq,"
        " replaced_at, change, row_json) VALUES (?,?,?,?,?,?,?,?,?)",
        [(hid, v[0], v[1], new, case_id, v[2], v[3], v[4], v[5]) for v, new, case_id in versions],
    )
    return hid


_EVENT_COLS = (
    "seq, at, officer, action, entity_type, entity_id, digest, prev_hash, hash, record_hash"
)


def own_events(conn: Connection, seqs: set[int]) -> dict[int, AuditEvent]:
    """This vault's audit events by sequence number (an export carries them as data)."""
    out: dict[int, AuditEvent] = {}
    ordered = sorted(seqs)
    for i in range(0, len(ordered), 500):
        part = ordered[i : i + 500]
        rows = conn.query(
            f"SELECT {_EVENT_COLS} FROM audit_events"  # noqa: S608
            f" WHERE seq IN ({','.join('?' * len(part))})",
            tuple(part),
        )
        out |= {int(r[0]): AuditEvent(*r) for r in rows}
    return out
