"""Coaching plan versions and progress updates.

Plans are described by `_Table`s like the other case records; objectives (with their
micro-goals) and resources are stored as JSON on the plan version. Every version stays in the
table: a revision marks the previous one ``superseded`` and inserts the next.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlcipher3 import dbapi2

from app.domain.plans.plans import (
    CoachingPlan,
    Direction,
    MicroGoal,
    MicroGoalStatus,
    Objective,
    ObjectiveCategory,
    PlanResource,
    PlanStatus,
    ProgressUpdate,
    ResourceKind,
)
from app.vault.connection import Connection
from app.vault.errors import IntegrityError, NotFound
from app.vault.repositories.case_record_repository import _c, _check_fields, _Table
from app.vault.rows import d2s, s2d


def _bool_or_none(v: Any) -> bool | None:
    return None if v is None else bool(v)


def _int_or_none(v: bool | None) -> int | None:
    return None if v is None else int(v)


def objectives_to_json(objectives: tuple[Objective, ...]) -> str:
    return json.dumps(
        [
            {
                "uid": o.uid,
                "title": o.title,
                "measure": o.measure,
                "unit": o.unit,
                "baseline": o.baseline,
                "target": o.target,
                "stretch_target": o.stretch_target,
                "due_on": d2s(o.due_on),
                "direction": o.direction.value,
                "category": o.category.value,
                "micro_goals": [
                    {
                        "uid": g.uid,
                        "title": g.title,
                        "due_on": d2s(g.due_on),
                        "status": g.status.value,
                        "note": g.note,
                    }
                    for g in o.micro_goals
                ],
            }
            for o in objectives
        ],
        ensure_ascii=False,
    )


def objectives_from_json(text: str) -> tuple[Objective, ...]:
    return tuple(
        Objective(
            uid=o["uid"],
            title=o["title"],
            measure=o["measure"],
            unit=o.get("unit", ""),
            baseline=o["baseline"],
            target=o["target"],
            stretch_target=o.get("stretch_target"),
            due_on=s2d(o["due_on"]),
            direction=Direction(o["direction"]),
            category=ObjectiveCategory(o["category"]),
            micro_goals=tuple(
                MicroGoal(
                    uid=g["uid"],
                    title=g["title"],
                    due_on=s2d(g["due_on"]),
                    status=MicroGoalStatus(g["status"]),
                    note=g.get("note", ""),
                )
                for g in o.get("micro_goals", ())
            ),
        )
        for o in json.loads(text or "[]")
    )


def resources_to_json(resources: tuple[PlanResource, ...]) -> str:
    return json.dumps(
        [
            {
                "uid": r.uid,
                "kind": r.kind.value,
                "description": r.description,
                "provider": r.provider,
                "by_date": d2s(r.by_date),
            }
            for r in resources
        ],
        ensure_ascii=False,
    )


def resources_from_json(text: str) -> tuple[PlanResource, ...]:
    return tuple(
        PlanResource(
            uid=r["uid"],
            kind=ResourceKind(r["kind"]),
            description=r.get("description", ""),
            provider=r["provider"],
            by_date=s2d(r.get("by_date")),
        )
        for r in json.loads(text or "[]")
    )


PLANS = _Table(
    "coaching_plans",
    CoachingPlan,
    (
        _c("uid"),
        _c("case_id"),
        _c("version"),
        _c("status", to=lambda s: s.value, back=PlanStatus),
        _c("starts_on", to=d2s, back=s2d),
        _c("ends_on", to=d2s, back=s2d),
        _c("manager"),
        _c("hr_officer"),
        _c("executive_sponsor"),
        _c("objectives", to=objectives_to_json, back=objectives_from_json),
        _c("resources", to=resources_to_json, back=resources_from_json),
        _c("agreed_on", to=d2s, back=s2d),
        _c("employee_agreed", to=_int_or_none, back=_bool_or_none),
        _c("employee_comment"),
        _c("revision_of"),
        _c("revision_reason"),
        _c("created_on", to=d2s, back=s2d),
    ),
    "version, id",
)

PROGRESS = _Table(
    "plan_progress",
    ProgressUpdate,
    (
        _c("uid"),
        _c("case_id"),
        _c("plan_id"),
        _c("objective_uid"),
        _c("recorded_on", to=d2s, back=s2d),
        _c("value"),
        _c("note"),
        _c("milestone_achieved", to=int, back=bool),
    ),
    "recorded_on, id",
)

for _t in (PLANS, PROGRESS):
    _check_fields(_t)


def insert(
    conn: Connection, table: _Table, record: Any, extra: dict[str, Any] | None = None
) -> int:
    """INSERT one record (plus derived columns that are not record fields); returns its id."""
    cols = [c.column for c in table.columns] + list(extra or {})
    values = [c.to_sql(getattr(record, c.field)) for c in table.columns] + list(
        (extra or {}).values()
    )
    sql = f"INSERT INTO {table.name}({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
    try:
        return conn.execute(sql, tuple(values)).lastrowid
    except dbapi2.IntegrityError as exc:
        raise IntegrityError(_integrity_message(table, str(exc))) from None


def update(
    conn: Connection, table: _Table, record: Any, extra: dict[str, Any] | None = None
) -> None:
    cols = [c.column for c in table.columns] + list(extra or {})
    values = [c.to_sql(getattr(record, c.field)) for c in table.columns] + list(
        (extra or {}).values()
    )
    try:
        cur = conn.execute(
            f"UPDATE {table.name} SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
            (*values, record.id),
        )
    except dbapi2.IntegrityError as exc:
        raise IntegrityError(_integrity_message(table, str(exc))) from None
    if cur.rowcount != 1:
        raise NotFound(f"No {table.record.__name__} with id {record.id}.")


def _integrity_message(table: _Table, detail: str) -> str:
    what = table.record.__name__
    if "coaching_plans.case_id" in detail and "UNIQUE" in detail:
        return "This case already has an active coaching plan; revise it instead."
    if "UNIQUE" in detail:
        return f"This {what} is already stored."
    if "FOREIGN KEY" in detail:
        return f"The {what} names a case or plan that is not in the vault."
    return f"The {what} breaks a rule of the vault ({detail})."


@dataclass(frozen=True)
class DueMicroGoal:
    """One open micro-goal of an active plan, for the agenda across all cases."""

    case_id: int
    reference: str
    plan_id: int
    objective_title: str
    goal_uid: str
    title: str
    due_on: date


class PlanRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- plan versions -------------------------------------------------------------------
    def add(self, plan: CoachingPlan) -> CoachingPlan:
        return replace(plan, id=insert(self.conn, PLANS, plan))

    def update(self, plan: CoachingPlan) -> CoachingPlan:
        update(self.conn, PLANS, plan)
        return plan

    def set_status(self, plan_id: int, status: PlanStatus) -> None:
        cur = self.conn.execute(
            "UPDATE coaching_plans SET status = ? WHERE id = ?", (status.value, plan_id)
        )
        if cur.rowcount != 1:
            raise NotFound(f"No coaching plan with id {plan_id}.")

    def get(self, plan_id: int) -> CoachingPlan:
        rows = self.conn.query(PLANS.select + " WHERE id = ?", (plan_id,))
        if not rows:
            raise NotFound(f"No coaching plan with id {plan_id}.")
        return PLANS.to_record(rows[0])

    def by_uid(self, uid: str) -> CoachingPlan | None:
        rows = self.conn.query(PLANS.select + " WHERE uid = ?", (uid,))
        return PLANS.to_record(rows[0]) if rows else None

    def active(self, case_id: int) -> CoachingPlan | None:
        rows = self.conn.query(
            PLANS.select + " WHERE case_id = ? AND status = 'active'", (case_id,)
        )
        return PLANS.to_record(rows[0]) if rows else None

    def versions(self, case_id: int) -> list[CoachingPlan]:
        rows = self.conn.query(PLANS.select + " WHERE case_id = ? ORDER BY version", (case_id,))
        return [PLANS.to_record(r) for r in rows]

    def has_qualifying(self, case_id: int) -> bool:
        """An active plan with at least one objective that has a date (the policy's fact)."""
        return bool(
            self.conn.scalar(
                "SELECT 1 FROM coaching_plans p, json_each(p.objectives) o"
                " WHERE p.case_id = ? AND p.status = 'active'"
                " AND json_extract(o.value, '$.due_on') IS NOT NULL LIMIT 1",
                (case_id,),
            )
        )

    def due_micro_goals(self, until: date, case_id: int | None = None) -> list[DueMicroGoal]:
        """Open micro-goals of active plans on open cases, due on or before ``until``.

        The plans' JSON is read in Python: SQLite's json_each over every active plan took
        855 ms against 25 ms this way, at 2,000 active plans (bench/bench_agenda.py)."""
        sql = (
            "SELECT p.case_id, c.reference, p.id, p.objectives FROM coaching_plans p"
            " JOIN cases c ON c.id = p.case_id WHERE p.status = 'active'"
            " AND c.status = 'open'"
        )
        params: tuple[object, ...] = ()
        if case_id is not None:
            sql += " AND p.case_id = ?"
            params = (case_id,)
        limit = until.isoformat()
        out = []
        for cid, reference, plan_id, objectives in self.conn.query(sql, params):
            for o in json.loads(objectives or "[]"):
                for g in o.get("micro_goals", ()):
                    if g["status"] == "open" and g["due_on"] and g["due_on"] <= limit:
                        out.append(
                            DueMicroGoal(
                                cid,
                                reference,
                                plan_id,
                                o["title"],
                                g["uid"],
                                g["title"],
                                date.fromisoformat(g["due_on"]),
                            )
                        )
        out.sort(key=lambda d: (d.due_on, d.reference))
        return out

    # -- progress ------------------------------------------------------------------------
    def add_progress(self, update_: ProgressUpdate) -> ProgressUpdate:
        return replace(update_, id=insert(self.conn, PROGRESS, update_))

    def progress_by_uid(self, uid: str) -> ProgressUpdate | None:
        rows = self.conn.query(PROGRESS.select + " WHERE uid = ?", (uid,))
        return PROGRESS.to_record(rows[0]) if rows else None

    def progress(self, case_id: int) -> list[ProgressUpdate]:
        rows = self.conn.query(
            PROGRESS.select + " WHERE case_id = ? ORDER BY recorded_on, id", (case_id,)
        )
        return [PROGRESS.to_record(r) for r in rows]
