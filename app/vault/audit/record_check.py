"""Checking every stored record against the audit chain, and keeping the two in step.

`verify_records` recomputes the canonical hash (`record_hash`) of every row of every audited
table and compares it with the record hash of the newest event about that row: a row edited,
inserted or deleted outside Casepath, or an event removed with the head fixed, shows up as a
`RecordProblem` naming the table, the row id and the event — never the row's content.

Writes done through `Vault.write()` are kept in step by `seal`: per-connection TEMP triggers
note every row touched in the transaction, and before it commits any touched row whose hash no
longer matches its newest event gets a `record.write` (or `record.delete`) event under the
acting officer. A tamperer's own connection has no such triggers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from app.vault.audit import audit_log
from app.vault.audit import record_hash as rh
from app.vault.connection import Connection

BASELINE_MARK = "audit_records_baseline"
UPGRADE_ACTOR = "casepath (upgrade)"


@dataclass(frozen=True)
class RecordProblem:
    table: str
    row_id: str
    event: int | None  # the newest event about this row, if any
    problem: str

    def __str__(self) -> str:
        where = f"{self.table} row {self.row_id}"
        return f"{where}: {self.problem}" + (f" (event {self.event})" if self.event else "")


def _tables(conn: Connection) -> list[str]:
    present = {r[0] for r in conn.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [t for t in rh.AUDITED_TABLES if t in present]


def _rows(conn: Connection, table: str):
    cur = conn.raw.execute(f"SELECT * FROM {table} ORDER BY id")  # noqa: S608
    cols = [d[0] for d in cur.description]
    ids = cols.index("id")
    for row in cur:
        yield str(row[ids]), rh.row_hash(table, cols, tuple(row))


def latest_record_hashes(conn: Connection) -> dict[tuple[str, str], tuple[int, str]]:
    """(table, row id) -> (seq, record hash) of the newest event that carried one."""
    latest: dict[tuple[str, str], tuple[int, str]] = {}
    for seq, etype, eid, rec in conn.raw.execute(
        "SELECT seq, entity_type, entity_id, record_hash FROM audit_events"
        " WHERE record_hash IS NOT NULL ORDER BY seq"
    ):
        table = rh.table_for(etype)
        if table is not None:
            latest[(table, eid)] = (int(seq), rec)
    apply_erasures(conn, latest)
    return latest


def apply_erasures(conn: Connection, latest: dict[tuple[str, str], tuple[int, str]]) -> None:
    """An erasure's one event accounts for every row its ``erasures`` row names: each counts
    as deleted by that event unless a later event wrote it again (an id SQLite reused). The
    erasures row is itself checked against its event, so the list cannot be edited unseen."""
    erasures = [(k[1], v[0]) for k, v in latest.items() if k[0] == "erasures"]
    for erasure_id, seq in erasures:
        if not erasure_id.isdigit():
            continue
        text = conn.scalar("SELECT erased FROM erasures WHERE id = ?", (int(erasure_id),))
        for key in parse_erased(text):
            if latest.get(key, (0, ""))[0] < seq:
                latest[key] = (seq, rh.DELETED)


def parse_erased(text: object) -> list[tuple[str, str]]:
    """The (table, id) pairs of an erasures row ([] when unreadable: the row's hash says why)."""
    try:
        pairs = json.loads(str(text)) if text is not None else []
        return [(str(t), str(int(i))) for t, i in pairs]
    except (ValueError, TypeError):
        return []


def verify_records(conn: Connection) -> list[RecordProblem]:
    """Every mismatch between the stored records and the chain, table by table."""
    latest = latest_record_hashes(conn)
    problems: list[RecordProblem] = []
    for table in _tables(conn):
        for row_id, h in _rows(conn, table):
            seq, rec = latest.pop((table, row_id), (None, None))
            if seq is None:
                problems.append(RecordProblem(table, row_id, None, "no audit event wrote this row"))
            elif rec == rh.DELETED:
                problems.append(
                    RecordProblem(table, row_id, seq, "present although its event deleted it")
                )
            elif rec != h:
                problems.append(
                    RecordProblem(table, row_id, seq, "changed since its newest audit event")
                )
    for (table, row_id), (seq, rec) in sorted(latest.items()):
        if rec != rh.DELETED:
            problems.append(
                RecordProblem(table, row_id, seq, "missing: deleted without an audit event")
            )
    return problems


# -- keeping writes in step ------------------------------------------------------------------
def install_touch_triggers(conn: Connection) -> None:
    """TEMP (this connection only) triggers noting each audited row a write touches."""
    raw = conn.raw
    raw.execute(
        "CREATE TEMP TABLE IF NOT EXISTS casepath_touched"
        " (tbl TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (tbl, id)) WITHOUT ROWID"
    )
    for table in _tables(conn):
        for op, refs in (("INSERT", ("new",)), ("UPDATE", ("old", "new")), ("DELETE", ("old",))):
            # Not INSERT OR IGNORE: inside a foreign key action (a case's deletion setting
            # handover_cases.case_ref to NULL) the outer ABORT overrides the trigger's IGNORE.
            body = " ".join(
                f"INSERT INTO temp.casepath_touched SELECT '{table}', {r}.id WHERE NOT EXISTS"
                f" (SELECT 1 FROM temp.casepath_touched WHERE tbl = '{table}' AND id = {r}.id);"
                for r in refs
            )
            raw.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS casepath_touch_{table}_{op.lower()}"
                f" AFTER {op} ON main.{table} BEGIN {body} END"
            )


