"""What each record of the interchange format (docs/FORMAT.md) holds, field by field.

`SECTIONS` are the record lists a case carried from the first release (read and written by
`interchange`); the `RecordSpec` constants are the records added since (approvals, exceptions,
coaching plans, reviews; `interchange_records`), also used by the CLI verbs that read a record
from JSON.
"""

from __future__ import annotations

from typing import Any

from app.domain.escalation.escalation_records import (
    Approval,
    ApprovalKind,
    ApprovalStatus,
    CaseException,
    ExceptionKind,
    ExceptionStatus,
)
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
from app.services.interchange.interchange_values import (
    BOOL,
    DATE,
    DATETIME,
    INT,
    NUM,
    NUMBER,
    OPT_BOOL,
    OPT_STR,
    STR,
    STRS,
    RecordSpec,
)

FORMAT_NAME = "casepath-interchange"
FORMAT_VERSION = 2  # 2 added `history` and `templates` (docs/FORMAT.md, "Versions")
READS = (1, 2)  # the versions an import accepts

# Per record list on a case: JSON key, record type, and how each field is parsed.

SECTIONS: dict[str, tuple[type, dict[str, Any]]] = {
    "conversations": (
        Conversation,
        {
            "uid": STR,
            "held_on": DATE,
            "kind": ConversationKind,
            "summary": STR,
            "attendees": STRS,
            "constraints": STR,
            "expectations": STR,
            "root_causes": (RootCause,),
            "root_cause_notes": STR,
            "agreed_actions": STRS,
        },
    ),
    "indicators": (
        Indicator,
        {
            "uid": STR,
            "category": IndicatorCategory,
            "metric": STR,
            "observed_on": DATE,
            "expected": NUM,
            "actual": NUM,
            "unit": STR,
            "source": STR,
            "note": STR,
        },
    ),
    "observations": (
        Observation,
        {"uid": STR, "observed_on": DATE, "author": STR, "author_role": STR, "text": STR},
    ),
    "decisions": (
        Decision,
        {
            "uid": STR,
            "decided_on": DATE,
            "decided_by": STR,
            "role": Role,
            "summary": STR,
            "rationale": STR,
        },
    ),
    "stage_changes": (
        StageChange,
        {
            "uid": STR,
            "from_stage": OPT_STR,
            "to_stage": STR,
            "changed_at": DATETIME,
            "actor": STR,
            "role": Role,
            "reason": STR,
            "approvals": STRS,
        },
    ),
}
REQUIRED = {
    "uid",
    "held_on",
    "kind",
    "summary",
    "category",
    "metric",
    "observed_on",
    "author",
    "text",
    "decided_on",
    "decided_by",
    "role",
    "to_stage",
    "changed_at",
    "actor",
    "reason",
}


EMPLOYEE_FIELDS = (
    "employee_number",
    "name",
    "job_title",
    "department",
    "manager",
    "start_date",
    "email",
)

PARTICIPANT = RecordSpec(
    Participant, {"role": ParticipantRole, "name": STR}, frozenset({"role", "name"})
)
MICRO_GOAL = RecordSpec(
    MicroGoal,
    {"uid": STR, "title": STR, "due_on": DATE, "status": MicroGoalStatus, "note": STR},
)
OBJECTIVE = RecordSpec(
    Objective,
    {
        "uid": STR,
        "title": STR,
        "measure": STR,
        "unit": STR,
        "baseline": NUMBER,
        "target": NUMBER,
        "stretch_target": NUMBER,
        "due_on": DATE,
        "direction": Direction,
        "category": ObjectiveCategory,
        "micro_goals": MICRO_GOAL,
    },
)
RESOURCE = RecordSpec(
    PlanResource,
    {
        "uid": STR,
        "kind": ResourceKind,
        "description": STR,
        "provider": STR,
        "by_date": DATE,
    },
    frozenset({"uid", "kind"}),
)
PLAN = RecordSpec(
    CoachingPlan,
    {
        "uid": STR,
        "version": INT,
        "status": PlanStatus,
        "starts_on": DATE,
        "ends_on": DATE,
        "manager": STR,
        "hr_officer": STR,
        "executive_sponsor": STR,
        "objectives": OBJECTIVE,
        "resources": RESOURCE,
        "agreed_on": DATE,
        "employee_agreed": OPT_BOOL,
        "employee_comment": STR,
        "revision_of": OPT_STR,  # the uid of the version this one revised
        "revision_reason": STR,
        "created_on": DATE,
    },
    links=("revision_of",),
    extra=("progress",),
)
PROGRESS = RecordSpec(
    ProgressUpdate,
    {
        "uid": STR,
        "objective_uid": STR,
        "recorded_on": DATE,
        "value": NUM,
        "note": STR,
        "milestone_achieved": BOOL,
    },
)
ASSESSMENT = RecordSpec(
    ObjectiveAssessment,
    {"objective_uid": STR, "assessment": Assessment, "comment": STR},
    frozenset({"objective_uid", "assessment"}),
)
TARGET = RecordSpec(
    RefreshedTarget,
    {"objective_uid": STR, "target": NUMBER, "stretch_target": NUMBER, "due_on": DATE},
    frozenset({"objective_uid", "target"}),
)
OUTCOME = RecordSpec(
    ReviewOutcome,
    {
        "uid": STR,
        "held_on": DATE,
        "attended": PARTICIPANT,
        "assessments": ASSESSMENT,
        "decision": ReviewDecision,
        "summary": STR,
        "plan_working": BOOL,
        "resources_right": BOOL,
        "timelines_right": BOOL,
        "role_alignment": STR,
        "workload": STR,
        "refreshed_targets": TARGET,
        "next_review_on": DATE,
    },
    frozenset({"uid", "decision"}),
)
REVIEW = RecordSpec(
    Review,
    {
        "uid": STR,
        "plan_uid": OPT_STR,
        "starts_at": DATETIME,  # local wall-clock time, without an offset
        "timezone": STR,
        "duration_minutes": INT,
        "location": STR,
        "call_link": STR,
        "participants": PARTICIPANT,
        "status": ReviewStatus,
        "sequence": INT,
        "note": STR,
    },
    links=("plan_uid",),
    extra=("outcome",),
)
APPROVAL = RecordSpec(
    Approval,
    {
        "uid": STR,
        "from_stage": STR,
        "to_stage": STR,
        "role": Role,
        "kind": ApprovalKind,
        "status": ApprovalStatus,
        "requested_at": DATETIME,
        "person": STR,
        "requested_by": STR,
        "note": STR,
        "decided_at": DATETIME,
        "stage_change_uid": OPT_STR,
    },
    frozenset({"uid", "from_stage", "role", "kind", "status", "requested_at"}),
    links=("stage_change_uid",),
)
EXCEPTION = RecordSpec(
    CaseException,
    {
        "uid": STR,
        "kind": ExceptionKind,
        "reason": STR,
        "requested_by": STR,
        "requested_on": DATE,
        "stage": STR,
        "approver": STR,
        "approver_role": Role,
        "status": ExceptionStatus,
        "starts_on": DATE,
        "ends_on": DATE,
        "extra_business_days": INT,
        "skip_stage": STR,
        "decided_on": DATE,
    },
    frozenset({"uid", "kind", "requested_on", "stage", "status"}),
)
# The record lists a case gained after the first release of version 1 (optional keys).
LATER_SECTIONS = ("approvals", "exceptions", "plans", "reviews")
# What an import counts as added, in the order it writes them.
LATER_KINDS = (
    "approvals",
    "exceptions",
    "plans",
    "progress_updates",
    "reviews",
    "review_outcomes",
)
