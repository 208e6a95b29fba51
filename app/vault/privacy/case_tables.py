"""Every table that holds a case's records, found from the schema rather than listed by hand.

A case's records are the rows of every ordinary table with a ``case_id`` column (FTS tables
and their shadow tables excepted), so a table a later migration adds travels in a handover
bundle and appears in a subject access export without this module changing. References
between them are read from ``PRAGMA foreign_key_list``; the one reference SQLite cannot know
(an attachment's ``owner_id``, whose table its ``owner_type`` names) is declared here.

Values are carried typed, as the record hash sees them (``["integer", "5"]``, ``["text", …]``,
``["real", float.hex()]``, ``["blob", base64]``, ``["null", None]``), so a row read on one vault
and written on another is stored with the same SQLite types.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from app.vault.connection import Connection

# Tables that have a case_id but are not records of the case itself.
# Earlier versions name the sender's audit event numbers, which mean nothing in another vault's
# chain (its verify would flag them), so they travel beside the records, checked against the
# carried events (app/vault/privacy/bundle_versions.py), and land in `handover_versions`, not here.
NOT_RECORDS = frozenset(
    {"case_text", "record_versions", "record_versions_erased", "handover_versions"}
)
# column -> (column naming the kind, {kind: table}) for references SQLite has no FK for.
POLYMORPHIC: dict[str, dict[str, tuple[str, dict[str, str]]]] = {
    "attachments": {
        "owner_id": (
            "owner_type",
            {
                "conversation": "conversations",
                "indicator": "indicators",
                "observation": "observations",
            },
        )
    }
}


@dataclass(frozen=True)
class CaseTable:
    name: str
    columns: tuple[str, ...]
    has_id: bool  # an INTEGER PRIMARY KEY named id (case_satisfaction keys on case_id)
    references: tuple[tuple[str, str], ...]  # (column, table it points to), case_id excepted


def _virtual_names(conn: Connection) -> set[str]:
    rows = conn.query("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
    virtual = {n for n, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")}
    shadows = {n for n, _ in rows if any(n.startswith(v + "_") for v in virtual)}
    return virtual | shadows


def case_tables(conn: Connection) -> list[CaseTable]:
    """The record tables of a case, ordered so a row's references are written before it."""
    skip = _virtual_names(conn) | NOT_RECORDS
    found: dict[str, CaseTable] = {}
    names = [r[0] for r in conn.query("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for name in sorted(names):
        if name in skip or name.startswith("sqlite_"):
            continue
        info = conn.query(f"PRAGMA table_info({name})")
        columns = tuple(str(r[1]) for r in info)
        if "case_id" not in columns:
            continue
        has_id = any(r[1] == "id" and r[5] == 1 for r in info)
        refs = tuple(
            (str(fk[3]), str(fk[2]))
            for fk in conn.query(f"PRAGMA foreign_key_list({name})")
            if fk[3] != "case_id"
        )
        found[name] = CaseTable(name, columns, has_id, refs)
    return _ordered(found)


def _ordered(tables: dict[str, CaseTable]) -> list[CaseTable]:
    """Dependencies first (a self-reference is resolved row by row, in id order)."""
    out: list[CaseTable] = []
    done: set[str] = set()

    def needs(t: CaseTable) -> set[str]:
        deps = {target for _, target in t.references if target in tables and target != t.name}
        for _, (_, kinds) in POLYMORPHIC.get(t.name, {}).items():
            deps |= {k for k in kinds.values() if k in tables}
        return deps

    pending = sorted(tables)
    while pending:
        ready = [n for n in pending if needs(tables[n]) <= done] or pending[:1]
        for n in ready:
            out.append(tables[n])
            done.add(n)
            pending.remove(n)
    return out


def typed(value: object) -> list[object]:
    if value is None:
        return ["null", None]
    if isinstance(value, int):
        return ["integer", str(value)]
    if isinstance(value, float):
        return ["real", value.hex()]
    if isinstance(value, str):
        return ["text", value]
    if isinstance(value, bytes | bytearray | memoryview):
        return ["blob", base64.b64encode(bytes(value)).decode("ascii")]
    raise TypeError(f"unexpected SQLite value of type {type(value).__name__}")


def untyped(cell: object) -> object:
    """The SQLite value of a typed cell; ValueError for anything else."""
    if not (isinstance(cell, list) and len(cell) == 2 and isinstance(cell[0], str)):
        raise ValueError("a value is not a typed cell")
    kind, value = cell
    if kind == "null" and value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"a {kind} value is not written as text")
    if kind == "integer":
        return int(value)
    if kind == "real":
        return float.fromhex(value)
    if kind == "text":
        return value
    if kind == "blob":
        return base64.b64decode(value.encode("ascii"), validate=True)
    raise ValueError(f"unknown value type {kind!r}")


def rows_of_case(conn: Connection, table: CaseTable, case_id: int) -> list[tuple]:
    order = "id" if table.has_id else "rowid"
    cols = ", ".join(table.columns)
    return conn.query(
        f"SELECT {cols} FROM {table.name} WHERE case_id = ? ORDER BY {order}",  # noqa: S608
        (case_id,),
    )


def case_row(conn: Connection, case_id: int) -> tuple[tuple[str, ...], tuple]:
    cur = conn.raw.execute("SELECT * FROM cases WHERE id = ?", (case_id,))
    return tuple(d[0] for d in cur.description), tuple(cur.fetchone())


def insert_row(conn: Connection, table: str, columns: list[str], values: list[object]) -> int:
    marks = ",".join("?" * len(columns))
    cur = conn.execute(
        f"INSERT INTO {table}({', '.join(columns)}) VALUES ({marks})",  # noqa: S608
        tuple(values),
    )
    return int(cur.lastrowid)


def count_case_rows(conn: Connection) -> dict[str, int]:
    """Rows per table of every case table plus cases and employees (tests compare them)."""
    names = ["cases", "employees", "policies", *(t.name for t in case_tables(conn))]
    return {n: int(conn.scalar(f"SELECT count(*) FROM {n}")) for n in names}  # noqa: S608
