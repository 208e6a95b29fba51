"""Stored policy versions, approvals of moves and exceptions to the path.

Approvals and exceptions are described by `_Table`s like the other case records. Policies are
kept as the exact TOML text that was imported, with its SHA-256, so a case's rules can always
be shown as they were.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, TypeVar

from sqlcipher3 import dbapi2

from app.domain.escalation.escalation_records import (
    Approval,
    ApprovalKind,
    ApprovalStatus,
    CaseException,
    ExceptionKind,
    ExceptionStatus,
)
from app.domain.records import Case, Role
from app.vault.connection import Connection
from app.vault.errors import IntegrityError, NotFound
from app.vault.repositories.case_record_repository import _c, _check_fields, _Table
from app.vault.repositories.case_repository import _COLS, _case
from app.vault.rows import d2s, dt2s, s2d, s2dt

R = TypeVar("R")


def _opt_dt2s(v: datetime | None) -> str | None:
    return dt2s(v) if v is not None else None


def _opt_s2dt(v: str | None) -> datetime | None:
    return s2dt(v) if v else None


APPROVALS = _Table(
    "approvals",
    Approval,
    (
        _c("uid"),
        _c("case_id"),
        _c("from_stage"),
        _c("to_stage"),
        _c("role", to=lambda r: r.value, back=Role),
        _c("kind", to=lambda k: k.value, back=ApprovalKind),
        _c("status", to=lambda s: s.value, back=ApprovalStatus),
        _c("requested_at", to=dt2s, back=s2dt),
        _c("person"),
        _c("requested_by"),
        _c("note"),
        _c("decided_at", to=_opt_dt2s, back=_opt_s2dt),
        _c("stage_change_id"),
    ),
    "requested_at, id",
)

EXCEPTIONS = _Table(
    "case_exceptions",
    CaseException,
    (
        _c("uid"),
        _c("case_id"),
        _c("kind", to=lambda k: k.value, back=ExceptionKind),
        _c("reason"),
        _c("requested_by"),
        _c("requested_on", to=d2s, back=s2d),
        _c("stage"),
        _c("approver"),
        _c(
            "approver_role",
            to=lambda r: r.value if r else None,
            back=lambda s: Role(s) if s else None,
        ),
        _c("status", to=lambda s: s.value, back=ExceptionStatus),
        _c("starts_on", to=d2s, back=s2d),
        _c("ends_on", to=d2s, back=s2d),
        _c("extra_business_days"),
        _c("skip_stage"),
        _c("decided_on", to=d2s, back=s2d),
    ),
    "requested_on, id",
)

for _t in (APPROVALS, EXCEPTIONS):
    _check_fields(_t)


@dataclass(frozen=True)
class StoredPolicy:
    id: int
    name: str
    source: str
    sha256: str
    created_at: datetime


class EscalationRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- generic record helpers ----------------------------------------------------------
    def _add(self, table: _Table, record: Any) -> Any:
        cols = ", ".join(c.column for c in table.columns)
        marks = ", ".join("?" for _ in table.columns)
        values = tuple(c.to_sql(getattr(record, c.field)) for c in table.columns)
        try:
            cur = self.conn.execute(f"INSERT INTO {table.name}({cols}) VALUES ({marks})", values)
        except dbapi2.IntegrityError as exc:
            what = table.record.__name__.lower()
            if "UNIQUE" in str(exc):
                raise IntegrityError(f"This {what} is already stored.") from None
            raise IntegrityError(f"The {what} names no stored case.") from None
        return replace(record, id=cur.lastrowid)

    def _update(self, table: _Table, record: Any) -> Any:
        sets = ", ".join(f"{c.column} = ?" for c in table.columns)
        values = tuple(c.to_sql(getattr(record, c.field)) for c in table.columns)
        cur = self.conn.execute(
            f"UPDATE {table.name} SET {sets} WHERE id = ?", (*values, record.id)
        )
        if cur.rowcount != 1:
            raise NotFound(f"No {table.record.__name__.lower()} with id {record.id}.")
        return record

    def _for_case(self, table: _Table, case_id: int, where: str = "", params: tuple = ()) -> list:
        rows = self.conn.query(
            table.select + f" WHERE case_id = ?{where} ORDER BY {table.order}", (case_id, *params)
        )
        return [table.to_record(r) for r in rows]

    # -- policies ------------------------------------------------------------------------
    def add_policy(self, name: str, source: str, sha256: str, created_at: datetime) -> int:
        cur = self.conn.execute(
            "INSERT INTO policies(name, source, sha256, created_at) VALUES (?,?,?,?)",
            (name, source, sha256, dt2s(created_at)),
        )
        return int(cur.lastrowid)

    def policy(self, policy_id: int) -> StoredPolicy:
        rows = self.conn.query(
            "SELECT id, name, source, sha256, created_at FROM policies WHERE id = ?", (policy_id,)
        )
        if not rows:
            raise NotFound(f"No policy version {policy_id} in this vault.")
        r = rows[0]
        return StoredPolicy(r[0], r[1], r[2], r[3], s2dt(r[4]))

    def latest_policy_id(self) -> int | None:
        value = self.conn.scalar("SELECT max(id) FROM policies")
        return int(value) if value is not None else None

    def policies(self) -> list[StoredPolicy]:
        return [
            StoredPolicy(r[0], r[1], r[2], r[3], s2dt(r[4]))
            for r in self.conn.query(
                "SELECT id, name, source, sha256, created_at FROM policies ORDER BY id"
            )
        ]

    def adopt_cases_without_policy(self, policy_id: int) -> int:
        """Give cases opened before any policy was stored the given policy; returns how many."""
        cur = self.conn.execute(
            "UPDATE cases SET policy_id = ? WHERE policy_id IS NULL", (policy_id,)
        )
        return cur.rowcount

    # -- approvals -----------------------------------------------------------------------
    def add_approval(self, approval: Approval) -> Approval:
        return self._add(APPROVALS, approval)

    def update_approval(self, approval: Approval) -> Approval:
        return self._update(APPROVALS, approval)

    def approvals(
        self, case_id: int, statuses: tuple[ApprovalStatus, ...] | None = None
    ) -> list[Approval]:
        if not statuses:
            return self._for_case(APPROVALS, case_id)
        marks = ", ".join("?" for _ in statuses)
        return self._for_case(
            APPROVALS, case_id, f" AND status IN ({marks})", tuple(s.value for s in statuses)
        )

    def approval_by_uid(self, uid: str) -> Approval | None:
        rows = self.conn.query(APPROVALS.select + " WHERE uid = ?", (uid,))
        return APPROVALS.to_record(rows[0]) if rows else None

    def close_open_approvals(self, case_id: int, stage_change_id: int, used_ids: list[int]) -> None:
        """After a move: the approvals it relied on become *used*, every other open one lapses."""
        if used_ids:
            marks = ", ".join("?" for _ in used_ids)
            self.conn.execute(
                f"UPDATE approvals SET status = 'used', stage_change_id = ? WHERE id IN ({marks})",
                (stage_change_id, *used_ids),
            )
        self.conn.execute(
            "UPDATE approvals SET status = 'lapsed' WHERE case_id = ?"
            " AND status IN ('pending', 'granted')",
            (case_id,),
        )

    def awaiting_approval(self, case_id: int) -> bool:
        return bool(
            self.conn.scalar(
                "SELECT EXISTS(SELECT 1 FROM approvals WHERE case_id = ? AND status = 'pending')"
                " OR EXISTS(SELECT 1 FROM case_exceptions WHERE case_id = ?"
                " AND status = 'requested')",
                (case_id, case_id),
            )
        )

    # -- exceptions ----------------------------------------------------------------------
    def add_exception(self, exc: CaseException) -> CaseException:
        return self._add(EXCEPTIONS, exc)

    def update_exception(self, exc: CaseException) -> CaseException:
        return self._update(EXCEPTIONS, exc)

    def exception(self, exception_id: int) -> CaseException:
        rows = self.conn.query(EXCEPTIONS.select + " WHERE id = ?", (exception_id,))
        if not rows:
            raise NotFound(f"No exception with id {exception_id}.")
        return EXCEPTIONS.to_record(rows[0])

    def exception_by_uid(self, uid: str) -> CaseException | None:
        rows = self.conn.query(EXCEPTIONS.select + " WHERE uid = ?", (uid,))
        return EXCEPTIONS.to_record(rows[0]) if rows else None

    def exceptions(self, case_id: int) -> list[CaseException]:
        return self._for_case(EXCEPTIONS, case_id)

    def awaiting_approval_ids(self) -> frozenset[int]:
        return frozenset(int(r[0]) for r in self.conn.query(self.awaiting_approval_sql()))

    def paused_ids(self, on: date) -> frozenset[int]:
        return frozenset(
            int(r[0])
            for r in self.conn.query(
                "SELECT case_id FROM case_exceptions WHERE kind = 'pause' AND status = 'approved'"
                " AND starts_on <= ? AND ends_on >= ?",
                (on.isoformat(), on.isoformat()),
            )
        )

    def schedule_inputs(self) -> tuple[list[Case], dict[int, date], dict[int, list[CaseException]]]:
        """For every open case: the case, its last conversation since it entered its stage,
        and its approved exceptions (what its deadlines depend on)."""
        cases = [
            _case(r)
            for r in self.conn.query(f"SELECT {_COLS} FROM cases WHERE status = 'open' ORDER BY id")
        ]
        contacts = {
            int(r[0]): s2d(r[1])
            for r in self.conn.query(
                "SELECT c.id, max(v.held_on) FROM cases c JOIN conversations v ON v.case_id = c.id"
                " AND v.held_on >= coalesce(c.stage_entered_on, c.opened_on)"
                " WHERE c.status = 'open' GROUP BY c.id"
            )
        }
        exceptions: dict[int, list[CaseException]] = {}
        for row in self.conn.query(
            EXCEPTIONS.select + " WHERE status = 'approved' AND case_id IN"
            " (SELECT id FROM cases WHERE status = 'open') ORDER BY id"
        ):
            exc = EXCEPTIONS.to_record(row)
            exceptions.setdefault(exc.case_id, []).append(exc)
        return cases, contacts, exceptions

    def set_schedules(self, schedule: list[tuple[int, date | None]]) -> None:
        """Store many cases' next deadlines in one batch (call inside a transaction)."""
        with self.conn.lock:
            self.conn.raw.executemany(
                "UPDATE cases SET next_due_on = ? WHERE id = ?",
                [(d2s(due), case_id) for case_id, due in schedule],
            )

    def paused_on(self, case_id: int, on: date) -> bool:
        return bool(
            self.conn.scalar(
                "SELECT EXISTS(SELECT 1 FROM case_exceptions WHERE case_id = ? AND kind = 'pause'"
                " AND status = 'approved' AND starts_on <= ? AND ends_on >= ?)",
                (case_id, on.isoformat(), on.isoformat()),
            )
        )

    # -- SQL fragments for the case list (CaseQuery.case_ids_sql) -------------------------
    @staticmethod
    def awaiting_approval_sql() -> str:
        return (
            "SELECT case_id FROM approvals WHERE status = 'pending'"
            " UNION SELECT case_id FROM case_exceptions WHERE status = 'requested'"
        )

    @staticmethod
    def not_paused_sql(on: date) -> str:
        return f"SELECT id FROM cases WHERE id NOT IN ({EscalationRepository.paused_sql(on)})"

    @staticmethod
    def paused_sql(on: date) -> str:
        """Ids of cases paused on ``on`` (for CaseQuery.excluded_ids_sql): a handful of ids,
        where "not paused" as an IN list held every one of 100k cases (issue 18)."""
        day = on.isoformat()  # an ISO date: digits and dashes only, safe to inline
        return (
            "SELECT case_id FROM case_exceptions"
            f" WHERE kind = 'pause' AND status = 'approved' AND starts_on <= '{day}'"
            f" AND ends_on >= '{day}'"
        )

    def open_case_ids(self) -> list[int]:
        return [
            int(r[0])
            for r in self.conn.query("SELECT id FROM cases WHERE status = 'open' ORDER BY id")
        ]
