"""The records an HR officer keeps: people, cases and what happened on them.

Frozen dataclasses with ``validate()`` returning a report of every field problem. Ids are
assigned by the vault (``None`` until stored); ``uid`` is a stable identity that survives
export and import, so importing the same document twice never duplicates a record.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from app.domain.validation import ValidationReport, require_text
from app.domain.words.phrases import Phrase, Term

CASE_REFERENCE = re.compile(r"^C-(\d{4})-(\d{4,})$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def new_uid() -> str:
    return uuid.uuid4().hex


class LabelledEnum(StrEnum):
    """String enum whose values are stored; ``label`` is what people read."""

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @classmethod
    def parse(cls, text: str):  # noqa: ANN206 - returns a member of the subclass
        key = text.strip().lower().replace(" ", "_").replace("-", "_")
        for member in cls:
            if member.value == key:
                return member
        allowed = ", ".join(m.value for m in cls)
        raise ValueError(f"'{text}' is not one of: {allowed}")


class Role(LabelledEnum):
    """Decision roles the policy grants rights to."""

    SUPERVISOR = "supervisor"
    MANAGER = "manager"
    HR_OFFICER = "hr_officer"
    HR_LEAD = "hr_lead"
    EXECUTIVE_SPONSOR = "executive_sponsor"

    @property
    def label(self) -> str:
        return {"hr_officer": "HR officer", "hr_lead": "HR lead"}.get(self.value, super().label)


class Track(LabelledEnum):
    STANDARD = "standard"
    HIGH_STAKES = "high_stakes"

    @property
    def label(self) -> str:
        return "High-stakes" if self is Track.HIGH_STAKES else "Standard"


class CaseStatus(LabelledEnum):
    OPEN = "open"
    CLOSED = "closed"


class Outcome(LabelledEnum):
    IMPROVED = "improved"
    DEVELOPMENT_TRACK = "development_track"
    REASSIGNMENT = "reassignment"
    SUCCESSION_OR_EXIT = "succession_or_exit"

    @property
    def label(self) -> str:
        return {
            "improved": "Improved and closed",
            "development_track": "Development track",
            "reassignment": "Reassignment or role change",
            "succession_or_exit": "Succession planning or exit",
        }[self.value]


class IndicatorCategory(LabelledEnum):
    MISSED_TARGET = "missed_target"
    QUALITY_GAP = "quality_gap"
    CUSTOMER_IMPACT = "customer_impact"
    SAFETY = "safety"
    COMPLIANCE = "compliance"
    ATTENDANCE = "attendance"

    @property
    def high_stakes(self) -> bool:
        return self in (IndicatorCategory.SAFETY, IndicatorCategory.COMPLIANCE)


class RootCause(LabelledEnum):
    WORKLOAD = "workload"
    SKILL_GAP = "skill_gap"
    COMPETING_PRIORITIES = "competing_priorities"
    TOOLS = "tools"
    PERSONAL_FACTORS = "personal_factors"
    UNCLEAR_EXPECTATIONS = "unclear_expectations"
    OTHER = "other"


class ConversationKind(LabelledEnum):
    INFORMAL = "informal"
    COACHING = "coaching"
    FORMAL_CONCERN = "formal_concern"
    REVIEW = "review"
    OUTCOME = "outcome"
    CHECK_IN = "check_in"

    @property
    def formal(self) -> bool:
        return self in (
            ConversationKind.FORMAL_CONCERN,
            ConversationKind.REVIEW,
            ConversationKind.OUTCOME,
        )


def _check_date_order(
    report: ValidationReport, name: str, value: date | None, label: str, today: date | None
) -> None:
    if value is None:
        report.error(name, Phrase("{label} is required.", label=Term(label)))
    elif today is not None and value > today:
        report.error(
            name,
            Phrase("{label} cannot be in the future ({day}).", label=Term(label), day=value),
        )


@dataclass(frozen=True)
class Employee:
    employee_number: str
    name: str
    job_title: str = ""
    department: str = ""
    manager: str = ""
    start_date: date | None = None
    email: str = ""
    id: int | None = None

    def validate(self, today: date | None = None) -> ValidationReport:
        r = ValidationReport()
        require_text(r, "employee_number", self.employee_number, "Employee number")
        if self.employee_number and not re.fullmatch(r"[\w.\-/]{1,40}", self.employee_number):
            r.error(
                "employee_number",
                Phrase("Employee number may hold letters, digits, '.', '-', '/' only (max 40)."),
            )
        require_text(r, "name", self.name, "Name")
        if len(self.name) > 200:
            r.error("name", Phrase("Name is longer than 200 characters."))
        require_text(r, "department", self.department, "Department")
        if self.email and not EMAIL.match(self.email):
            r.error("email", Phrase("'{email}' is not an e-mail address.", email=self.email))
        if self.start_date and today and self.start_date > today:
            r.warning("start_date", Phrase("Start date is in the future."))
        return r


@dataclass(frozen=True)
class Officer:
    """The HR officer (or lead) using the vault; every audit event names one."""

    name: str
    email: str = ""
    role: Role = Role.HR_OFFICER
    id: int | None = None

    def validate(self) -> ValidationReport:
        r = ValidationReport()
        require_text(r, "name", self.name, "Name")
        if self.email and not EMAIL.match(self.email):
            r.error("email", Phrase("'{email}' is not an e-mail address.", email=self.email))
        if self.role not in (Role.HR_OFFICER, Role.HR_LEAD):
            r.error("role", Phrase("An officer is an HR officer or an HR lead."))
        return r


@dataclass(frozen=True)
class Case:
    reference: str
    employee_id: int
    owner_id: int
    track: Track
    stage: str
    opened_on: date
    status: CaseStatus = CaseStatus.OPEN
    closed_on: date | None = None
    outcome: Outcome | None = None
    stage_entered_on: date | None = None
    policy_id: int | None = None
    id: int | None = None

    def validate(self, today: date | None = None) -> ValidationReport:
        r = ValidationReport()
        if not CASE_REFERENCE.match(self.reference or ""):
            r.error("reference", Phrase("Reference must look like C-2026-0007."))
        require_text(r, "stage", self.stage, "Stage")
        _check_date_order(r, "opened_on", self.opened_on, "Opened on", today)
        if self.status is CaseStatus.CLOSED:
            if self.closed_on is None:
                r.error("closed_on", Phrase("A closed case needs the date it was closed."))
            elif self.opened_on and self.closed_on < self.opened_on:
                r.error("closed_on", Phrase("A case cannot close before it opened."))
        elif self.closed_on is not None:
            r.error("closed_on", Phrase("An open case has no closing date."))
        return r


@dataclass(frozen=True)
class Conversation:
    case_id: int
    held_on: date
    kind: ConversationKind
    summary: str
    attendees: tuple[str, ...] = ()
    constraints: str = ""
    expectations: str = ""
    root_causes: tuple[RootCause, ...] = ()
    root_cause_notes: str = ""
    agreed_actions: tuple[str, ...] = ()
    uid: str = field(default_factory=new_uid)
    id: int | None = None

    def validate(self, today: date | None = None) -> ValidationReport:
        r = ValidationReport()
        _check_date_order(r, "held_on", self.held_on, "Date", today)
        require_text(r, "summary", self.summary, "Summary")
        if not any(a.strip() for a in self.attendees):
            r.error("attendees", Phrase("Name at least one attendee."))
        if RootCause.OTHER in self.root_causes and not self.root_cause_notes.strip():
            r.error("root_cause_notes", Phrase("Describe the 'other' root cause."))
        if self.kind.formal and not self.agreed_actions:
            r.warning(
                "agreed_actions", Phrase("A formal conversation usually ends with agreed actions.")
            )
        return r


@dataclass(frozen=True)
class Indicator:
    """A measurable trigger: what was expected, what happened, and where the figure came from."""

    case_id: int
    category: IndicatorCategory
    metric: str
    observed_on: date
    expected: float | None = None
    actual: float | None = None
    unit: str = ""
    source: str = ""
    note: str = ""
    uid: str = field(default_factory=new_uid)
    id: int | None = None

    def validate(self, today: date | None = None) -> ValidationReport:
        r = ValidationReport()
        require_text(r, "metric", self.metric, "Metric")
        _check_date_order(r, "observed_on", self.observed_on, "Observed on", today)
        if (self.expected is None) != (self.actual is None):
            r.error("actual", Phrase("Give both the expected and the actual value, or neither."))
        if self.expected is None and not self.note.strip():
            r.error("note", Phrase("Without figures, describe what was observed."))
        require_text(r, "source", self.source, "Source")
        return r


@dataclass(frozen=True)
class Observation:
    """A qualitative note from a named peer or stakeholder, for context and causes."""

    case_id: int
    observed_on: date
    author: str
    author_role: str
    text: str
    uid: str = field(default_factory=new_uid)
    id: int | None = None

    def validate(self, today: date | None = None) -> ValidationReport:
        r = ValidationReport()
        _check_date_order(r, "observed_on", self.observed_on, "Observed on", today)
        require_text(r, "author", self.author, "Author")
        require_text(r, "text", self.text, "Observation")
        return r


@dataclass(frozen=True)
class Decision:
    case_id: int
    decided_on: date
    decided_by: str
    role: Role
    summary: str
    rationale: str = ""
    uid: str = field(default_factory=new_uid)
    id: int | None = None

    def validate(self, today: date | None = None) -> ValidationReport:
        r = ValidationReport()
        _check_date_order(r, "decided_on", self.decided_on, "Decided on", today)
        require_text(r, "decided_by", self.decided_by, "Decided by")
        require_text(r, "summary", self.summary, "Decision")
        return r


@dataclass(frozen=True)
class StageChange:
    """A move of a case between stages, forwards or back, with who did it and why."""

    case_id: int
    from_stage: str | None
    to_stage: str
    changed_at: datetime
    actor: str
    role: Role
    reason: str
    approvals: tuple[str, ...] = ()
    uid: str = field(default_factory=new_uid)
    id: int | None = None

    def validate(self) -> ValidationReport:
        r = ValidationReport()
        require_text(r, "to_stage", self.to_stage, "Target stage")
        require_text(r, "actor", self.actor, "Actor")
        require_text(r, "reason", self.reason, "Reason")
        return r
