"""Satisfaction scores given at case close (table ``case_satisfaction``, migration 0006)."""

from __future__ import annotations

from app.domain.plans.satisfaction import Satisfaction
from app.vault.connection import Connection


def store(conn: Connection, case_id: int, scores: Satisfaction, recorded_on: str) -> None:
    conn.execute(
        "INSERT INTO case_satisfaction(case_id, employee, manager, recorded_on) "
        "VALUES (?, ?, ?, ?) ON CONFLICT(case_id) DO UPDATE SET employee = excluded.employee, "
        "manager = excluded.manager, recorded_on = excluded.recorded_on",
        (case_id, scores.employee, scores.manager, recorded_on),
    )


def get(conn: Connection, case_id: int) -> Satisfaction | None:
    rows = conn.query(
        "SELECT employee, manager FROM case_satisfaction WHERE case_id = ?", (case_id,)
    )
    return Satisfaction(rows[0][0], rows[0][1]) if rows else None
