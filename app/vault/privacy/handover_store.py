"""Where handovers are recorded, how a handed-over case is kept read-only, and how the audit
events that came with a bundle are checked.

A received bundle's events belong to the sender's chain (their ``seq`` and ``prev_hash`` follow
the sender's events, most of which stay behind), so they are stored verbatim in
``handover_events`` and never spliced into this vault's chain. Each must still hash to its own
``hash``; ``handovers.events_digest`` is the SHA-256 of all of them in canonical JSON; and the
``handovers`` row is an audited record, so this vault's chain commits to that digest.
`verify_received` is what `casepath verify` runs for them.

A case whose handover the receiver acknowledged is read-only: per-connection TEMP triggers
refuse every INSERT or UPDATE of its records (deletion stays possible, for retention and
erasure), and `Vault.write` turns the refusal into `CaseHandedOver`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from app.vault.audit import audit_log
from app.vault.audit.audit_log import AuditEvent, canonical_json
from app.vault.audit.record_check import RecordProblem
from app.vault.audit.record_hash import EXCLUDED_COLUMNS
from app.vault.connection import Connection
from app.vault.privacy import bundle_versions
from app.vault.privacy.case_tables import case_tables

REFUSAL = "casepath: case handed over"
# Columns the services refresh on any open case (derived; not part of the record).
_DERIVED = EXCLUDED_COLUMNS["cases"]
_HANDED_OVER = (
    "EXISTS (SELECT 1 FROM main.handover_cases hc JOIN main.handovers h ON h.id = hc.handover_id"
    " WHERE hc.case_ref = {ref} AND h.direction = 'sent' AND h.acknowledged_at IS NOT NULL)"
)


@dataclass(frozen=True)
class Provenance:
    direction: str  # sent or received
    peer_officer: str
    peer_vault: str
    exported_at: str
    recorded_at: str
    acknowledged_at: str | None
    event_count: int


def present(conn: Connection) -> bool:
    return bool(conn.scalar("SELECT 1 FROM sqlite_master WHERE name = 'handovers'"))


class RefusalFlag:
    """Set by the guard's triggers before they abort: repositories turn SQLite's error into
    their own words, so `Vault.write` asks this flag rather than the error what happened."""

    def __init__(self) -> None:
        self.hit = False

    def note(self) -> int:
        self.hit = True
        return 1


def install_guard(conn: Connection, flag: RefusalFlag) -> None:
    """TEMP triggers refusing writes to the records of an acknowledged, handed-over case."""
    if not present(conn):
        return
    raw = conn.raw
    raw.create_function("casepath_note_handed_over", 0, flag.note)
    for table in case_tables(conn):
        for op, ref in (("INSERT", "new.case_id"), ("UPDATE", "old.case_id")):
            raw.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS casepath_handed_over_{table.name}_{op.lower()}"
                f" BEFORE {op} ON main.{table.name} WHEN {_HANDED_OVER.format(ref=ref)}"
                f" BEGIN SELECT casepath_note_handed_over(); SELECT RAISE(ABORT, '{REFUSAL}'); END"
            )
    cols = [r[1] for r in conn.query("PRAGMA table_info(cases)") if r[1] not in _DERIVED]
    raw.execute(
        "CREATE TEMP TRIGGER IF NOT EXISTS casepath_handed_over_cases_update"
        f" BEFORE UPDATE OF {', '.join(cols)} ON main.cases"
        f" WHEN {_HANDED_OVER.format(ref='old.id')}"
        f" BEGIN SELECT casepath_note_handed_over(); SELECT RAISE(ABORT, '{REFUSAL}'); END"
    )


def provenance(conn: Connection, case_id: int) -> list[Provenance]:
    """Every handover of this case, oldest first (received, then perhaps sent on)."""
    if not present(conn):
        return []
    rows = conn.query(
        "SELECT h.direction, h.peer_officer, h.peer_vault, h.exported_at, h.recorded_at,"
        " h.acknowledged_at, h.event_count FROM handovers h"
        " JOIN handover_cases hc ON hc.handover_id = h.id WHERE hc.case_ref = ? ORDER BY h.id",
        (case_id,),
    )
    return [Provenance(*r) for r in rows]


def case_id_of(conn: Connection, reference: str) -> int | None:
    found = conn.scalar("SELECT id FROM cases WHERE reference = ?", (reference,))
    return int(found) if found is not None else None


def handed_over_on(conn: Connection, case_id: int) -> str | None:
    for p in provenance(conn, case_id):
        if p.direction == "sent" and p.acknowledged_at:
            return p.acknowledged_at
    return None


def events_digest(events: list[AuditEvent], versions: list[list[object]] | None = None) -> str:
    """SHA-256 of the events (and, when the bundle carried any, the earlier versions, sorted)
    in canonical JSON: a bundle without versions keeps the digest it always had."""
    rows: object = [audit_log.vars_of(e) for e in sorted(events, key=lambda e: e.seq)]
    if versions:
        rows = {"events": rows, "versions": sorted(versions, key=lambda v: (v[0], v[1], v[2]))}
    return hashlib.sha256(canonical_json(rows).encode("utf-8")).hexdigest()


def record(
    conn: Connection,
    direction: str,
    digest: str,
    peer_key: str,
    exported_at: str,
    recorded_at: str,
    cases: list[tuple[int, str]],
    peer_vault: str = "",
    peer_officer: str = "",
    sender_head: str = "",
    events: list[AuditEvent] | None = None,
    versions: list[list[object]] | None = None,
) -> int:
    """One handover with its cases (and, received, its events); inside a write. ``versions``
    (as carried) only enter the digest: `bundle_versions.write` stores them."""
    events = events or []
    cur = conn.execute(
        "INSERT INTO handovers(direction, bundle_digest, peer_key, peer_vault, peer_officer,"
        " exported_at, recorded_at, sender_head, events_digest, event_count)"
        " VALUES (?,?,?,?,?,?,?,?,?,?)",
        (
            direction,
            digest,
            peer_key,
            peer_vault,
            peer_officer,
            exported_at,
            recorded_at,
            sender_head,
            events_digest(events, versions) if events else "",
            len(events),
        ),
    )
    hid = int(cur.lastrowid)
    conn.raw.executemany(
        "INSERT INTO handover_cases(handover_id, case_ref, reference) VALUES (?,?,?)",
        [(hid, cid, ref) for cid, ref in cases],
    )
    conn.raw.executemany(
        "INSERT INTO handover_events(handover_id, seq, at, officer, action, entity_type,"
        " entity_id, digest, prev_hash, hash, record_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [(hid, *audit_log.vars_of(e)) for e in events],
    )
    return hid


def sent(conn: Connection, digest: str) -> tuple[int, str | None] | None:
    """(handover id, acknowledged at) of a bundle this vault exported."""
    row = conn.query(
        "SELECT id, acknowledged_at FROM handovers WHERE direction = 'sent' AND bundle_digest = ?",
        (digest,),
    )
    return (int(row[0][0]), row[0][1]) if row else None


def received(conn: Connection, digest: str) -> bool:
    return bool(
        conn.scalar(
            "SELECT 1 FROM handovers WHERE direction = 'received' AND bundle_digest = ?",
            (digest,),
        )
    )


def acknowledge(conn: Connection, handover_id: int, at: str) -> list[int]:
    """Mark a sent handover acknowledged; returns the ids of its cases."""
    conn.execute("UPDATE handovers SET acknowledged_at = ? WHERE id = ?", (at, handover_id))
    return [
        int(r[0])
        for r in conn.query(
            "SELECT case_ref FROM handover_cases WHERE handover_id = ? AND case_ref IS NOT NULL",
            (handover_id,),
        )
    ]


def stored_events(conn: Connection, handover_id: int) -> list[AuditEvent]:
    rows = conn.query(
        "SELECT seq, at, officer, action, entity_type, entity_id, digest, prev_hash, hash,"
        " record_hash FROM handover_events WHERE handover_id = ? ORDER BY seq",
        (handover_id,),
    )
    return [AuditEvent(*r) for r in rows]


def versions_erased(conn: Connection, handover_id: int) -> bool:
    """Whether a case this handover brought was since erased (or deleted) here."""
    return bool(
        conn.scalar(
            "SELECT 1 FROM handover_cases WHERE handover_id = ? AND case_ref IS NULL",
            (handover_id,),
        )
    )


def verify_received(conn: Connection) -> list[RecordProblem]:
    """Each received bundle's events hash to themselves, each earlier version it brought
    matches the event it names, and together they match the digest its row holds."""
    if not present(conn):
        return []
    problems: list[RecordProblem] = []
    for hid, digest, count in conn.query(
        "SELECT id, events_digest, event_count FROM handovers WHERE direction = 'received'"
    ):
        events = stored_events(conn, int(hid))
        versions = bundle_versions.stored(conn, int(hid))
        for ev in events:
            if ev.hash != ev.expected_hash():
                problems.append(
                    RecordProblem(
                        "handover_events",
                        f"{hid}/{ev.seq}",
                        None,
                        "a received audit event was changed after it arrived",
                    )
                )
        by_seq = {e.seq: e for e in events}
        for v in versions:
            why = bundle_versions.mismatch(
                (v.tbl, v.row_id, v.event_seq, v.replaced_at, v.change, v.row_json), by_seq
            )
            if why:
                problems.append(
                    RecordProblem(
                        "handover_versions",
                        f"{hid}/{v.tbl}/{v.row_id}/{v.event_seq}",
                        None,
                        f"a received earlier version {why}",
                    )
                )
        # An erased case takes its received versions with it: the digest can then no longer
        # be recomputed, and the versions that remain were each checked above.
        erased = versions_erased(conn, int(hid))
        carried = [v.carried() for v in versions]
        if len(events) != int(count) or (
            events and not erased and events_digest(events, carried) != digest
        ):
            problems.append(
                RecordProblem(
                    "handovers",
                    str(hid),
                    None,
                    "the received audit events or earlier versions no longer match the digest"
                    " recorded on import",
                )
            )
    return problems
