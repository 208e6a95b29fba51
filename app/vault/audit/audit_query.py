"""The audit trail read one page at a time, filtered in SQL (the Audit window, `casepath audit`,
the audit CSV and a pack's audit appendix).

At a million events, loading every event to filter it in Python takes seconds; here each
filter is a WHERE clause over an index of migration 0016 (officer, action and time; the case
filter probes `audit_events_entity` with the case's own records), pages are keyset on ``seq``
and the count is a COUNT. A case's events are those about the case and about every record that
still names it, exactly as before: the case is never stored in the event (the chain does not
cover it), it is read from the records.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from app.vault.audit import record_hash as rh
from app.vault.audit.audit_log import AuditEvent, _select
from app.vault.connection import Connection

# The highest code point: ``at <= day + TOP`` keeps every stamp of that day (at[:10] <= day).
TOP = "\U0010ffff"


@dataclass(frozen=True)
class EventQuery:
    """Filters on the stored columns; None is "any". ``action`` without a dot is also a family
    (``conversation`` matches ``conversation.add``); days are ISO dates, inclusive."""

    case_id: int | None = None
    officer: str | None = None
    action: str | None = None
    day_from: str | None = None
    day_to: str | None = None


def _case_tables(conn: Connection) -> list[str]:
    """The audited tables whose rows name a case (a column ``case_id``)."""
    out = []
    for table in rh.AUDITED_TABLES:
        if table != "cases" and any(
            r[1] == "case_id" for r in conn.query(f"PRAGMA table_info({table})")
        ):
            out.append(table)
    return out


def _case_keys_sql(conn: Connection) -> str:
    """(entity_type, entity_id) of the case and of every record naming it; one ``?`` each."""
    parts = [f"SELECT '{e}', CAST(? AS TEXT)" for e in rh.entity_types_of("cases")]
    for table in _case_tables(conn):
        for entity in rh.entity_types_of(table):
            parts.append(f"SELECT '{entity}', CAST(id AS TEXT) FROM {table} WHERE case_id = ?")
    return " UNION ALL ".join(parts)


def where_sql(conn: Connection, q: EventQuery) -> tuple[str, list[object]]:
    """The WHERE clause (with a leading space, or empty) and its parameters."""
    terms: list[str] = []
    params: list[object] = []
    if q.officer is not None:
        terms.append("officer = ?")
        params.append(q.officer)
    if q.action is not None:
        if "." in q.action:
            terms.append("action = ?")
            params.append(q.action)
        else:  # the family: the action itself, or any "family.x" (one index range)
            terms.append("(action = ? OR (action >= ? AND action < ?))")
            params += [q.action, q.action + ".", q.action + "/"]
    if q.day_from is not None:
        terms.append("at >= ?")
        params.append(q.day_from)
    if q.day_to is not None:
        terms.append("at <= ?")
        params.append(q.day_to + TOP)
    if q.case_id is not None:
        keys = _case_keys_sql(conn)
        terms.append(f"(entity_type, entity_id) IN ({keys})")
        params += [q.case_id] * keys.count("?")
    return (" WHERE " + " AND ".join(terms) if terms else ""), params


def count_sql(conn: Connection, q: EventQuery) -> tuple[str, tuple]:
    where, params = where_sql(conn, q)
    return f"SELECT count(*) FROM audit_events{where}", tuple(params)  # noqa: S608


def page_sql(
    conn: Connection, q: EventQuery, after: int | None, limit: int, newest_first: bool = True
) -> tuple[str, tuple]:
    """One page after ``after`` (the last seq of the page before; None for the first)."""
    where, params = where_sql(conn, q)
    if after is not None:
        where += (" AND " if where else " WHERE ") + ("seq < ?" if newest_first else "seq > ?")
        params.append(after)
    order = "DESC" if newest_first else "ASC"
    sql = f"SELECT {_select(conn)} FROM audit_events{where} ORDER BY seq {order} LIMIT ?"  # noqa: S608
    return sql, (*params, limit)


def count(conn: Connection, q: EventQuery) -> int:
    return int(conn.scalar(*count_sql(conn, q)) or 0)


def page(
    conn: Connection, q: EventQuery, after: int | None, limit: int, newest_first: bool = True
) -> list[AuditEvent]:
    return [AuditEvent(*row) for row in conn.query(*page_sql(conn, q, after, limit, newest_first))]


def stream(
    conn: Connection, q: EventQuery, newest_first: bool = False, chunk: int = 2000
) -> Iterator[list[AuditEvent]]:
    """Every matching event, a page at a time: memory stays one page whatever the trail."""
    after = None
    while True:
        events = page(conn, q, after, chunk, newest_first)
        if events:
            yield events
        if len(events) < chunk:
            return
        after = events[-1].seq


def cases_of(conn: Connection, events: list[AuditEvent]) -> dict[int, int]:
    """seq -> case id for the events of a page that name a record that names a case."""
    wanted: dict[str, dict[int, list[int]]] = {}
    for ev in events:
        table = rh.table_for(ev.entity_type)
        if table is None or not ev.entity_id.isdigit() or str(int(ev.entity_id)) != ev.entity_id:
            continue
        wanted.setdefault(table, {}).setdefault(int(ev.entity_id), []).append(ev.seq)
    named = set(_case_tables(conn)) | {"cases"}
    out: dict[int, int] = {}
    for table, by_id in wanted.items():
        if table not in named:
            continue
        column = "id" if table == "cases" else "case_id"
        ids = list(by_id)
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ",".join("?" * len(part))
            sql = f"SELECT id, {column} FROM {table} WHERE id IN ({marks})"  # noqa: S608
            for rid, case_id in conn.query(sql, tuple(part)):
                if case_id is not None:
                    out.update({seq: int(case_id) for seq in by_id[int(rid)]})
    return out


def references(conn: Connection, case_ids: set[int]) -> dict[int, str]:
    ids = sorted(case_ids)
    out: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        marks = ",".join("?" * len(part))
        sql = f"SELECT id, reference FROM cases WHERE id IN ({marks})"  # noqa: S608
        out.update({int(i): str(r) for i, r in conn.query(sql, tuple(part))})
    return out


def case_by_reference(conn: Connection, reference: str) -> int | None:
    value = conn.scalar("SELECT id FROM cases WHERE reference = ?", (reference,))
    return None if value is None else int(value)


def distinct(conn: Connection, column: str) -> list[str]:
    """The distinct officers or actions, one index seek each (not a scan of every event)."""
    if column not in ("officer", "action"):
        raise ValueError(column)
    sql = (
        f"WITH RECURSIVE d(v) AS (SELECT min({column}) FROM audit_events"  # noqa: S608
        f" UNION ALL SELECT (SELECT min({column}) FROM audit_events WHERE {column} > d.v)"
        " FROM d WHERE d.v IS NOT NULL) SELECT v FROM d WHERE v IS NOT NULL"
    )
    return [str(r[0]) for r in conn.query(sql)]


def has(conn: Connection, column: str, value: str) -> bool:
    """Whether some event has this officer or action (an index probe)."""
    if column not in ("officer", "action"):
        raise ValueError(column)
    sql = f"SELECT 1 FROM audit_events WHERE {column} = ? LIMIT 1"  # noqa: S608
    return conn.scalar(sql, (value,)) is not None
