"""The case list in SQL: the query a list asks (`CaseQuery`), the row it gets (`CaseRow`), and
the WHERE, joins and ORDER BY that keep paging at 100,000 cases reading only what a page needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from app.domain.records import CaseStatus, Track
from app.domain.words.search_match import SearchScope, fold
from app.vault.rows import s2d


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list: what the table shows, already joined."""

    id: int
    reference: str
    employee: str
    department: str
    stage: str
    track: Track
    owner: str
    next_due_on: date | None
    status: CaseStatus
    last_activity_on: date | None
    opened_on: date


# Sortable columns by name; values are SQL expressions. Keep `c.id` as the tie-breaker.
SORT_KEYS = {
    "reference": "c.reference",
    "employee": "e.name",
    "department": "e.department",
    "stage": "c.stage",
    "track": "c.track",
    "owner": "o.name",
    "next_due_on": "c.next_due_on IS NULL, c.next_due_on",
    "opened_on": "c.opened_on",
}


@dataclass(frozen=True)
class CaseQuery:
    """What the case list asks for. Empty fields do not filter."""

    department: str | None = None
    stage: str | None = None
    track: Track | None = None
    status: CaseStatus | None = CaseStatus.OPEN
    search: str = ""
    scope: SearchScope = SearchScope.EVERYTHING  # EMPLOYEES: names, numbers and references
    due_before: date | None = None  # next_due_on < due_before   (overdue)
    due_on_or_before: date | None = None  # next_due_on <= date   (due soon)
    due_from: date | None = None  # next_due_on >= date
    inactive_since: date | None = None  # last_activity_on < date (stalled)
    case_ids_sql: str | None = None  # extra "c.id IN (…)" sub-select from a later feature
    excluded_ids_sql: str | None = None  # "c.id NOT IN (…)": for small sets (paused cases)
    sort: str = "reference"
    descending: bool = False


def _where(q: CaseQuery, page: bool = False) -> tuple[str, list[object]]:
    """WHERE clause and parameters. For a page (``page``), the date ranges of the flag
    filters are written ``+c.col`` so SQLite does not drive the query from their index: they
    match most open cases (stalled: 77k of 85k), and walking the sort's own index stops after
    a page, where the range index meant sorting all of them (320 ms at 100k)."""
    clauses: list[str] = []
    params: list[object] = []
    plus = "+" if page else ""
    if q.department:
        clauses.append("e.department = ?")
        params.append(q.department)
    if q.stage:
        clauses.append("c.stage = ?")
        params.append(q.stage)
    if q.track:
        clauses.append("c.track = ?")
        params.append(q.track.value)
    if q.status:
        clauses.append("c.status = ?")
        params.append(q.status.value)
    if q.due_before:
        clauses.append(f"{plus}c.next_due_on < ?")
        params.append(q.due_before.isoformat())
    if q.due_from:
        clauses.append(f"{plus}c.next_due_on >= ?")
        params.append(q.due_from.isoformat())
    if q.due_on_or_before:
        clauses.append(f"{plus}c.next_due_on <= ?")
        params.append(q.due_on_or_before.isoformat())
    if q.inactive_since:
        clauses.append(f"{plus}c.last_activity_on < ?")
        params.append(q.inactive_since.isoformat())
    if q.case_ids_sql:
        clauses.append(f"c.id IN ({q.case_ids_sql})")
    if q.excluded_ids_sql:
        clauses.append(f"c.id NOT IN ({q.excluded_ids_sql})")
    text = q.search.strip()
    if text:
        phrase = fts_phrase(text)
        if phrase is not None:
            # Trigram FTS: substring match over names, references, conversations and notes.
            clauses.append(
                f"c.id IN (SELECT case_id FROM case_text WHERE case_text MATCH ?{_scoped(q)})"
            )
            params.append(phrase)
        else:  # too short for the trigram index; folded like it (see search_match.fold).
            # Names are folded once per employee in a sub-select, not once per case (a fifth
            # of the calls); references are ASCII, which LIKE already compares without case.
            clauses.append(
                "(c.reference LIKE ? OR c.employee_id IN"
                " (SELECT id FROM employees WHERE fold(name) LIKE ?))"
            )
            params.extend([f"%{fold(text)}%", f"%{fold(text)}%"])
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return where, params


