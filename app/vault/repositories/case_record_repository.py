"""What happened on a case: conversations, indicators, observations, decisions, stage changes.

Each record type is described once by a `_Table` (columns and how to convert them), so adding,
reading and listing share one piece of code instead of five near-copies.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Any, Generic, TypeVar

from sqlcipher3 import dbapi2

from app.domain.records import (
    Conversation,
    ConversationKind,
    Decision,
    Indicator,
    IndicatorCategory,
    Observation,
    Role,
    RootCause,
    StageChange,
)
from app.vault.connection import Connection
from app.vault.errors import IntegrityError, NotFound
from app.vault.rows import d2s, dt2s, list2s, s2d, s2dt, s2list

R = TypeVar("R")


def _same(v: Any) -> Any:
    return v


@dataclass(frozen=True)
class _Column:
    field: str
    column: str
    to_sql: Callable[[Any], Any] = _same
    from_sql: Callable[[Any], Any] = _same


@dataclass(frozen=True)
class _Table(Generic[R]):
    name: str
    record: type[R]
    columns: tuple[_Column, ...]
    order: str

    @property
    def select(self) -> str:
        return "SELECT id, " + ", ".join(c.column for c in self.columns) + f" FROM {self.name}"

    def to_record(self, row: tuple) -> R:
        values = {c.field: c.from_sql(v) for c, v in zip(self.columns, row[1:], strict=True)}
        return self.record(id=row[0], **values)


def _c(field: str, column: str | None = None, to: Callable = _same, back: Callable = _same):
    return _Column(field, column or field, to, back)


def _enum_list(enum: type) -> Callable[[str], tuple]:
    return lambda s: tuple(enum(v) for v in s2list(s))


CONVERSATIONS = _Table(
    "conversations",
    Conversation,
    (
        _c("uid"),
        _c("case_id"),
        _c("held_on", to=d2s, back=s2d),
        _c("kind", to=lambda k: k.value, back=ConversationKind),
        _c("summary"),
        _c("attendees", to=list2s, back=lambda s: tuple(s2list(s))),
        _c("constraints", "constraints_text"),
        _c("expectations"),
        _c("root_causes", to=list2s, back=_enum_list(RootCause)),
        _c("root_cause_notes"),
        _c("agreed_actions", to=list2s, back=lambda s: tuple(s2list(s))),
    ),
    "held_on, id",
)

INDICATORS = _Table(
    "indicators",
    Indicator,
    (
        _c("uid"),
        _c("case_id"),
        _c("category", to=lambda k: k.value, back=IndicatorCategory),
        _c("metric"),
        _c("observed_on", to=d2s, back=s2d),
        _c("expected"),
        _c("actual"),
        _c("unit"),
        _c("source"),
        _c("note"),
    ),
    "observed_on, id",
)

OBSERVATIONS = _Table(
    "observations",
    Observation,
    (
        _c("uid"),
        _c("case_id"),
        _c("observed_on", to=d2s, back=s2d),
        _c("author"),
        _c("author_role"),
        _c("text", "body"),
    ),
    "observed_on, id",
)

DECISIONS = _Table(
    "decisions",
    Decision,
    (
        _c("uid"),
        _c("case_id"),
        _c("decided_on", to=d2s, back=s2d),
        _c("decided_by"),
        _c("role", to=lambda r: r.value, back=Role),
        _c("summary"),
        _c("rationale"),
    ),
    "decided_on, id",
)

STAGE_CHANGES = _Table(
    "stage_changes",
    StageChange,
    (
        _c("uid"),
        _c("case_id"),
        _c("from_stage"),
        _c("to_stage"),
        _c("changed_at", to=dt2s, back=s2dt),
        _c("actor"),
        _c("role", to=lambda r: r.value, back=Role),
        _c("reason"),
        _c("approvals", to=list2s, back=lambda s: tuple(s2list(s))),
    ),
    "changed_at, id",
)

TABLES: dict[type, _Table] = {
    t.record: t for t in (CONVERSATIONS, INDICATORS, OBSERVATIONS, DECISIONS, STAGE_CHANGES)
}


def _check_fields(table: _Table) -> None:
    names = {f.name for f in fields(table.record)} - {"id"}
    mapped = {c.field for c in table.columns}
    if names != mapped:
        raise RuntimeError(f"{table.name}: columns do not match {table.record.__name__} fields")


for _t in TABLES.values():
    _check_fields(_t)


class CaseRecordRepository:
    """Adds and reads any of the case's record types through its `_Table` description."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, record: R) -> R:
        table = TABLES[type(record)]
        cols = ", ".join(c.column for c in table.columns)
        marks = ", ".join("?" for _ in table.columns)
        values = tuple(c.to_sql(getattr(record, c.field)) for c in table.columns)
        try:
            cur = self.conn.execute(f"INSERT INTO {table.name}({cols}) VALUES ({marks})", values)
        except dbapi2.IntegrityError as exc:
            if "UNIQUE" in str(exc):
                raise IntegrityError(
                    f"This {table.record.__name__.lower()} is already stored."
                ) from None
            raise IntegrityError(
                f"The {table.record.__name__.lower()} names no stored case."
            ) from None
        return replace(record, id=cur.lastrowid)

    def update(self, record: R) -> R:
        table = TABLES[type(record)]
        sets = ", ".join(f"{c.column} = ?" for c in table.columns)
        values = tuple(c.to_sql(getattr(record, c.field)) for c in table.columns)
        cur = self.conn.execute(
            f"UPDATE {table.name} SET {sets} WHERE id = ?", (*values, record.id)
        )
        if cur.rowcount != 1:
            raise NotFound(f"No {table.record.__name__.lower()} with id {record.id}.")
        return record

    def get(self, kind: type[R], record_id: int) -> R:
        table = TABLES[kind]
        rows = self.conn.query(table.select + " WHERE id = ?", (record_id,))
        if not rows:
            raise NotFound(f"No {kind.__name__.lower()} with id {record_id}.")
        return table.to_record(rows[0])

    def by_uid(self, kind: type[R], uid: str) -> R | None:
        table = TABLES[kind]
        rows = self.conn.query(table.select + " WHERE uid = ?", (uid,))
        return table.to_record(rows[0]) if rows else None

    def for_case(self, kind: type[R], case_id: int) -> list[R]:
        table = TABLES[kind]
        rows = self.conn.query(
            table.select + f" WHERE case_id = ? ORDER BY {table.order}", (case_id,)
        )
        return [table.to_record(r) for r in rows]