def forget_touched(conn: Connection, rows: list[list[object]] | None = None) -> None:
    """Forget the touched rows (only ``rows``, ``[table, id]`` pairs, when given)."""
    if rows is None:
        conn.raw.execute("DELETE FROM temp.casepath_touched")
        return
    conn.raw.executemany(
        "DELETE FROM temp.casepath_touched WHERE tbl = ? AND id = ?",
        [(str(t), int(str(i))) for t, i in rows],
    )


def seal(conn: Connection, officer: str) -> list[audit_log.AuditEvent]:
    """Before commit: an event for each touched row whose hash its newest event lacks."""
    touched = conn.raw.execute("SELECT tbl, id FROM temp.casepath_touched ORDER BY tbl, id")
    items = []
    for table, row_id in touched.fetchall():
        types = rh.entity_types_of(table)
        marks = ",".join("?" * len(types))
        last = conn.raw.execute(
            f"SELECT record_hash FROM audit_events WHERE entity_type IN ({marks})"  # noqa: S608
            " AND entity_id = ? AND record_hash IS NOT NULL ORDER BY seq DESC LIMIT 1",
            (*types, str(row_id)),
        ).fetchone()
        now = rh.current_hash(conn.raw, table, row_id)
        if last is not None and last[0] == now:
            continue
        if last is None and now == rh.DELETED:
            continue  # inserted and removed within this transaction
        action = "record.delete" if now == rh.DELETED else "record.write"
        entity = rh.AUDITED_TABLES[table]
        items.append((officer, action, entity, str(row_id), audit_log.digest_of({}), now))
    forget_touched(conn)
    return audit_log.append_many(conn, items) if items else []


# -- upgrades --------------------------------------------------------------------------------
def baseline(conn: Connection, only: set[tuple[str, str]] | None = None, reason: str = "") -> int:
    """One `record.baseline` event per existing row (or per row in ``only``); inside a
    transaction. Used once when a vault reaches schema 6, and after a later migration changes
    the columns of rows that were intact before it."""
    items = []
    dig = audit_log.digest_of({"reason": reason} if reason else {})
    for table in _tables(conn):
        entity = rh.AUDITED_TABLES[table]
        for row_id, h in _rows(conn, table):
            if only is None or (table, row_id) in only:
                items.append((UPGRADE_ACTOR, "record.baseline", entity, row_id, dig, h))
    if items:
        audit_log.append_many(conn, items)
    return len(items)


def has_baseline(conn: Connection) -> bool:
    return conn.scalar("SELECT value FROM meta WHERE key = ?", (BASELINE_MARK,)) is not None


def mark_baseline(conn: Connection) -> None:
    conn.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET"
        " value = excluded.value",
        (BASELINE_MARK, str(audit_log.head(conn)[0])),
    )


def intact_rows(conn: Connection) -> set[tuple[str, str]]:
    """Rows whose hash matches their newest event (before a migration that may change it)."""
    latest = latest_record_hashes(conn)
    return {
        (table, row_id)
        for table in _tables(conn)
        for row_id, h in _rows(conn, table)
        if latest.get((table, row_id), (0, ""))[1] == h
    }


def count_rows(conn: Connection) -> int:
    return sum(int(conn.scalar(f"SELECT count(*) FROM {t}")) for t in _tables(conn))  # noqa: S608
