"""Formal reviews and their outcomes.

A review stores its local wall-clock start with its time zone (what people agreed on) and the
same instant in UTC (``starts_utc``), so lists across cases in different zones sort correctly
in SQL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime

from app.domain.plans.reviews import (
    Assessment,
    ObjectiveAssessment,
    Participant,
    ParticipantRole,
    RefreshedTarget,
    Review,
    ReviewDecision,
    ReviewOutcome,
    ReviewStatus,
)
from app.vault.connection import Connection
from app.vault.errors import NotFound
from app.vault.repositories.case_record_repository import _c, _check_fields, _Table
from app.vault.repositories.plan_repository import insert, update
from app.vault.rows import d2s, s2d


def participants_to_json(participants: tuple[Participant, ...]) -> str:
    return json.dumps(
        [{"role": p.role.value, "name": p.name} for p in participants], ensure_ascii=False
    )


def participants_from_json(text: str) -> tuple[Participant, ...]:
    return tuple(
        Participant(ParticipantRole(p["role"]), p["name"]) for p in json.loads(text or "[]")
    )


def _assessments_to_json(items: tuple[ObjectiveAssessment, ...]) -> str:
    return json.dumps(
        [
            {
                "objective_uid": a.objective_uid,
                "assessment": a.assessment.value,
                "comment": a.comment,
            }
            for a in items
        ],
        ensure_ascii=False,
    )


def _assessments_from_json(text: str) -> tuple[ObjectiveAssessment, ...]:
    return tuple(
        ObjectiveAssessment(a["objective_uid"], Assessment(a["assessment"]), a.get("comment", ""))
        for a in json.loads(text or "[]")
    )


def _targets_to_json(items: tuple[RefreshedTarget, ...]) -> str:
    return json.dumps(
        [
            {
                "objective_uid": t.objective_uid,
                "target": t.target,
                "stretch_target": t.stretch_target,
                "due_on": d2s(t.due_on),
            }
            for t in items
        ],
        ensure_ascii=False,
    )


def _targets_from_json(text: str) -> tuple[RefreshedTarget, ...]:
    return tuple(
        RefreshedTarget(
            t["objective_uid"], t["target"], t.get("stretch_target"), s2d(t.get("due_on"))
        )
        for t in json.loads(text or "[]")
    )


REVIEWS = _Table(
    "reviews",
    Review,
    (
        _c("uid"),
        _c("case_id"),
        _c("plan_id"),
        _c("starts_at", to=lambda d: d.isoformat(timespec="minutes"), back=datetime.fromisoformat),
        _c("timezone"),
        _c("duration_minutes"),
        _c("location"),
        _c("call_link"),
        _c("participants", to=participants_to_json, back=participants_from_json),
        _c("status", to=lambda s: s.value, back=ReviewStatus),
        _c("sequence"),
        _c("note"),
    ),
    "starts_utc, id",
)

OUTCOMES = _Table(
    "review_outcomes",
    ReviewOutcome,
    (
        _c("uid"),
        _c("review_id"),
        _c("case_id"),
        _c("held_on", to=d2s, back=s2d),
        _c("attended", to=participants_to_json, back=participants_from_json),
        _c("assessments", to=_assessments_to_json, back=_assessments_from_json),
        _c("decision", to=lambda d: d.value, back=ReviewDecision),
        _c("summary"),
        _c("plan_working", to=int, back=bool),
        _c("resources_right", to=int, back=bool),
        _c("timelines_right", to=int, back=bool),
        _c("role_alignment"),
        _c("workload"),
        _c("refreshed_targets", to=_targets_to_json, back=_targets_from_json),
        _c("next_review_on", to=d2s, back=s2d),
    ),
    "held_on, id",
)

for _t in (REVIEWS, OUTCOMES):
    _check_fields(_t)


def _utc(review: Review) -> dict[str, str]:
    return {"starts_utc": review.utc_start.strftime("%Y-%m-%dT%H:%M:%SZ")}


@dataclass(frozen=True)
class UpcomingReview:
    """One review for the agenda across cases: the review with its case reference."""

    review: Review
    reference: str
    track: str


class ReviewRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, review: Review) -> Review:
        return replace(review, id=insert(self.conn, REVIEWS, review, _utc(review)))

    def update(self, review: Review) -> Review:
        update(self.conn, REVIEWS, review, _utc(review))
        return review

    def get(self, review_id: int) -> Review:
        rows = self.conn.query(REVIEWS.select + " WHERE id = ?", (review_id,))
        if not rows:
            raise NotFound(f"No review with id {review_id}.")
        return REVIEWS.to_record(rows[0])

    def by_uid(self, uid: str) -> Review | None:
        rows = self.conn.query(REVIEWS.select + " WHERE uid = ?", (uid,))
        return REVIEWS.to_record(rows[0]) if rows else None

    def for_case(self, case_id: int) -> list[Review]:
        rows = self.conn.query(
            REVIEWS.select + " WHERE case_id = ? ORDER BY starts_utc, id", (case_id,)
        )
        return [REVIEWS.to_record(r) for r in rows]

    def scheduled(
        self, until: date | None = None, case_id: int | None = None
    ) -> list[UpcomingReview]:
        """Scheduled (not yet held or cancelled) reviews of open cases, earliest first;
        past ones included, since they are overdue for an outcome."""
        cols = ", ".join(f"r.{c.column}" for c in REVIEWS.columns)
        sql = (
            f"SELECT r.id, {cols}, c.reference, c.track FROM reviews r"
            " JOIN cases c ON c.id = r.case_id"
            " WHERE r.status = 'scheduled' AND c.status = 'open'"
        )
        params: list[object] = []
        if until is not None:
            sql += " AND substr(r.starts_at, 1, 10) <= ?"
            params.append(until.isoformat())
        if case_id is not None:
            sql += " AND r.case_id = ?"
            params.append(case_id)
        sql += " ORDER BY r.starts_utc, r.id"
        n = len(REVIEWS.columns) + 1
        return [
            UpcomingReview(REVIEWS.to_record(row[:n]), row[n], row[n + 1])
            for row in self.conn.query(sql, tuple(params))
        ]

    def for_calendar(self, from_day: date, case_id: int | None = None) -> list[Review]:
        """Scheduled and cancelled reviews of open cases from a day on (what a calendar
        export holds: cancelled ones so calendars drop them)."""
        cols = ", ".join(f"r.{c.column}" for c in REVIEWS.columns)
        sql = (
            f"SELECT r.id, {cols} FROM reviews r JOIN cases c ON c.id = r.case_id"
            " WHERE r.status IN ('scheduled', 'cancelled') AND c.status = 'open'"
            " AND substr(r.starts_at, 1, 10) >= ?"
        )
        params: list[object] = [from_day.isoformat()]
        if case_id is not None:
            sql += " AND r.case_id = ?"
            params.append(case_id)
        return [
            REVIEWS.to_record(row)
            for row in self.conn.query(sql + " ORDER BY r.starts_utc, r.id", tuple(params))
        ]

    # -- outcomes ------------------------------------------------------------------------
    def add_outcome(self, outcome: ReviewOutcome) -> ReviewOutcome:
        return replace(outcome, id=insert(self.conn, OUTCOMES, outcome))

    def outcome_by_uid(self, uid: str) -> ReviewOutcome | None:
        rows = self.conn.query(OUTCOMES.select + " WHERE uid = ?", (uid,))
        return OUTCOMES.to_record(rows[0]) if rows else None

    def outcome_for(self, review_id: int) -> ReviewOutcome | None:
        rows = self.conn.query(OUTCOMES.select + " WHERE review_id = ?", (review_id,))
        return OUTCOMES.to_record(rows[0]) if rows else None

    def outcomes(self, case_id: int) -> list[ReviewOutcome]:
        rows = self.conn.query(
            OUTCOMES.select + " WHERE case_id = ? ORDER BY held_on, id", (case_id,)
        )
        return [OUTCOMES.to_record(r) for r in rows]

    def held_with_outcome(self, case_id: int, neutral_required: bool = False) -> int:
        """How many held reviews of the case have an outcome (with a neutral observer present,
        when required)."""
        outcomes = [o for o in self.outcomes(case_id) if not neutral_required or o.neutral_attended]
        if not outcomes:
            return 0
        held = {
            r[0]
            for r in self.conn.query(
                "SELECT id FROM reviews WHERE case_id = ? AND status = 'held'", (case_id,)
            )
        }
        return sum(1 for o in outcomes if o.review_id in held)
