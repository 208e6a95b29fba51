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
from dataclasses import dataclass, replace

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
    # The first and last event of the date range (`with_day_bounds`): pages walk only them.
    seq_from: int | None = None
    seq_to: int | None = None


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
    parts = [
        f"SELECT '{e}' AS k_type, CAST(? AS TEXT) AS k_id" for e in rh.entity_types_of("cases")
    ]
    for table in _case_tables(conn):
        for entity in rh.entity_types_of(table):
            parts.append(f"SELECT '{entity}', CAST(id AS TEXT) FROM {table} WHERE case_id = ?")
    return " UNION ALL ".join(parts)


def _source(conn: Connection, q: EventQuery) -> tuple[str, list[object]]:
    """The FROM clause: the events, or for a case its records' keys first, each probing
    `audit_events_entity` (CROSS JOIN keeps that order), so no event outside the case is read."""
    if q.case_id is None:
        return "audit_events", []
    keys = _case_keys_sql(conn)
    return (
        f"({keys}) AS k CROSS JOIN audit_events ON entity_type = k.k_type AND entity_id = k.k_id"
    ), [q.case_id] * keys.count("?")


def _day_terms(q: EventQuery) -> tuple[list[str], list[object]]:
    terms: list[str] = []
    params: list[object] = []
    if q.day_from is not None:
        terms.append("at >= ?")
        params.append(q.day_from)
    if q.day_to is not None:
        terms.append("at <= ?")
        params.append(q.day_to + TOP)
    return terms, params


def with_day_bounds(conn: Connection, q: EventQuery) -> EventQuery:
    """``q`` with the seq of the first and last event of its date range, read once in
    `audit_events_at` (as many index entries as the range has events). Pages then walk only
    that stretch of the table in seq order, and stop after a page: stamps follow seq unless
    the clock went back, and even then no event of the range falls outside the bounds."""
    days, params = _day_terms(q)
    if not days:
        return q
    low, high = conn.query(
        "SELECT min(seq), max(seq) FROM audit_events INDEXED BY audit_events_at"  # noqa: S608
        f"{_where(days)}",
        tuple(params),
    )[0]
    return replace(q, seq_from=1 if low is None else low, seq_to=0 if high is None else high)


def _terms(q: EventQuery, action: str | None, pages: bool) -> tuple[list[str], list[object]]:
    """The conditions besides the case (which is the FROM clause); with ``pages`` also the
    seq bounds of the date range (`with_day_bounds`)."""
    terms: list[str] = []
    params: list[object] = []
    if q.officer is not None:
        terms.append("officer = ?")
        params.append(q.officer)
    if action is not None:
        terms.append("action = ?")
        params.append(action)
    days, day_params = _day_terms(q)
    terms += days
    params += day_params
    if pages and q.seq_from is not None and q.seq_to is not None:
        terms.append("seq BETWEEN ? AND ?")
        params += [q.seq_from, q.seq_to]
    return terms, params


def actions_of(conn: Connection, q: EventQuery) -> list[str | None]:
    """The stored actions the filter asks for: [None] for any, the action itself, or for a
    family (no dot) the family's own actions (``conversation.add``, ``conversation.edit`` …),
    each read in `audit_events_action` in seq order."""
    if q.action is None:
        return [None]
    if "." in q.action:
        return [q.action]
    found = [q.action] if has(conn, "action", q.action) else []
    return found + distinct(conn, "action", q.action + ".", q.action + "/")


def _where(terms: list[str]) -> str:
    return " WHERE " + " AND ".join(terms) if terms else ""


def count_sql(conn: Connection, q: EventQuery) -> tuple[str, tuple]:
    source, params = _source(conn, q)
    actions = actions_of(conn, q)
    terms, more = _terms(q, None, pages=False)
    if actions != [None]:
        terms.append(f"action IN ({','.join('?' * len(actions))})" if actions else "0")
        more += actions
    return f"SELECT count(*) FROM {source}{_where(terms)}", (*params, *more)  # noqa: S608


def page_sql(
    conn: Connection, q: EventQuery, after: int | None, limit: int, newest_first: bool = True
) -> tuple[str, tuple]:
    """One page after ``after`` (the last seq of the page before; None for the first). A family
    of actions is one ordered read per action, merged: each stops after a page."""
    order = "DESC" if newest_first else "ASC"
    cols = _select(conn)
    selects: list[str] = []
    params: list[object] = []
    for action in actions_of(conn, q) or [None]:
        source, p = _source(conn, q)
        terms, more = _terms(q, action, pages=True)
        if q.action is not None and action is None:
            terms.append("0")  # a family with no action in the trail
        if after is not None:
            terms.append("seq < ?" if newest_first else "seq > ?")
            more.append(after)
        selects.append(f"SELECT {cols} FROM {source}{_where(terms)} ORDER BY seq {order} LIMIT ?")
        params += [*p, *more, limit]
    if len(selects) == 1:
        return selects[0], tuple(params)
    merged = " UNION ALL ".join(f"SELECT * FROM ({s})" for s in selects)
    return f"SELECT * FROM ({merged}) ORDER BY seq {order} LIMIT ?", (*params, limit)  # noqa: S608


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


def distinct_sql(column: str, low: str = "", high: str | None = None) -> tuple[str, tuple]:
    """The distinct officers or actions (from ``low``, below ``high``), one index seek each,
    not a scan of every event."""
    if column not in ("officer", "action"):
        raise ValueError(column)
    below = f" AND {column} < ?" if high is not None else ""
    sql = (
        f"WITH RECURSIVE d(v) AS (SELECT min({column}) FROM audit_events"  # noqa: S608
        f" WHERE {column} >= ?{below} UNION ALL SELECT (SELECT min({column}) FROM audit_events"
        f" WHERE {column} > d.v{below}) FROM d WHERE d.v IS NOT NULL)"
        " SELECT v FROM d WHERE v IS NOT NULL"
    )
    return sql, ((low, high, high) if high is not None else (low,))


def distinct(conn: Connection, column: str, low: str = "", high: str | None = None) -> list[str]:
    return [str(r[0]) for r in conn.query(*distinct_sql(column, low, high))]


def has(conn: Connection, column: str, value: str) -> bool:
    """Whether some event has this officer or action (an index probe)."""
    if column not in ("officer", "action"):
        raise ValueError(column)
    sql = f"SELECT 1 FROM audit_events WHERE {column} = ? LIMIT 1"  # noqa: S608
    return conn.scalar(sql, (value,)) is not None
