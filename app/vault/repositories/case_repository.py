"""Cases: storing them, finding them by reference, and listing them a page at a time.

Listing sorts and filters in SQL so the case list stays responsive at 100,000 cases: the GUI
asks for pages (offset/limit) of `CaseRow`s, never for everything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from sqlcipher3 import dbapi2

from app.domain.records import Case, CaseStatus, Outcome, Track
from app.domain.words.search_match import SearchScope, fold
from app.vault.connection import Connection
from app.vault.errors import IntegrityError, NotFound
from app.vault.rows import d2s, s2d

_COLS = (
    "id, reference, employee_id, owner_id, track, stage, status, opened_on, closed_on,"
    " outcome, stage_entered_on, policy_id"
)


def _case(row: tuple) -> Case:
    return Case(
        id=row[0],
        reference=row[1],
        employee_id=row[2],
        owner_id=row[3],
        track=Track(row[4]),
        stage=row[5],
        status=CaseStatus(row[6]),
        opened_on=s2d(row[7]),
        closed_on=s2d(row[8]),
        outcome=Outcome(row[9]) if row[9] else None,
        stage_entered_on=s2d(row[10]),
        policy_id=row[11],
    )


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


HIT_CHUNK = 2000  # FTS entries read per step when streaming search hits


class CaseRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, case: Case) -> Case:
        today = case.opened_on
        try:
            cur = self.conn.execute(
                "INSERT INTO cases(reference, employee_id, owner_id, track, stage, status,"
                " opened_on, closed_on, outcome, stage_entered_on, policy_id, last_activity_on)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    case.reference,
                    case.employee_id,
                    case.owner_id,
                    case.track.value,
                    case.stage,
                    case.status.value,
                    d2s(case.opened_on),
                    d2s(case.closed_on),
                    case.outcome.value if case.outcome else None,
                    d2s(case.stage_entered_on or case.opened_on),
                    case.policy_id,
                    d2s(today),
                ),
            )
        except dbapi2.IntegrityError as exc:
            if "UNIQUE" in str(exc):
                raise IntegrityError(f"Case {case.reference} already exists.") from None
            raise IntegrityError("The case names an employee or owner not in the vault.") from None
        return replace(
            case, id=cur.lastrowid, stage_entered_on=case.stage_entered_on or case.opened_on
        )

    def update(self, case: Case) -> Case:
        cur = self.conn.execute(
            "UPDATE cases SET owner_id=?, track=?, stage=?, status=?, closed_on=?, outcome=?,"
            " stage_entered_on=?, policy_id=? WHERE id=?",
            (
                case.owner_id,
                case.track.value,
                case.stage,
                case.status.value,
                d2s(case.closed_on),
                case.outcome.value if case.outcome else None,
                d2s(case.stage_entered_on),
                case.policy_id,
                case.id,
            ),
        )
        if cur.rowcount != 1:
            raise NotFound(f"No case with id {case.id}.")
        return case

    def set_schedule(self, case_id: int, next_due_on: date | None) -> None:
        self.conn.execute(
            "UPDATE cases SET next_due_on = ? WHERE id = ?", (d2s(next_due_on), case_id)
        )

    def touch(self, case_id: int, on: date) -> None:
        """Record activity on a case (for the 'stalled' flag); never moves it backwards."""
        self.conn.execute(
            "UPDATE cases SET last_activity_on = max(coalesce(last_activity_on, ''), ?)"
            " WHERE id = ?",
            (on.isoformat(), case_id),
        )

    def get(self, case_id: int) -> Case:
        rows = self.conn.query(f"SELECT {_COLS} FROM cases WHERE id = ?", (case_id,))
        if not rows:
            raise NotFound(f"No case with id {case_id}.")
        return _case(rows[0])

    def by_reference(self, reference: str) -> Case:
        rows = self.conn.query(
            f"SELECT {_COLS} FROM cases WHERE reference = ?", (reference.strip().upper(),)
        )
        if not rows:
            raise NotFound(f"There is no case {reference} in this vault.")
        return _case(rows[0])

    def closed_for_retention(self) -> list[tuple[int, str, int, str, str | None]]:
        """(id, reference, employee id, closed on, outcome) of every closed case: what the
        retention rules read, without loading whole cases."""
        rows = self.conn.query(
            "SELECT id, reference, employee_id, closed_on, outcome FROM cases"
            " WHERE status = 'closed' AND closed_on IS NOT NULL ORDER BY closed_on, reference"
        )
        return [(int(r[0]), r[1], int(r[2]), r[3], r[4]) for r in rows]

    def has_id(self, case_id: int) -> bool:
        return self.conn.scalar("SELECT 1 FROM cases WHERE id = ?", (case_id,)) is not None

    def exists(self, reference: str) -> bool:
        return bool(self.conn.scalar("SELECT 1 FROM cases WHERE reference = ?", (reference,)))

    def all(self, status: CaseStatus | None = None) -> list[Case]:
        if status is None:
            rows = self.conn.query(f"SELECT {_COLS} FROM cases ORDER BY reference")
        else:
            rows = self.conn.query(
                f"SELECT {_COLS} FROM cases WHERE status = ? ORDER BY reference", (status.value,)
            )
        return [_case(r) for r in rows]

    def schedule_info(self, case_id: int) -> tuple[date | None, date | None]:
        row = self.conn.query(
            "SELECT next_due_on, last_activity_on FROM cases WHERE id = ?", (case_id,)
        )
        if not row:
            raise NotFound(f"No case with id {case_id}.")
        return s2d(row[0][0]), s2d(row[0][1])

    def next_reference(self, year: int) -> str:
        prefix = f"C-{year}-"
        last = self.conn.scalar(
            "SELECT max(CAST(substr(reference, 8) AS INTEGER)) FROM cases WHERE reference LIKE ?",
            (prefix + "%",),
        )
        return f"{prefix}{(int(last) if last else 0) + 1:04d}"

    # -- the case list -------------------------------------------------------------------
    def count_rows(self, q: CaseQuery) -> int:
        """How many cases match; joins only what the filter needs, so the plain open-cases
        count reads one index (it joined employees and officers for all 100k before)."""
        sql, params = count_sql(q)
        return int(self.conn.scalar(sql, params))

    def ids(self, q: CaseQuery) -> list[int]:
        """Every matching case id in list order: the GUI's case list keeps these and reads
        rows by id (``rows_by_ids``), so the count is free and deep pages cost no OFFSET
        walk. Joins only the tables the filter or sort needs (the join dominates the cost)."""
        where, params = _where(q)
        key = SORT_KEYS.get(q.sort, SORT_KEYS["reference"])
        direction = " DESC" if q.descending else ""
        order = ", ".join(part + direction for part in key.split(", "))
        sql = f"SELECT c.id{_joins(where, key)}{where} ORDER BY {order}, c.id{direction}"
        return [r[0] for r in self.conn.query(sql, tuple(params))]

    def rows_by_ids(self, ids: list[int]) -> list[CaseRow]:
        """The case-list rows of these ids, in the order given (missing ids are skipped)."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        sql = _ROW_SELECT + _FROM + f" WHERE c.id IN ({marks})"
        found = {r[0]: _case_row(r) for r in self.conn.query(sql, tuple(ids))}
        return [found[i] for i in ids if i in found]

    def search_hits(
        self, q: CaseQuery, before: int | None, limit: int, seen: set[int]
    ) -> tuple[list[CaseRow], int | None]:
        """The next ``limit`` cases matching ``q.search`` (and its other filters) in hit order,
        newest entry first, reading the FTS index a chunk at a time below rowid ``before``.

        Returns the rows and the cursor for the next call (None once every hit is read).
        ``seen`` holds the case ids already returned and is updated. A common word over 1M
        entries matched ~500k of them; reading all before the first screen took seconds."""
        phrase = fts_phrase(q.search)
        if phrase is None:
            raise ValueError("search_hits needs a search of three or more characters")
        where, params = _where(replace(q, search=""))
        where = where + (" AND " if where else " WHERE ")
        found: list[CaseRow] = []
        cursor = before
        while len(found) < limit:
            sql = "SELECT rowid, case_id FROM case_text WHERE case_text MATCH ?" + _scoped(q)
            args: list[object] = [phrase]
            if cursor is not None:
                sql += " AND rowid < ?"
                args.append(cursor)
            sql += " ORDER BY rowid DESC LIMIT ?"
            chunk = self.conn.query(sql, (*args, HIT_CHUNK))
            if not chunk:
                return found, None
            cursor = chunk[-1][0]
            fresh: list[int] = []
            for rowid, case_id in chunk:
                if case_id not in seen:
                    seen.add(case_id)
                    fresh.append(case_id)
                    if len(found) + len(fresh) >= limit:
                        cursor = rowid  # the next call goes on below this entry
                        break
            if fresh:
                marks = ",".join("?" * len(fresh))
                sql = _ROW_SELECT + _FROM + where + f"c.id IN ({marks})"
                got = {r[0]: _case_row(r) for r in self.conn.query(sql, (*params, *fresh))}
                found.extend(got[i] for i in fresh if i in got)
            if len(chunk) < HIT_CHUNK and cursor == chunk[-1][0]:
                return found, None
        return found, cursor

    def rows(self, q: CaseQuery, offset: int = 0, limit: int = 200) -> list[CaseRow]:
        sql, params = rows_sql(q, offset, limit)
        return [_case_row(r) for r in self.conn.query(sql, params)]


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
