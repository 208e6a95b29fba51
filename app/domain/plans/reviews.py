"""Formal reviews: scheduling (one or at the policy's cadence), participants, agenda, outcome.

A review is a meeting at a wall-clock time in a named time zone (``Europe/London``), so a
calendar shows it at the right hour on both sides of a daylight-saving change. On the
high-stakes track a neutral observer or HR representative must be invited (scheduling without
one is refused) and must attend for the review to count towards the policy.

The review dates live in `review_dates` and the agenda in `agenda`; both are importable here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from app.domain.plans.agenda import (
    NO_PLAN_YET,
    STANDARD_QUESTIONS,
    Agenda,
    AgendaObjective,
    build_agenda,
)
from app.domain.plans.plans import Objective
from app.domain.plans.review_dates import at_time, cadence_dates, roll_to_business_day
from app.domain.records import LabelledEnum, new_uid
from app.domain.validation import ValidationReport, require_text

__all__ = [
    "Agenda",
    "AgendaObjective",
    "Assessment",
    "at_time",
    "build_agenda",
    "cadence_dates",
    "CALL_LINK",
    "DEFAULT_TIMEZONE",
    "NO_PLAN_YET",
    "ObjectiveAssessment",
    "Participant",
    "ParticipantRole",
    "RefreshedTarget",
    "Review",
    "ReviewDecision",
    "ReviewOutcome",
    "ReviewStatus",
    "roll_to_business_day",
    "STANDARD_QUESTIONS",
    "valid_timezone",
]

CALL_LINK = re.compile(r"^(https?|sip|tel):\S+$", re.IGNORECASE)
DEFAULT_TIMEZONE = "Europe/London"


class ReviewStatus(LabelledEnum):
    SCHEDULED = "scheduled"
    HELD = "held"
    CANCELLED = "cancelled"


class ParticipantRole(LabelledEnum):
    EMPLOYEE = "employee"
    SUPERVISOR = "supervisor"
    OBSERVER = "observer"
    HR_REPRESENTATIVE = "hr_representative"

    @property
    def label(self) -> str:
        return {
            "supervisor": "Direct supervisor",
            "observer": "Neutral observer",
            "hr_representative": "HR representative",
        }.get(self.value, super().label)

    @property
    def neutral(self) -> bool:
        return self in (ParticipantRole.OBSERVER, ParticipantRole.HR_REPRESENTATIVE)


class Assessment(LabelledEnum):
    MET = "met"
    PROGRESSING = "progressing"
    NOT_MET = "not_met"


class ReviewDecision(LabelledEnum):
    CONTINUE = "continue"
    EXTEND_WITH_EXCEPTION = "extend_with_exception"
    CLOSE_AS_IMPROVED = "close_as_improved"
    ESCALATE = "escalate"

    @property
    def label(self) -> str:
        return {
            "continue": "Continue the plan",
            "extend_with_exception": "Extend with an exception",
            "close_as_improved": "Close as improved",
            "escalate": "Escalate",
        }[self.value]

    @property
    def needs_next_review(self) -> bool:
        return self in (ReviewDecision.CONTINUE, ReviewDecision.EXTEND_WITH_EXCEPTION)


@dataclass(frozen=True)
class Participant:
    role: ParticipantRole
    name: str


def valid_timezone(name: str) -> bool:
    if not name or name not in _zones():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


_ZONES: set[str] = set()


def _zones() -> set[str]:
    if not _ZONES:
        _ZONES.update(available_timezones())
    return _ZONES


def _names(participants: Iterable[Participant], role: ParticipantRole) -> list[str]:
    return [p.name.strip() for p in participants if p.role is role and p.name.strip()]


@dataclass(frozen=True)
class Review:
    """A formal review meeting. ``starts_at`` is naive wall-clock time in ``timezone``."""

    case_id: int
    starts_at: datetime
    timezone: str = DEFAULT_TIMEZONE
    duration_minutes: int = 60
    location: str = ""
    call_link: str = ""
    participants: tuple[Participant, ...] = ()
    status: ReviewStatus = ReviewStatus.SCHEDULED
    plan_id: int | None = None
    sequence: int = 0  # bumped on every change, so calendars replace the event (RFC 5545)
    note: str = ""  # why it was cancelled or moved
    uid: str = field(default_factory=new_uid)
    id: int | None = None

    @property
    def on(self) -> date:
        return self.starts_at.date()

    @property
    def local_start(self) -> datetime:
        return self.starts_at.replace(tzinfo=ZoneInfo(self.timezone))

    @property
    def utc_start(self) -> datetime:
        return self.local_start.astimezone(UTC)

    @property
    def local_end(self) -> datetime:
        return self.local_start + timedelta(minutes=self.duration_minutes)

    def names(self, role: ParticipantRole) -> list[str]:
        return _names(self.participants, role)

    @property
    def has_neutral(self) -> bool:
        return any(p.role.neutral and p.name.strip() for p in self.participants)

    def validate(
        self, today: date | None = None, observer_required: bool = False
    ) -> ValidationReport:
        r = ValidationReport()
        if self.starts_at is None:
            r.error("starts_at", "Give the date and time of the review.")
        elif self.starts_at.tzinfo is not None:
            r.error("starts_at", "Give the review's local time and its time zone separately.")
        if not valid_timezone(self.timezone):
            r.error(
                "timezone",
                f"'{self.timezone}' is not a time zone name such as "
                "Europe/London or America/New_York.",
            )
        if not 15 <= self.duration_minutes <= 8 * 60:
            r.error("duration_minutes", "A review lasts between 15 minutes and 8 hours.")
        if not self.location.strip() and not self.call_link.strip():
            r.error("location", "Give a place or a call link.")
        if self.call_link.strip() and not CALL_LINK.match(self.call_link.strip()):
            r.error("call_link", "A call link starts with https:// (or sip:/tel:).")
        for p in self.participants:
            if not p.name.strip():
                r.error("participants", f"Name the {p.role.label.lower()}.")
        if not self.names(ParticipantRole.EMPLOYEE):
            r.error("participants.employee", "Invite the employee.")
        if not self.names(ParticipantRole.SUPERVISOR):
            r.error("participants.supervisor", "Invite the direct supervisor.")
        neutral = [
            p.name.strip().casefold()
            for p in self.participants
            if p.role.neutral and p.name.strip()
        ]
        parties = {
            n.casefold()
            for n in self.names(ParticipantRole.EMPLOYEE) + self.names(ParticipantRole.SUPERVISOR)
        }
        if any(n in parties for n in neutral):
            r.error(
                "participants.observer",
                "The neutral observer must be someone other than the employee or the supervisor.",
            )
        if not neutral:
            if observer_required:
                r.error(
                    "participants.observer",
                    "This case is on the high-stakes track: invite "
                    "a neutral observer or HR representative.",
                )
            else:
                r.warning(
                    "participants.observer",
                    "Consider inviting a neutral observer or HR representative.",
                )
        if (
            self.status is ReviewStatus.SCHEDULED
            and today is not None
            and self.starts_at is not None
            and self.starts_at.date() < today
        ):
            r.warning("starts_at", "This review is in the past; record its outcome or move it.")
        if self.status is ReviewStatus.CANCELLED and not self.note.strip():
            r.error("note", "Say why the review was cancelled.")
        return r


@dataclass(frozen=True)
class ObjectiveAssessment:
    objective_uid: str
    assessment: Assessment
    comment: str = ""


@dataclass(frozen=True)
class RefreshedTarget:
    """A new target agreed at a review; applied to the plan as a revision."""

    objective_uid: str
    target: float
    stretch_target: float | None = None
    due_on: date | None = None


@dataclass(frozen=True)
class ReviewOutcome:
    review_id: int
    case_id: int
    held_on: date
    attended: tuple[Participant, ...]
    assessments: tuple[ObjectiveAssessment, ...]
    decision: ReviewDecision
    summary: str
    plan_working: bool = True
    resources_right: bool = True
    timelines_right: bool = True
    role_alignment: str = ""
    workload: str = ""
    refreshed_targets: tuple[RefreshedTarget, ...] = ()
    next_review_on: date | None = None
    uid: str = field(default_factory=new_uid)
    id: int | None = None

    @property
    def neutral_attended(self) -> bool:
        return any(p.role.neutral and p.name.strip() for p in self.attended)

    def validate(
        self,
        today: date | None = None,
        objectives: Sequence[Objective] = (),
        observer_required: bool = False,
    ) -> ValidationReport:
        r = ValidationReport()
        if self.held_on is None:
            r.error("held_on", "Give the date the review was held.")
        elif today is not None and self.held_on > today:
            r.error("held_on", "A review's outcome can only be recorded once it has been held.")
        if not any(p.name.strip() for p in self.attended):
            r.error("attended", "Record who attended.")
        if not _names(self.attended, ParticipantRole.EMPLOYEE):
            r.warning("attended", "The employee did not attend; note why in the summary.")
        if observer_required and not self.neutral_attended:
            r.warning(
                "attended",
                "No neutral observer or HR representative attended: on the "
                "high-stakes track this review does not satisfy the policy.",
            )
        require_text(r, "summary", self.summary, "Summary")
        known = {o.uid: o for o in objectives}
        assessed = [a.objective_uid for a in self.assessments]
        if len(set(assessed)) != len(assessed):
            r.error("assessments", "Assess each objective once.")
        if known:
            missing = [o.title for o in objectives if o.uid not in assessed]
            if missing:
                r.error("assessments", "Assess every objective: " + ", ".join(missing) + ".")
            if any(uid not in known for uid in assessed):
                r.error("assessments", "An assessment names an objective that is not in the plan.")
        if self.decision.needs_next_review:
            if self.next_review_on is None:
                r.error("next_review_on", f"'{self.decision.label}' needs the next review date.")
            elif self.held_on is not None and self.next_review_on <= self.held_on:
                r.error("next_review_on", "The next review must come after this one.")
        if self.decision is ReviewDecision.CLOSE_AS_IMPROVED and any(
            a.assessment is Assessment.NOT_MET for a in self.assessments
        ):
            r.warning("decision", "Closing as improved while an objective is not met.")
        if self.decision is ReviewDecision.EXTEND_WITH_EXCEPTION:
            r.warning(
                "decision", "Request the extension as an exception so its approval is recorded."
            )
        if (
            not self.plan_working
            and self.decision is ReviewDecision.CONTINUE
            and not (self.refreshed_targets or self.summary.strip())
        ):
            r.warning("plan_working", "The plan is not working: say what changes.")
        for i, t in enumerate(self.refreshed_targets):
            obj = known.get(t.objective_uid)
            if known and obj is None:
                r.error(f"refreshed_targets[{i}]", "Refreshed target for an unknown objective.")
            elif (
                obj is not None
                and t.stretch_target is not None
                and not obj.direction.beyond(t.stretch_target, t.target)
            ):
                r.error(
                    f"refreshed_targets[{i}]",
                    f"The stretch target for '{obj.title}' must go beyond its target.",
                )
        return r
