"""Erasing cases from the vault so that nothing of them is left in the file (issue 15).

"Case-owned rows" are the rows of every table with a ``case_id`` column, found with
``PRAGMA table_info`` when the erasure runs (not from a list written here), so a table added by
a later migration — record versions, say — goes with its case without this module changing.
That includes the search index (``case_text``, an FTS5 table whose ``case_id`` column is
UNINDEXED), which is then merged (``optimize``) so no deleted entry lingers in a segment.

`erase_cases` runs inside the caller's audited transaction: it removes the rows, writes one
``erasures`` row naming the (table, id) pairs of the audited rows it removed (ids and table
names only) and tells the touch triggers to forget them, so the one erasure event accounts for
all of them (`record_check` reads that row). `compact` then VACUUMs with ``secure_delete`` on,
outside any transaction, so the freed pages are rewritten and the erased text is gone from the
file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from app.vault.audit import record_check, record_versions
from app.vault.audit import record_hash as rh
from app.vault.connection import Connection, utc_now


@dataclass(frozen=True)
class ErasurePlan:
    """What an erasure removes: row counts per table (no content), computed before it runs."""

    kind: str  # "case" or "employee"
    case_ids: tuple[int, ...]
    employee_id: int | None
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def fts_tables(conn: Connection) -> list[str]:
    """Every FTS5 table of the vault (the search index, whatever migrations named it)."""
    rows = conn.query("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
    return sorted(n for n, sql in rows if "USING FTS5" in (sql or "").upper())


def case_owned_tables(conn: Connection) -> list[str]:
    """Every table (plain or virtual) with a ``case_id`` column, but ``cases`` and the list of
    erased history."""
    names = conn.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " ORDER BY name"
    )
    out = []
    for (name,) in names:
        # record_versions_erased holds only (table, id) of erased history: verify reads it.
        if name in ("cases", "record_versions_erased"):
            continue
        cols = {r[1] for r in conn.query(f"PRAGMA table_info({_quoted(name)})")}
        if "case_id" in cols:
            out.append(name)
    return out


def _in(ids: tuple[int, ...]) -> str:
    return ",".join(str(int(i)) for i in ids) or "NULL"


def plan(conn: Connection, kind: str, case_ids: list[int], employee_id: int | None) -> ErasurePlan:
    """Count what would go (the confirmation and the audit event show these counts)."""
    ids = tuple(sorted(set(case_ids)))
    counts: dict[str, int] = {}
    fts = set(fts_tables(conn))
    for table in case_owned_tables(conn):
        n = int(
            conn.scalar(
                f"SELECT count(*) FROM {_quoted(table)} WHERE case_id IN ({_in(ids)})"  # noqa: S608
            )
        )
        key = "search_entries" if table in fts else table
        if n:
            counts[key] = counts.get(key, 0) + n
    if ids:
        counts["cases"] = len(ids)
    if employee_id is not None:
        counts["employees"] = 1
    return ErasurePlan(kind, ids, employee_id, counts)


def erase(conn: Connection, erasure: ErasurePlan, rule: str) -> int:
    """Remove every row of the plan and write its ``erasures`` row; returns that row's id.

    Inside the caller's transaction (which then appends the one erasure event about the row).
    Foreign keys are checked at commit, when every row of the plan is gone together."""
    if not conn.raw.in_transaction:
        raise RuntimeError("an erasure runs inside its audited transaction")
    conn.execute("PRAGMA defer_foreign_keys = ON")
    ids = _in(erasure.case_ids)
    fts = set(fts_tables(conn))
    tables = case_owned_tables(conn)
    gone: list[list[object]] = []
    for table in [t for t in tables if t in rh.AUDITED_TABLES]:
        rows = conn.query(f"SELECT id FROM {_quoted(table)} WHERE case_id IN ({ids})")  # noqa: S608
        gone += [[table, int(r[0])] for r in rows]
    gone += [["cases", i] for i in erasure.case_ids]
    if erasure.employee_id is not None:
        gone.append(["employees", int(erasure.employee_id)])
    # Plain tables first (their triggers clear their index rows), the index itself last.
    # History goes too: while `erasing` lasts, deleted rows keep no version (record_versions).
    with record_versions.erasing(conn):
        for table in sorted(tables, key=lambda t: t in fts):
            conn.execute(f"DELETE FROM {_quoted(table)} WHERE case_id IN ({ids})")  # noqa: S608
        conn.execute(f"DELETE FROM cases WHERE id IN ({ids})")  # noqa: S608
        if erasure.employee_id is not None:
            conn.execute("DELETE FROM employees WHERE id = ?", (int(erasure.employee_id),))
    for table in fts:
        # Merge every segment into one: a delete only writes a tombstone, and the deleted
        # entries (and older versions of edited texts) stay in their segment until a merge.
        conn.execute(f"INSERT INTO {_quoted(table)}({_quoted(table)}) VALUES ('optimize')")
    # The erased rows are accounted for by the erasure row, not one event each; a row that
    # stays (a received handover's handover_cases.case_ref, now NULL) is sealed as any write.
    record_check.forget_touched(conn, gone)
    cur = conn.execute(
        "INSERT INTO erasures(erased_at, kind, rule, counts, erased) VALUES (?, ?, ?, ?, ?)",
        (
            utc_now().isoformat().replace("+00:00", "Z"),
            erasure.kind,
            rule,
            _canonical(erasure.counts),
            _canonical(sorted(gone)),
        ),
    )
    return int(cur.lastrowid)


def _canonical(value: object) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def mentions(conn: Connection, text: str, other_than: tuple[int, ...]) -> list[int]:
    """Cases outside the erasure whose searchable text contains ``text`` (a name named as a
    witness or attendee in someone else's case): erasure does not edit other people's records,
    so the confirmation says where the name stays."""
    phrase = '"' + text.replace('"', '""') + '"'
    if len(text.strip()) < 3 or not fts_tables(conn):
        return []
    rows = conn.query(
        f"SELECT DISTINCT case_id FROM case_text WHERE case_text MATCH ?"  # noqa: S608
        f" AND case_id NOT IN ({_in(other_than)})",
        (phrase,),
    )
    return sorted(int(r[0]) for r in rows)


def managed_by(conn: Connection, name: str, other_than: int) -> int:
    """How many other employee records name ``name`` as their manager (kept, like mentions)."""
    return int(
        conn.scalar(
            "SELECT count(*) FROM employees WHERE manager = ? AND id != ?", (name, other_than)
        )
    )


def compact(conn: Connection) -> None:
    """VACUUM with secure_delete on: the file is rewritten without the erased pages' bytes."""
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("VACUUM")
