"""A record's history in words: field names, stored values, and what changed between versions.

The history of a record is kept as stored rows (`app/vault/audit/record_versions.py`); an officer,
an
auditor or a tribunal reads "Summary: changed from “…” to “…”", never a column name or a key.
Everything here is Qt-free so the window, the CLI and any report say the same thing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from app.domain.escalation.escalation_records import (
    ApprovalKind,
    ApprovalStatus,
    ExceptionKind,
    ExceptionStatus,
)
from app.domain.plans.plans import PlanStatus
from app.domain.plans.reviews import ReviewDecision, ReviewStatus
from app.domain.records import (
    CaseStatus,
    ConversationKind,
    IndicatorCategory,
    Outcome,
    Role,
    RootCause,
    Track,
)
from app.domain.words.formats import formats
from app.domain.words.labels import key_words, stage_label
from app.domain.words.wording import plural, zone_label

# table -> (what one record is called, {column: label}); columns not listed are not shown.
FIELDS: dict[str, tuple[str, dict[str, str]]] = {
    "cases": (
        "Case",
        {
            "reference": "Reference",
            "employee_id": "Employee",
            "owner_id": "Officer in charge",
            "track": "Track",
            "stage": "Stage",
            "status": "Status",
            "opened_on": "Opened on",
            "closed_on": "Closed on",
            "outcome": "Outcome",
            "stage_entered_on": "In this stage since",
        },
    ),
    "conversations": (
        "Conversation",
        {
            "held_on": "Held on",
            "kind": "Kind",
            "summary": "Summary",
            "attendees": "Attendees",
            "constraints_text": "Constraints",
            "expectations": "Expectations",
            "root_causes": "Root causes",
            "root_cause_notes": "Notes on root causes",
            "agreed_actions": "Agreed actions",
        },
    ),
    "indicators": (
        "Indicator",
        {
            "category": "Category",
            "metric": "Measure",
            "observed_on": "Observed on",
            "expected": "Expected",
            "actual": "Actual",
            "unit": "Unit",
            "source": "Source",
            "note": "Note",
        },
    ),
    "observations": (
        "Observation",
        {
            "observed_on": "Observed on",
            "author": "Written by",
            "author_role": "Their role",
            "body": "Observation",
        },
    ),
    "decisions": (
        "Decision",
        {
            "decided_on": "Decided on",
            "decided_by": "Decided by",
            "role": "Role",
            "summary": "Decision",
            "rationale": "Rationale",
        },
    ),
    "stage_changes": (
        "Stage change",
        {
            "from_stage": "From",
            "to_stage": "To",
            "changed_at": "When",
            "actor": "Moved by",
            "role": "Role",
            "reason": "Reason",
            "approvals": "Approvals",
        },
    ),
    "approvals": (
        "Approval",
        {
            "from_stage": "From",
            "to_stage": "To",
            "role": "Role",
            "kind": "Kind",
            "status": "Status",
            "requested_at": "Requested",
            "requested_by": "Requested by",
            "person": "Signed by",
            "note": "Note",
            "decided_at": "Decided",
        },
    ),
    "case_exceptions": (
        "Exception",
        {
            "kind": "Kind",
            "reason": "Reason",
            "requested_by": "Requested by",
            "requested_on": "Requested on",
            "stage": "Stage",
            "approver": "Approver",
            "approver_role": "Approver's role",
            "status": "Status",
            "starts_on": "From",
            "ends_on": "Until",
            "extra_business_days": "Extra business days",
            "skip_stage": "Stage skipped",
            "decided_on": "Decided on",
        },
    ),
    "coaching_plans": (
        "Coaching plan",
        {
            "version": "Version",
            "status": "Status",
            "starts_on": "Starts on",
            "ends_on": "Ends on",
            "manager": "Manager",
            "hr_officer": "HR officer",
            "executive_sponsor": "Executive sponsor",
            "objectives": "Objectives",
            "resources": "Resources",
            "agreed_on": "Agreed on",
            "employee_agreed": "Employee agreed",
            "employee_comment": "Employee's comment",
            "revision_reason": "Reason for the revision",
        },
    ),
    "plan_progress": (
        "Progress update",
        {
            "recorded_on": "Recorded on",
            "value": "Value",
            "note": "Note",
            "milestone_achieved": "Milestone achieved",
        },
    ),
    "reviews": (
        "Review",
        {
            "starts_at": "Starts",
            "timezone": "Time zone",
            "duration_minutes": "Minutes",
            "location": "Place",
            "call_link": "Call link",
            "participants": "Participants",
            "status": "Status",
            "note": "Note",
        },
    ),
    "review_outcomes": (
        "Review outcome",
        {
            "held_on": "Held on",
            "attended": "Attended",
            "assessments": "Assessments",
            "decision": "Decision",
            "summary": "Summary",
            "plan_working": "Plan working",
            "resources_right": "Resources right",
            "timelines_right": "Timelines right",
            "role_alignment": "Role alignment",
            "workload": "Workload",
            "refreshed_targets": "Refreshed targets",
            "next_review_on": "Next review on",
        },
    ),
}

_ENUMS: dict[str, type] = {
    "track": Track,
    "outcome": Outcome,
    "category": IndicatorCategory,
    "role": Role,
    "author_role": Role,
    "approver_role": Role,
    "root_causes": RootCause,
    "decision": ReviewDecision,
}
_BY_TABLE: dict[tuple[str, str], type] = {
    ("cases", "status"): CaseStatus,
    ("conversations", "kind"): ConversationKind,
    ("approvals", "kind"): ApprovalKind,
    ("approvals", "status"): ApprovalStatus,
    ("case_exceptions", "kind"): ExceptionKind,
    ("case_exceptions", "status"): ExceptionStatus,
    ("coaching_plans", "status"): PlanStatus,
    ("reviews", "status"): ReviewStatus,
}
_STAGES = {"stage", "from_stage", "to_stage", "skip_stage"}
_YES_NO = {"employee_agreed", "plan_working", "resources_right", "timelines_right"}
_YES_NO |= {"milestone_achieved"}
_ITEM_KEYS = ("title", "description", "name", "objective", "text", "target")
NOTHING = "nothing"


def kind_of(table: str) -> str:
    return FIELDS.get(table, (key_words(table), {}))[0]


def field_label(table: str, column: str) -> str:
    return FIELDS.get(table, ("", {}))[1].get(column, key_words(column))


def shown_columns(table: str) -> list[str]:
    return list(FIELDS.get(table, ("", {}))[1])


def _enum_word(enum: type, value: str) -> str:
    try:
        return enum(value).label
    except ValueError:
        return key_words(value)


def _item(item: object) -> str:
    if isinstance(item, Mapping):
        for key in _ITEM_KEYS:
            if isinstance(item.get(key), str) and item[key].strip():
                return item[key].strip()
        return ""
    return str(item)


def value_words(
    table: str,
    column: str,
    value: object,
    stage_names: Mapping[str, str] | None = None,
    names: Mapping[tuple[str, object], str] | None = None,
) -> str:
    """A stored value as a person reads it ("Formal concern", "yes", "Sam, Kim", "nothing").

    ``names`` maps (column, stored id) to a name the caller looked up (employee, officer)."""
    if value is None or value == "":
        return NOTHING
    if names and (column, value) in names:
        return names[(column, value)]
    if column in _YES_NO:
        return "yes" if value in (1, "1", True) else "no"
    if column == "timezone" and isinstance(value, str):
        return zone_label(value)
    if isinstance(value, str) and value[:1] in "[{":
        try:
            data = json.loads(value)
        except ValueError:
            data = None
        if isinstance(data, list):
            if not data:
                return NOTHING
            enum = _ENUMS.get(column)
            words = [_enum_word(enum, x) if enum and isinstance(x, str) else _item(x) for x in data]
            words = [w for w in words if w]
            return ", ".join(words) if words else plural(len(data), "entry")
    if isinstance(value, str):
        enum = _BY_TABLE.get((table, column)) or _ENUMS.get(column)
        if enum is not None:
            return _enum_word(enum, value)
        if column in _STAGES:
            if value.startswith("closed:"):
                return "Closed as " + _enum_word(Outcome, value.split(":", 1)[1]).lower()
            return "Closed" if value == "closed" else stage_label(value, stage_names)
        return _when(value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _when(text: str) -> str:
    """ISO stamps read as dates and local times in the one style ("3 Dec 2026, 15:34")."""
    if len(text) >= 16 and text[4:5] == "-" and text[10:11] == "T":
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return text
        if moment.tzinfo is not None:
            moment = moment.astimezone()
        return formats(None).datetime(moment)
    if len(text) == 10 and text[4:5] == "-":
        try:
            return formats(None).date(date.fromisoformat(text))
        except ValueError:
            return text
    return text


@dataclass(frozen=True)
class FieldChange:
    column: str
    label: str
    before: str
    after: str

    def sentence(self) -> str:
        if self.before == NOTHING:
            return f"{self.label}: set to “{self.after}”"
        if self.after == NOTHING:
            return f"{self.label}: “{self.before}” removed"
        return f"{self.label}: changed from “{self.before}” to “{self.after}”"


def changes_between(
    table: str,
    before: Mapping[str, object],
    after: Mapping[str, object],
    words: Callable[[str, object], str],
) -> list[FieldChange]:
    """The shown fields whose value differs, in the order the record shows them."""
    out = []
    for column in shown_columns(table):
        a, b = before.get(column), after.get(column)
        if a != b:
            out.append(
                FieldChange(column, field_label(table, column), words(column, a), words(column, b))
            )
    return [c for c in out if c.before != c.after]


_ACTIONS = {
    "add": "Recorded",
    "open": "Opened",
    "create": "Created",
    "update": "Edited",
    "save": "Edited",
    "agree": "Agreement recorded",
    "revise": "Revised",
    "reopen": "Reopened",
    "stage_change": "Stage changed",
    "track_change": "Track changed",
    "reschedule": "Rescheduled",
    "cancel": "Cancelled",
    "micro_goal": "Micro-goal marked",
    "grant": "Granted",
    "decline": "Declined",
    "request": "Requested",
    "approve": "Approved",
    "baseline": "Recorded before history was kept",
    "write": "Changed",
    "delete": "Removed",
    "remove": "Removed",
    "outcome": "Outcome recorded",
    "schedule": "Scheduled",
    "import": "Imported",
}


def action_words(action: str) -> str:
    """``conversation.update`` → "Edited"; an unknown action reads as "Changed"."""
    verb = action.rsplit(".", 1)[-1]
    return _ACTIONS.get(verb, "Changed")
