"""Append-only history of case records: the earlier versions SQLite triggers keep.

Migration 0012 creates `record_versions` and makes it append-only; this module writes the
AFTER UPDATE / AFTER DELETE trigger of each versioned table from its current columns
(`install`, run after the migrations), so no write path — a service, an import, raw SQL on
another connection — can change a record without leaving the row it replaced.

A version is the old row as JSON, ``{column: [storage class, value]}`` (REAL as 17 significant
digits, BLOB as hex), and ``event_seq``: the newest audit event about that row that carried a
record hash, i.e. the event that wrote the state now replaced. Only the first change after an
event is kept (a row changed twice in one transaction had no audited middle state), and only
rows an event wrote are versioned. `decode` turns the JSON back into the stored values, so the
version's canonical hash (`record_hash.row_hash`) can be checked against that event.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass

from app.vault.audit import record_hash as rh
from app.vault.connection import Connection

VERSIONS_VERSION = 12  # the schema that added record_versions
FROM_MARK = "record_versions_from"  # meta: set by migration 0012 (the head seq then)
BEGIN_ACTION = "record_versions.begin"  # the chain's copy of it: entity_id is that seq

# table -> the column that names its case (cases name themselves by id).
VERSIONED_TABLES: dict[str, str] = {
    "cases": "id",
    "conversations": "case_id",
    "indicators": "case_id",
    "observations": "case_id",
    "decisions": "case_id",
    "stage_changes": "case_id",
    "approvals": "case_id",
    "case_exceptions": "case_id",
    "coaching_plans": "case_id",
    "plan_progress": "case_id",
    "reviews": "case_id",
    "review_outcomes": "case_id",
}

_ERASING = "(SELECT erasing FROM record_versions_control WHERE id = 1)"


def _columns(conn: Connection, table: str) -> list[str]:
    return [str(r[1]) for r in conn.raw.execute(f"PRAGMA table_info({table})")]


def _value(col: str) -> str:
    return (
        f"json_array(typeof(old.{col}), CASE typeof(old.{col})"
        f" WHEN 'real' THEN printf('%!.17g', old.{col})"
        f" WHEN 'blob' THEN hex(old.{col}) ELSE old.{col} END)"
    )


def trigger_sql(table: str, columns: list[str]) -> dict[str, str]:
    """name -> CREATE TRIGGER text of the two triggers that version ``table``."""
    case_col = VERSIONED_TABLES[table]
    types = ", ".join(f"'{t}'" for t in rh.entity_types_of(table))
    row_json = "json_object(" + ", ".join(f"'{c}', {_value(c)}" for c in columns) + ")"
    newest = (
        "(SELECT seq, record_hash FROM audit_events"
        f" WHERE entity_type IN ({types}) AND entity_id = CAST(old.id AS TEXT)"
        " AND record_hash IS NOT NULL ORDER BY seq DESC LIMIT 1)"
    )

    def body(change: str) -> str:
        erasing = f" AND {_ERASING} IS NOT 1" if change == "delete" else ""
        return (
            "INSERT INTO record_versions"
            "(tbl, row_id, case_id, event_seq, replaced_at, change, row_json)"
            f" SELECT '{table}', old.id, old.{case_col}, e.seq,"
            f" strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), '{change}', {row_json}"
            f" FROM {newest} e WHERE e.record_hash <> '{rh.DELETED}'{erasing}"
            " AND NOT EXISTS (SELECT 1 FROM record_versions v"
            f" WHERE v.tbl = '{table}' AND v.row_id = old.id AND v.event_seq = e.seq);"
        )

    skip = rh.EXCLUDED_COLUMNS.get(table, frozenset())
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in columns if c not in skip)
    return {
        f"record_versions_{table}_au": (
            f"CREATE TRIGGER record_versions_{table}_au AFTER UPDATE ON {table}"
            f" WHEN {_ERASING} IS NOT 1 AND ({changed}) BEGIN {body('update')} END"
        ),
        f"record_versions_{table}_ad": (
            f"CREATE TRIGGER record_versions_{table}_ad AFTER DELETE ON {table} BEGIN"
            f" {body('delete')}"
            # Erasing: no version is kept, and the row is noted as erased (verify skips it).
            " INSERT OR IGNORE INTO record_versions_erased(tbl, row_id, case_id, erased_at)"
            f" SELECT '{table}', old.id, old.{case_col}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
            f" WHERE {_ERASING} IS 1; END"
        ),
    }


def has_versions(conn: Connection) -> bool:
    return conn.user_version() >= VERSIONS_VERSION and bool(
        conn.scalar("SELECT 1 FROM sqlite_master WHERE name = 'record_versions'")
    )


def install(conn: Connection) -> int:
    """(Re)create every versioning trigger whose text no longer matches its table's columns;
    returns how many were written. Cheap when nothing changed (one read of sqlite_master)."""
    if not has_versions(conn):
        return 0
    stored = {
        str(n): str(s)
        for n, s in conn.query(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
            " AND name LIKE 'record_versions\\_%' ESCAPE '\\'"
        )
    }
    present = {r[0] for r in conn.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    wanted: dict[str, str] = {}
    for table in VERSIONED_TABLES:
        if table in present:
            wanted |= trigger_sql(table, _columns(conn, table))
    stale = {n: s for n, s in wanted.items() if stored.get(n) != s}
    if stale:
        with conn.transaction():
            for name, sql in stale.items():
                conn.execute(f"DROP TRIGGER IF EXISTS {name}")
                conn.execute(sql)
    return len(stale)


def mark_beginning(conn: Connection, actor: str) -> None:
    """Put the seq from which versions were kept into the chain (an upgraded vault only: a
    new vault kept them from event 1). Verify trusts the chain's copy, not ``meta``, which
    nothing protects."""
    if not has_versions(conn):
        return
    mark = int(conn.scalar("SELECT value FROM meta WHERE key = ?", (FROM_MARK,)) or 0)
    done = conn.scalar("SELECT 1 FROM audit_events WHERE action = ? LIMIT 1", (BEGIN_ACTION,))
    if mark > 0 and not done:
        from app.vault.audit import audit_log

        with conn.transaction():
            audit_log.append_many(
                conn, [(actor, BEGIN_ACTION, "vault", str(mark), audit_log.digest_of({}), None)]
            )


def beginning(conn: Connection) -> int:
    """The event after which every change kept its version (0: from the start)."""
    row = conn.query(
        "SELECT entity_id FROM audit_events WHERE action = ? ORDER BY seq LIMIT 1",
        (BEGIN_ACTION,),
    )
    return int(row[0][0]) if row and str(row[0][0]).isdigit() else 0


@contextlib.contextmanager
def erasing(conn: Connection) -> Iterator[None]:
    """The one way to remove history, for erasing a case; inside the eraser's transaction:

        with vault.write() as w, record_versions.erasing(vault.conn):
            conn.execute("DELETE FROM record_versions WHERE case_id = ?", (case_id,))
            conn.execute("DELETE FROM cases WHERE id = ?", (case_id,))
            w.audit("case.erase", "case", case_id, {})

    While it lasts, deleted rows keep no version and every removed row or version is listed
    in `record_versions_erased`, which verify reads as "history erased", not "history lost".
    """
    if not conn.raw.in_transaction:
        raise RuntimeError("erasing history happens inside the erasure's transaction")
    conn.execute("UPDATE record_versions_control SET erasing = 1 WHERE id = 1")
    try:
        yield
    finally:
        conn.execute("UPDATE record_versions_control SET erasing = 0 WHERE id = 1")


# -- reading ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class StoredVersion:
    id: int
    table: str
    row_id: int
    case_id: int | None
    event_seq: int
    replaced_at: str
    change: str
    row_json: str

    def values(self) -> dict[str, object]:
        return decode(self.row_json)

    def hash(self) -> str:
        vals = self.values()
        return rh.row_hash(self.table, list(vals), tuple(vals.values()))


def decode(row_json: str) -> dict[str, object]:
    """column -> the value SQLite stored (``ValueError`` when the JSON is not a version)."""
    out: dict[str, object] = {}
    data = json.loads(row_json)
    if not isinstance(data, dict):
        raise ValueError("a version is a JSON object")
    for col, pair in data.items():
        kind, value = pair
        if kind == "null":
            out[col] = None
        elif kind == "integer":
            out[col] = int(value)
        elif kind == "real":
            out[col] = float(value)
        elif kind == "text":
            out[col] = str(value)
        elif kind == "blob":
            out[col] = bytes.fromhex(value)
        else:
            raise ValueError(f"unknown storage class {kind!r}")
    return out


_COLS = "id, tbl, row_id, case_id, event_seq, replaced_at, change, row_json"


def versions_of(conn: Connection, table: str, row_id: int) -> list[StoredVersion]:
    """The earlier versions of one row, oldest first (the vault has `has_versions`)."""
    rows = conn.query(
        f"SELECT {_COLS} FROM record_versions WHERE tbl = ? AND row_id = ? ORDER BY event_seq, id",
        (table, int(row_id)),
    )
    return [StoredVersion(*r) for r in rows]


def all_versions(conn: Connection) -> Iterator[StoredVersion]:
    cur = conn.raw.execute(f"SELECT {_COLS} FROM record_versions ORDER BY tbl, row_id, event_seq")
    for row in cur:
        yield StoredVersion(*row)


def versioned_rows_of_case(conn: Connection, case_id: int) -> list[tuple[str, int]]:
    """(table, row id) of every record of the case that has an earlier version."""
    if not has_versions(conn):
        return []
    return [
        (str(t), int(r))
        for t, r in conn.query(
            "SELECT DISTINCT tbl, row_id FROM record_versions WHERE case_id = ?"
            " ORDER BY tbl, row_id",
            (int(case_id),),
        )
    ]


def erased_rows(conn: Connection) -> set[tuple[str, str]]:
    return {
        (str(t), str(r)) for t, r in conn.query("SELECT tbl, row_id FROM record_versions_erased")
    }


def current_row(conn: Connection, table: str, row_id: int) -> dict[str, object] | None:
    cur = conn.raw.execute(f"SELECT * FROM {table} WHERE id = ?", (int(row_id),))  # noqa: S608
    row = cur.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cur.description], tuple(row), strict=True))
