"""Cases: storing them, finding them by reference, and listing them a page at a time.

Listing sorts and filters in SQL so the case list stays responsive at 100,000 cases: the GUI
asks for pages (offset/limit) of `CaseRow`s, never for everything. The list's SQL lives in
`case_list_sql`; its names are importable here.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlcipher3 import dbapi2

from app.domain.records import Case, CaseStatus, Outcome, Track
from app.vault.connection import Connection
from app.vault.errors import IntegrityError, NotFound
from app.vault.repositories.case_list_sql import (
    _FROM,
    _ROW_SELECT,
    SORT_KEYS,
    CaseQuery,
    CaseRow,
    _case_row,
    _joins,
    _scoped,
    _where,
    count_sql,
    fts_phrase,
    rows_sql,
)
from app.vault.rows import d2s, s2d

__all__ = [
    "CaseQuery",
    "CaseRepository",
    "CaseRow",
    "count_sql",
    "fts_phrase",
    "HIT_CHUNK",
    "rows_sql",
    "SORT_KEYS",
]

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
