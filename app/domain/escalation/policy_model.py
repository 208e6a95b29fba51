"""What a loaded escalation policy holds: its stages, tracks, sign-offs, outcomes, triggers
and rights, and the fixed keys other parts of Casepath refer to.

Stage keys are fixed; their names, rights, records and deadlines are what a policy changes.
Read a policy with `app.domain.escalation.policy.load_policy`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from app.domain.business_days import HolidayCalendar
from app.domain.escalation.escalation_records import ExceptionKind
from app.domain.escalation.flags import FlagSettings
from app.domain.records import IndicatorCategory, Outcome, Role, Track
from app.domain.retention import RetentionRules

STAGE_KEYS = (
    "early_conversation",
    "coaching",
    "formal_concern",
    "improvement_plan",
    "formal_review",
    "outcome",
)

# What an officer may do on a case while it is in a stage (shown and checked by the GUI).
ACTIONS = (
    "conversation",
    "check_in",
    "indicator",
    "observation",
    "decision",
    "coaching_plan",
    "review",
    "exception",
    "documentation_pack",
    "attachment",
)

# Writes that are not tied to a stage, which the policy's `[rights]` table may also restrict.
CASE_WRITES = ("open_case", "edit_record", "plan_progress", "employee")
RIGHTS_KEYS = ACTIONS + CASE_WRITES
OFFICER_ROLES = (Role.HR_OFFICER, Role.HR_LEAD)  # the roles an officer of a vault may hold


@dataclass(frozen=True)
class StagePolicy:
    key: str
    name: str
    purpose: str
    initiate: tuple[Role, ...]  # who may move a case into this stage
    review: tuple[Role, ...]  # who must review that move
    approve: tuple[Role, ...]  # who must approve that move
    requires: tuple[str, ...]  # records required before a case may leave this stage
    deadline_business_days: Mapping[Track, int] = field(default_factory=dict, hash=False)
    check_in_business_days: Mapping[Track, int] = field(default_factory=dict, hash=False)
    actions: tuple[str, ...] = ()
    # Working days between formal reviews while in this stage (0 = reviews not scheduled here).
    review_cadence_business_days: Mapping[Track, int] = field(default_factory=dict, hash=False)

    def deadline_for(self, track: Track) -> int:
        return self.deadline_business_days[track]

    def check_in_for(self, track: Track) -> int:
        return self.check_in_business_days[track]

    def allows(self, action: str) -> bool:
        return action in self.actions


@dataclass(frozen=True)
class TrackPolicy:
    track: Track
    label: str
    start_stages: tuple[str, ...]
    observer_at_formal_meetings: bool
    extra_requires: tuple[str, ...] = ()  # added to every stage's requirements on this track


@dataclass(frozen=True)
class BackwardPolicy:
    """De-escalation (moving a case to an earlier stage): who may do it, who signs it off."""

    initiate: tuple[Role, ...]
    review: tuple[Role, ...] = ()
    approve: tuple[Role, ...] = ()
    requires: tuple[str, ...] = ()


@dataclass(frozen=True)
class OutcomeOption:
    outcome: Outcome
    label: str
    approve: tuple[Role, ...] = ()  # approvals needed to close the case with this outcome


@dataclass(frozen=True)
class Trigger:
    """``count`` indicators of ``categories`` within ``within_days`` recommend a next step."""

    name: str
    categories: tuple[IndicatorCategory, ...]
    count: int
    within_days: int
    recommend: str = "next"  # "next" or a stage key
    high_stakes: bool = False


@dataclass(frozen=True)
class Policy:
    name: str
    version: str
    stages: tuple[StagePolicy, ...]
    tracks: Mapping[Track, TrackPolicy] = field(hash=False)
    backward: BackwardPolicy
    outcomes: tuple[OutcomeOption, ...]
    triggers: tuple[Trigger, ...]
    exception_approvers: Mapping[ExceptionKind, tuple[Role, ...]] = field(hash=False)
    max_extension_business_days: int
    calendar: HolidayCalendar
    due_soon_business_days: int
    stalled_after_days: int
    observer_marker: str
    # Who may move a case to the other track, and whose approval the change needs.
    track_change_initiate: tuple[Role, ...] = (Role.HR_OFFICER, Role.HR_LEAD)
    track_change_approve: tuple[Role, ...] = (Role.HR_LEAD,)
    # How long closed cases are kept per outcome (app/domain/retention.py).
    retention: RetentionRules = field(default_factory=RetentionRules, hash=False)
    # Who may reopen a closed case (with a reason), and whose approval reopening needs.
    reopen_initiate: tuple[Role, ...] = (Role.HR_OFFICER, Role.HR_LEAD)
    reopen_approve: tuple[Role, ...] = (Role.HR_LEAD,)
    # Which officer roles may do each write (`[rights]`; absent = every officer role).
    rights: Mapping[str, tuple[Role, ...]] = field(default_factory=dict, hash=False)
    # `[rights] enforce_stage_actions`: refuse a record whose stage does not list its action.
    enforce_stage_actions: bool = True
    source_name: str = ""
    source_text: str = field(default="", repr=False)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.source_text.encode("utf-8")).hexdigest()

    @property
    def stage_keys(self) -> tuple[str, ...]:
        return tuple(s.key for s in self.stages)

    def stage(self, key: str) -> StagePolicy:
        for s in self.stages:
            if s.key == key:
                return s
        raise KeyError(f"'{key}' is not a stage of this policy ({', '.join(self.stage_keys)}).")

    def index(self, key: str) -> int:
        return self.stage_keys.index(key)

    def stage_name(self, key: str) -> str:
        return self.stage(key).name if key in self.stage_keys else key.replace("_", " ")

    def next_stage(self, key: str) -> str | None:
        i = self.index(key)
        return self.stage_keys[i + 1] if i + 1 < len(self.stages) else None

    def track(self, track: Track) -> TrackPolicy:
        return self.tracks[track]

    def requirements_to_leave(self, stage_key: str, track: Track) -> tuple[str, ...]:
        extra = self.tracks[track].extra_requires
        reqs = list(self.stage(stage_key).requires)
        reqs += [r for r in extra if r not in reqs]
        return tuple(reqs)

    def roles_for(self, action: str) -> tuple[Role, ...]:
        """The officer roles that may do ``action`` (every officer role unless restricted)."""
        return self.rights.get(action, OFFICER_ROLES)

    def outcome(self, outcome: Outcome) -> OutcomeOption | None:
        for o in self.outcomes:
            if o.outcome is outcome:
                return o
        return None

    @property
    def flag_settings(self) -> FlagSettings:
        return FlagSettings(self.calendar, self.due_soon_business_days, self.stalled_after_days)
