"""The plain snapshot a documentation pack is drawn from.

`DocumentService` assembles a `PackData` from the vault's services; the renderer only reads
it. Every field is a string, number, date or tuple of those, so the snapshot can be hashed
(`digest`), stored as JSON inside the vault next to the PDF, and compared later by
`verify-pack`. Labels are already human-readable here: the renderer makes no lookups.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields, is_dataclass
from datetime import date
from enum import Enum, StrEnum


class MeetingType(StrEnum):
    """The formal meetings a pack can be prepared for."""

    REVIEW = "review"
    FORMAL_CONCERN = "formal_concern"
    OUTCOME = "outcome"

    @property
    def label(self) -> str:
        return {
            "review": "Formal review meeting",
            "formal_concern": "Formal-concern meeting",
            "outcome": "Outcome meeting",
        }[self.value]

    @classmethod
    def parse(cls, text: str) -> MeetingType:
        key = text.strip().lower().replace("-", "_").replace(" ", "_")
        if key in ("formal_review", "review_meeting"):
            key = "review"
        for member in cls:
            if member.value == key:
                return member
        allowed = ", ".join(m.value for m in cls)
        raise ValueError(f"'{text}' is not a meeting type; choose one of: {allowed}")


@dataclass(frozen=True)
class Participant:
    name: str
    role: str


@dataclass(frozen=True)
class CaseSummary:
    employee_name: str
    employee_number: str
    job_title: str
    department: str
    manager: str
    track: str
    stage: str
    status: str
    opened_on: date
    stage_entered_on: date | None = None
    closed_on: date | None = None
    outcome: str = ""
    case_owner: str = ""
    employee_start_date: date | None = None


@dataclass(frozen=True)
class StageEntry:
    """One stage change with who decided and who approved it."""

    changed_on: date
    from_stage: str
    to_stage: str
    decided_by: str
    decided_role: str
    reason: str
    approvals: tuple[Participant, ...] = ()  # who approved or reviewed, with their role


@dataclass(frozen=True)
class DecisionEntry:
    decided_on: date
    decided_by: str
    role: str
    summary: str
    rationale: str = ""


@dataclass(frozen=True)
class ExceptionEntry:
    """A departure from the escalation policy (a skipped step, an extended deadline, …)."""

    recorded_on: date
    kind: str
    description: str
    approved_by: str = ""
    approver_role: str = ""
    status: str = ""


@dataclass(frozen=True)
class ConversationEntry:
    held_on: date
    kind: str
    summary: str
    attendees: tuple[str, ...] = ()
    expectations: str = ""
    constraints: str = ""
    root_causes: tuple[str, ...] = ()
    root_cause_notes: str = ""
    agreed_actions: tuple[str, ...] = ()


@dataclass(frozen=True)
class IndicatorEntry:
    observed_on: date
    category: str
    metric: str
    expected: float | None = None
    actual: float | None = None
    unit: str = ""
    source: str = ""
    note: str = ""


@dataclass(frozen=True)
class ObservationEntry:
    observed_on: date
    author: str
    author_role: str
    text: str


@dataclass(frozen=True)
class AuditEntry:
    """One audit event of the case, in words (an event never holds content)."""

    seq: int
    when: str
    officer: str
    detail: str


@dataclass(frozen=True)
class MicroGoalEntry:
    title: str
    due_on: date | None
    status: str
    note: str = ""


@dataclass(frozen=True)
class ProgressEntry:
    recorded_on: date
    note: str
    value: float | None = None
    milestone: bool = False


@dataclass(frozen=True)
class ObjectiveEntry:
    title: str
    category: str
    measure: str
    baseline: float | None
    target: float | None
    stretch_target: float | None = None
    unit: str = ""
    due_on: date | None = None
    micro_goals: tuple[MicroGoalEntry, ...] = ()
    progress: tuple[ProgressEntry, ...] = ()


@dataclass(frozen=True)
class ResourceEntry:
    kind: str
    description: str
    provider: str
    by_date: date | None = None


@dataclass(frozen=True)
class PlanSection:
    version: int
    starts_on: date | None
    ends_on: date | None
    manager: str
    hr_officer: str
    executive_sponsor: str = ""
    agreed_on: date | None = None
    employee_agreed: str = ""
    employee_comment: str = ""
    objectives: tuple[ObjectiveEntry, ...] = ()
    resources: tuple[ResourceEntry, ...] = ()


@dataclass(frozen=True)
class ReviewEntry:
    held_on: date
    kind: str
    outcome: str
    summary: str = ""
    reviewers: tuple[str, ...] = ()


@dataclass(frozen=True)
class PackData:
    """Everything one documentation pack shows; the unit the integrity code is computed over."""

    reference: str
    meeting_type: MeetingType
    meeting_date: date
    meeting_place: str
    participants: tuple[Participant, ...]
    case: CaseSummary
    stage_changes: tuple[StageEntry, ...] = ()
    decisions: tuple[DecisionEntry, ...] = ()
    exceptions: tuple[ExceptionEntry, ...] = ()
    conversations: tuple[ConversationEntry, ...] = ()
    indicators: tuple[IndicatorEntry, ...] = ()
    observations: tuple[ObservationEntry, ...] = ()
    plan: PlanSection | None = None
    reviews: tuple[ReviewEntry, ...] = ()
    agenda: tuple[str, ...] = ()
    # The case's audit trail when the officer asked for it as an appendix (None: not asked).
    audit: tuple[AuditEntry, ...] | None = None

    def to_json(self) -> str:
        """Canonical JSON (sorted keys, ISO dates): the bytes the digest is taken over."""
        return json.dumps(
            asdict(self),
            sort_keys=True,
            separators=(",", ":"),
            ensure_ascii=False,
            default=_json_default,
        )

    def digest(self) -> str:
        return hashlib.sha256(self.to_json().encode("utf-8")).hexdigest()

    def texts(self) -> Iterator[tuple[str, str]]:
        """Every text field with a readable path, for the printability check."""
        for path, text in self.text_paths():
            yield field_label(path), text

    def text_paths(self) -> Iterator[tuple[str, str]]:
        """Every text field with its path (``conversations[2].summary``); `field_label` reads
        a path as words, needed only for a field that cannot be printed."""
        yield from _walk(self, "")


def digest_of_json(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _json_default(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    raise TypeError(f"cannot serialise {type(value).__name__}")


_LABELS = {
    "case.employee_name": "Employee name",
    "case.manager": "Manager",
    "case.department": "Department",
    "case.job_title": "Job title",
    "meeting_place": "Meeting place",
}


def _walk(value: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, Enum):
        return
    if isinstance(value, str):
        yield path, value
    elif is_dataclass(value):
        for f in fields(value):
            yield from _walk(getattr(value, f.name), f"{path}.{f.name}" if path else f.name)
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _walk(item, f"{path}[{i + 1}]")


def field_label(path: str) -> str:
    """A field's path in words, as an unprintable-text message names it."""
    return _LABELS.get(path) or _human(path)


def _human(path: str) -> str:
    """``conversations[2].root_cause_notes`` -> ``conversation 2, root cause notes``."""
    words = []
    for part in path.split("."):
        name, _, index = part.partition("[")
        name = name.replace("_", " ")
        if index:
            singular = name[:-1] if name.endswith("s") else name
            words.append(f"{singular} {index.rstrip(']')}")
        else:
            words.append(name)
    text = ", ".join(words)
    return text[:1].upper() + text[1:]