_ROW_SELECT = (
    "SELECT c.id, c.reference, e.name, e.department, c.stage, c.track, o.name,"
    " c.next_due_on, c.status, c.last_activity_on, c.opened_on"
)


def _case_row(r: tuple) -> CaseRow:
    return CaseRow(
        r[0],
        r[1],
        r[2],
        r[3],
        r[4],
        Track(r[5]),
        r[6],
        s2d(r[7]),
        CaseStatus(r[8]),
        s2d(r[9]),
        s2d(r[10]),
    )


_FROM = (
    " FROM cases c JOIN employees e ON e.id = c.employee_id JOIN officers o ON o.id = c.owner_id"
)


def _joins(where: str, key: str) -> str:
    """FROM clause with only the joins the filter and the sort key name. A department filter
    walks that department's employees and their cases (CROSS JOIN keeps the order): SQLite
    otherwise probed the employee of each of 85k open cases to count one department's 7k."""
    joins = " FROM cases c"
    if "e.department = ?" in where and not key:
        return " FROM employees e CROSS JOIN cases c ON e.id = c.employee_id"
    if re.search(r"\be\.", where + key):
        joins += " JOIN employees e ON e.id = c.employee_id"
    if re.search(r"\bo\.", key):
        joins += " JOIN officers o ON o.id = c.owner_id"
    return joins


def _scoped(q: CaseQuery) -> str:
    """The index rows a scope searches: code 1 holds the reference, the employee's name and
    number (rowid = case id * 8 + 1, see migration 0001); everything else is other records."""
    return " AND rowid % 8 = 1" if q.scope is SearchScope.EMPLOYEES else ""


def fts_phrase(text: str) -> str | None:
    """The FTS5 phrase for a search text, or None when it is too short for the trigram index."""
    text = text.strip()
    return '"' + text.replace('"', '""') + '"' if len(text) >= 3 else None


def rows_sql(q: CaseQuery, offset: int = 0, limit: int = 200) -> tuple[str, tuple]:
    """The case list's page query (kept apart so tests can EXPLAIN exactly what runs)."""
    where, params = _where(q, page=True)
    key = SORT_KEYS.get(q.sort, SORT_KEYS["reference"])
    direction = " DESC" if q.descending else ""
    order = ", ".join(part + direction for part in key.split(", "))
    sql = _ROW_SELECT + _from_for(q, key) + where
    sql += f" ORDER BY {order}, c.id{direction} LIMIT ? OFFSET ?"
    return sql, (*params, limit, offset)


def _from_for(q: CaseQuery, key: str) -> str:
    """Joins in an order that reads the first page in sort order. For a sort on the employee
    or the owner with no filter but the status, walk that table's index first (CROSS JOIN
    fixes SQLite's join order) and stop after a page; otherwise SQLite sorted all 100k open
    cases in a temporary B-tree. With other filters the planner chooses (few rows match)."""
    unfiltered = replace(q, status=None, sort="reference", descending=False) == CaseQuery(
        status=None
    )
    if unfiltered and key.startswith("e."):
        return (
            " FROM employees e CROSS JOIN cases c ON e.id = c.employee_id"
            " JOIN officers o ON o.id = c.owner_id"
        )
    if unfiltered and key.startswith("o."):
        return (
            " FROM officers o CROSS JOIN cases c ON o.id = c.owner_id"
            " JOIN employees e ON e.id = c.employee_id"
        )
    return _FROM


def count_sql(q: CaseQuery) -> tuple[str, tuple]:
    where, params = _where(q)
    return "SELECT count(*)" + _joins(where, "") + where, tuple(params)
