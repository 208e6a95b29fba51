"""The earlier versions of records a handover bundle carries, and where the receiver keeps them.

The sender's `record_versions` rows of each case travel as they are (``tbl, row_id,
event_seq, replaced_at, change, row_json``), inside the bundle's digest. Their ``event_seq``
names an event of the sender's chain, which the bundle carries too, so before anything is
written `check` proves each version is exactly what that event recorded (its record hash,
computed as `record_versions.StoredVersion.hash` does). The receiver keeps them verbatim in
`handover_versions` beside the handover's events, never in its own `record_versions`: they are
the sender's history, read as "before the handover". `verify` is what `casepath verify` runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.vault.audit import record_hash as rh
from app.vault.audit import record_versions as rv
from app.vault.audit.audit_log import AuditEvent
from app.vault.connection import Connection
from app.vault.privacy.case_tables import untyped

FIELDS = ("tbl", "row_id", "event_seq", "replaced_at", "change", "row_json")


class VersionRefused(ValueError):
    """A carried version does not match the sender's event it names."""


@dataclass(frozen=True)
class ReceivedVersion:
    handover_id: int
    tbl: str
    row_id: int  # the sender's id
    new_row_id: int | None  # this vault's id
    case_id: int | None
    event_seq: int  # the sender's event
    replaced_at: str
    change: str
    row_json: str

    def carried(self) -> list[object]:
        """The version as the bundle carried it (what the digest covers)."""
        return [self.tbl, self.row_id, self.event_seq, self.replaced_at, self.change, self.row_json]

    def hash(self) -> str:
        return _hash(self.tbl, self.row_json)


def _hash(table: str, row_json: str) -> str:
    vals = rv.decode(row_json)
    return rh.row_hash(table, list(vals), tuple(vals.values()))


def present(conn: Connection) -> bool:
    return bool(conn.scalar("SELECT 1 FROM sqlite_master WHERE name = 'handover_versions'"))


def collect(conn: Connection, case_id: int) -> list[list[object]]:
    """The case's earlier versions, oldest first, as a bundle carries them."""
    if not rv.has_versions(conn):
        return []
    return [
        list(r)
        for r in conn.query(
            f"SELECT {', '.join(FIELDS)} FROM record_versions WHERE case_id = ?"  # noqa: S608
            " ORDER BY tbl, row_id, event_seq, id",
            (int(case_id),),
        )
    ]


def row_keys(cases: list[dict]) -> set[tuple[str, str]]:
    """(table, id) of every record a carried version is of (removed records included)."""
    return {(str(v[0]), str(v[1])) for c in cases for v in c.get("versions", [])}


def parsed(row: list) -> tuple[str, int, int, str, str, str]:
    tbl, row_id, seq, at, change, row_json = row
    if tbl not in rv.VERSIONED_TABLES or change not in ("update", "delete"):
        raise ValueError("a carried version is not laid out as Casepath writes them")
    return str(tbl), int(row_id), int(seq), str(at), str(change), str(row_json)


def mismatch(version: tuple, events: dict[int, AuditEvent]) -> str | None:
    """Why this version is not what its event recorded (None: it is)."""
    tbl, row_id, seq, _at, _change, row_json = version
    ev = events.get(seq)
    if ev is None or rh.table_for(ev.entity_type) != tbl or str(ev.entity_id) != str(row_id):
        return "names no carried audit event of its record"
    try:
        h = _hash(tbl, row_json)
    except (ValueError, TypeError, KeyError):
        h = None
    if h is None or h != ev.record_hash:
        return "does not match the event that wrote it"
    return None


def check(cases: list[dict], events: list[AuditEvent]) -> None:
    """Every carried version matches the carried sender event it names; VersionRefused."""
    by_seq = {e.seq: e for e in events}
    for c in cases:
        for row in c.get("versions", []):
            v = parsed(row)
            why = mismatch(v, by_seq)
            if why:
                raise VersionRefused(
                    f"The bundle's earlier version of {v[0]} record {v[1]} {why}; the bundle "
                    "was altered or the sender's vault is damaged. Nothing was imported."
                )


def write(
    conn: Connection, handover_id: int, cases: list[dict], new_ids: dict[tuple[str, int], int]
) -> int:
    """Store every carried version under the handover; inside the import's write."""
    rows = []
    for c in cases:
        dump = c["case"]
        old_case = untyped(dump["rows"][0][dump["columns"].index("id")])
        case_new = new_ids.get(("cases", int(str(old_case))))
        for row in c.get("versions", []):
            tbl, row_id, seq, at, change, row_json = parsed(row)
            new = new_ids.get((tbl, row_id))
            rows.append((handover_id, tbl, row_id, new, case_new, seq, at, change, row_json))
    conn.raw.executemany(
        "INSERT INTO handover_versions(handover_id, tbl, row_id, new_row_id, case_id, event_seq,"
        " replaced_at, change, row_json) VALUES (?,?,?,?,?,?,?,?,?)",
        rows,
    )
    return len(rows)


_COLS = "handover_id, tbl, row_id, new_row_id, case_id, event_seq, replaced_at, change, row_json"


def stored(conn: Connection, handover_id: int) -> list[ReceivedVersion]:
    if not present(conn):
        return []
    rows = conn.query(
        f"SELECT {_COLS} FROM handover_versions WHERE handover_id = ?"  # noqa: S608
        " ORDER BY tbl, row_id, event_seq",
        (int(handover_id),),
    )
    return [ReceivedVersion(*r) for r in rows]


def of_record(conn: Connection, table: str, new_row_id: int) -> list[tuple[ReceivedVersion, str]]:
    """(version, sender officer) of a record received here, oldest first."""
    if not present(conn):
        return []
    rows = conn.query(
        f"SELECT {', '.join('v.' + c.strip() for c in _COLS.split(','))}, h.peer_officer"  # noqa: S608
        " FROM handover_versions v JOIN handovers h ON h.id = v.handover_id"
        " WHERE v.tbl = ? AND v.new_row_id = ? ORDER BY v.handover_id, v.event_seq",
        (table, int(new_row_id)),
    )
    return [(ReceivedVersion(*r[:-1]), str(r[-1])) for r in rows]


def received_rows_of_case(conn: Connection, case_id: int) -> list[tuple[str, int]]:
    """(table, this vault's id) of every record of the case that came with earlier versions."""
    if not present(conn):
        return []
    return [
        (str(t), int(r))
        for t, r in conn.query(
            "SELECT DISTINCT tbl, new_row_id FROM handover_versions"
            " WHERE case_id = ? AND new_row_id IS NOT NULL ORDER BY tbl, new_row_id",
            (int(case_id),),
        )
    ]
