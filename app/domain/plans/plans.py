"""Coaching plans: objectives with stretch targets, micro-goals, resources, people, agreement.

A case has at most one *active* plan. Once the employee has been walked through a plan
(``agreed_on`` is set), changing it creates a new version that supersedes the old one and needs
its own agreement date, so every change after agreement is visible as a revision, never as a
silent edit. ``uid``s of objectives survive revisions, so progress updates keep pointing at
the same objective however often its target is refreshed.

The plan's enums live in `plan_kinds` and are importable from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from app.domain.plans.plan_kinds import (
    Direction,
    MicroGoalStatus,
    ObjectiveCategory,
    PlanStatus,
    ResourceKind,
)
from app.domain.records import new_uid
from app.domain.validation import ValidationReport, require_text
from app.domain.words.formats import formats
from app.domain.words.translation import translate

__all__ = [
    "CoachingPlan",
    "content_equal",
    "describe_revision",
    "Direction",
    "MicroGoal",
    "MicroGoalStatus",
    "Objective",
    "ObjectiveCategory",
    "PlanResource",
    "PlanStatus",
    "ProgressUpdate",
    "ResourceKind",
]


def _in_period(
    report: ValidationReport,
    name: str,
    value: date | None,
    label: str,
    starts_on: date | None,
    ends_on: date | None,
) -> None:
    if value is None or starts_on is None or ends_on is None:
        return
    if not starts_on <= value <= ends_on:
        report.error(
            name,
            f"{label} ({formats().date(value)}) is outside the plan period "
            f"{formats().date(starts_on)} – {formats().date(ends_on)}.",
        )


def _number(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:g}"


@dataclass(frozen=True)
class MicroGoal:
    """A small step with its own due date: the quick wins a plan is built around."""

    title: str
    due_on: date
    status: MicroGoalStatus = MicroGoalStatus.OPEN
    note: str = ""
    uid: str = field(default_factory=new_uid)

    def validate(self, today: date | None = None) -> ValidationReport:
        r = ValidationReport()
        require_text(r, "title", self.title, "Micro-goal")
        if self.due_on is None:
            r.error("due_on", "A micro-goal needs a due date.")
        elif self.status is MicroGoalStatus.MISSED and today is not None and self.due_on > today:
            r.error(
                "status",
                f"A micro-goal due on {formats().date(self.due_on)} cannot be missed "
                "yet; leave it open.",
            )
        if self.status is MicroGoalStatus.MISSED and not self.note.strip():
            r.warning("note", "Say briefly why the micro-goal was missed.")
        return r


@dataclass(frozen=True)
class Objective:
    """A measurable objective: from ``baseline`` to ``target`` (and a stretch) by ``due_on``."""

    title: str
    measure: str
    baseline: float | None
    target: float | None
    due_on: date | None
    stretch_target: float | None = None
    direction: Direction = Direction.HIGHER_IS_BETTER
    category: ObjectiveCategory = ObjectiveCategory.OUTPUT
    unit: str = ""
    micro_goals: tuple[MicroGoal, ...] = ()
    uid: str = field(default_factory=new_uid)

    def validate(
        self, today: date | None = None, starts_on: date | None = None, ends_on: date | None = None
    ) -> ValidationReport:
        r = ValidationReport()
        require_text(r, "title", self.title, "Objective")
        require_text(r, "measure", self.measure, "Measure")
        if self.baseline is None:
            r.error("baseline", "Give the baseline: where the measure stands today.")
        if self.target is None:
            r.error("target", "Give the target the plan aims for.")
        if (
            self.baseline is not None
            and self.target is not None
            and not self.direction.beyond(self.target, self.baseline)
        ):
            other = (
                Direction.LOWER_IS_BETTER
                if self.direction is Direction.HIGHER_IS_BETTER
                else Direction.HIGHER_IS_BETTER
            )
            r.error(
                "target",
                f"The target ({_number(self.target)}) must be {self.direction.word} "
                f"the baseline ({_number(self.baseline)}) when "
                f"{self.direction.label.lower()}; if this measure improves the "
                f"other way, choose '{other.label.lower()}'.",
            )
        if (
            self.stretch_target is not None
            and self.target is not None
            and not (self.direction.beyond(self.stretch_target, self.target))
        ):
            r.error(
                "stretch_target",
                f"The stretch target ({_number(self.stretch_target)}) must "
                f"go beyond the target ({_number(self.target)}), "
                f"{self.direction.word} it.",
            )
        if self.due_on is None:
            r.error("due_on", "Give the date by which the objective should be met.")
        _in_period(r, "due_on", self.due_on, "The objective's date", starts_on, ends_on)
        if not self.micro_goals:
            r.warning("micro_goals", "Break the objective into micro-goals for early wins.")
        seen: set[str] = set()
        for i, goal in enumerate(self.micro_goals):
            sub = goal.validate(today)
            _in_period(sub, "due_on", goal.due_on, "The micro-goal's date", starts_on, ends_on)
            if goal.due_on and self.due_on and goal.due_on > self.due_on:
                sub.warning("due_on", "The micro-goal is due after its objective.")
            if goal.uid in seen:
                sub.error("uid", "The same micro-goal appears twice.")
            seen.add(goal.uid)
            r.extend(sub, f"micro_goals[{i}]")
        return r

    @property
    def summary(self) -> str:
        """``Tickets closed per week: 28 → 40 (stretch 45) by 1 May 2026``."""
        return self.summary_in("en")

    def summary_in(self, language: str) -> str:
        """`summary` in a document language, its figures and date in that locale."""
        f = formats(language)
        unit = f" {self.unit}" if self.unit else ""
        stretch = (
            " "
            + translate(language, "(stretch {target})").format(target=f.number(self.stretch_target))
            if self.stretch_target is not None
            else ""
        )
        due = (
            " " + translate(language, "by {date}").format(date=f.date(self.due_on))
            if self.due_on
            else ""
        )
        figures = f"{f.number(self.baseline)} → {f.number(self.target)}{unit}"
        return f"{self.measure}: {figures}{stretch}{due}"


@dataclass(frozen=True)
class PlanResource:
    """Support committed to the employee: who provides it and by when."""

    kind: ResourceKind
    description: str
    provider: str
    by_date: date | None = None
    uid: str = field(default_factory=new_uid)

    def validate(
        self, starts_on: date | None = None, ends_on: date | None = None
    ) -> ValidationReport:
        r = ValidationReport()
        require_text(r, "provider", self.provider, "Who provides it")
        if self.by_date is None:
            r.error("by_date", "Say by when the resource is provided.")
        _in_period(r, "by_date", self.by_date, "The resource's date", starts_on, ends_on)
        return r


@dataclass(frozen=True)
class CoachingPlan:
    """One version of a case's coaching plan. Versions start at 1; only one is active."""

    case_id: int
    starts_on: date | None
    ends_on: date | None
    manager: str
    hr_officer: str
    executive_sponsor: str = ""
    objectives: tuple[Objective, ...] = ()
    resources: tuple[PlanResource, ...] = ()
    agreed_on: date | None = None
    employee_agreed: bool | None = None
    employee_comment: str = ""
    version: int = 1
    status: PlanStatus = PlanStatus.ACTIVE
    revision_of: int | None = None
    revision_reason: str = ""
    created_on: date | None = None
    uid: str = field(default_factory=new_uid)
    id: int | None = None

    @property
    def is_agreed(self) -> bool:
        """The employee has been walked through this version (whether or not they agreed)."""
        return self.agreed_on is not None

    @property
    def qualifies(self) -> bool:
        """What the policy calls a coaching plan: at least one objective with a date."""
        return any(o.due_on is not None for o in self.objectives) and self.ends_on is not None

    def objective(self, uid: str) -> Objective | None:
        return next((o for o in self.objectives if o.uid == uid), None)

    def validate(self, today: date | None = None) -> ValidationReport:
        r = ValidationReport()
        if self.starts_on is None:
            r.error("starts_on", "Give the date the plan starts.")
        if self.ends_on is None:
            r.error("ends_on", "Give the date the plan ends.")
        if self.starts_on and self.ends_on and self.ends_on <= self.starts_on:
            r.error("ends_on", "The plan must end after it starts.")
        require_text(r, "manager", self.manager, "The manager who runs the plan")
        require_text(r, "hr_officer", self.hr_officer, "The HR officer")
        if not self.executive_sponsor.strip():
            r.warning("executive_sponsor", "Name an executive sponsor for the plan.")
        if not self.objectives:
            r.error("objectives", "A plan needs at least one objective.")
        seen: set[str] = set()
        for i, obj in enumerate(self.objectives):
            sub = obj.validate(today, self.starts_on, self.ends_on)
            if obj.uid in seen:
                sub.error("uid", "The same objective appears twice.")
            seen.add(obj.uid)
            r.extend(sub, f"objectives[{i}]")
        if not self.resources:
            r.warning("resources", "Commit at least one resource (coaching, training, …).")
        for i, res in enumerate(self.resources):
            r.extend(res.validate(self.starts_on, self.ends_on), f"resources[{i}]")
        if self.agreed_on is not None:
            if today is not None and self.agreed_on > today:
                r.error("agreed_on", "The agreement date cannot be in the future.")
            if self.employee_agreed is None:
                r.error("employee_agreed", "Record whether the employee agreed to the plan.")
            elif not self.employee_agreed and not self.employee_comment.strip():
                r.error("employee_comment", "The employee did not agree: record their comment.")
        elif self.employee_agreed is not None:
            r.error("agreed_on", "Give the date the employee was walked through the plan.")
        if self.version > 1 and not self.revision_reason.strip():
            r.error("revision_reason", "Say why the plan is being revised.")
        return r


@dataclass(frozen=True)
class ProgressUpdate:
    """A dated entry against one objective; a milestone achieved is a positive timeline event."""

    case_id: int
    objective_uid: str
    recorded_on: date
    note: str
    value: float | None = None
    milestone_achieved: bool = False
    plan_id: int | None = None
    uid: str = field(default_factory=new_uid)
    id: int | None = None

    def validate(self, today: date | None = None) -> ValidationReport:
        r = ValidationReport()
        if not self.objective_uid:
            r.error("objective_uid", "Choose the objective this progress is about.")
        if self.recorded_on is None:
            r.error("recorded_on", "Give the date of the progress.")
        elif today is not None and self.recorded_on > today:
            r.error("recorded_on", "Progress cannot be recorded for a future date.")
        require_text(r, "note", self.note, "What happened")
        return r


def describe_revision(old: CoachingPlan, new: CoachingPlan) -> list[str]:
    """What changed between two versions, in plain words, for the revision history."""
    out: list[str] = []

    def changed(label: str, a: object, b: object) -> None:
        if a != b:
            out.append(f"{label}: {_show(a)} → {_show(b)}")

    changed("Start", old.starts_on, new.starts_on)
    changed("End", old.ends_on, new.ends_on)
    changed("Manager", old.manager, new.manager)
    changed("HR officer", old.hr_officer, new.hr_officer)
    changed("Executive sponsor", old.executive_sponsor, new.executive_sponsor)
    before = {o.uid: o for o in old.objectives}
    after = {o.uid: o for o in new.objectives}
    for uid, obj in after.items():
        prev = before.get(uid)
        if prev is None:
            out.append(f"Added objective '{obj.title}'")
            continue
        name = f"'{obj.title}'"
        changed(f"Objective {name} title", prev.title, obj.title)
        changed(f"Objective {name} measure", prev.measure, obj.measure)
        changed(f"Objective {name} baseline", prev.baseline, obj.baseline)
        changed(f"Objective {name} target", prev.target, obj.target)
        changed(f"Objective {name} stretch target", prev.stretch_target, obj.stretch_target)
        changed(f"Objective {name} date", prev.due_on, obj.due_on)
        goals_before = {g.uid: g for g in prev.micro_goals}
        goals_after = {g.uid: g for g in obj.micro_goals}
        for g in obj.micro_goals:
            if g.uid not in goals_before:
                out.append(f"Objective {name}: added micro-goal '{g.title}'")
            elif goals_before[g.uid].due_on != g.due_on:
                out.append(
                    f"Objective {name}: micro-goal '{g.title}' due "
                    f"{_show(goals_before[g.uid].due_on)} → {_show(g.due_on)}"
                )
        for g in prev.micro_goals:
            if g.uid not in goals_after:
                out.append(f"Objective {name}: removed micro-goal '{g.title}'")
    for uid, obj in before.items():
        if uid not in after:
            out.append(f"Removed objective '{obj.title}'")
    res_before = {r.uid: r for r in old.resources}
    res_after = {r.uid: r for r in new.resources}
    for uid, res in res_after.items():
        if uid not in res_before:
            out.append(f"Added resource: {res.kind.label} by {res.provider}")
        elif res_before[uid] != res:
            out.append(f"Changed resource: {res.kind.label} by {res.provider}")
    for uid, res in res_before.items():
        if uid not in res_after:
            out.append(f"Removed resource: {res.kind.label} by {res.provider}")
    return out


def _show(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return _number(value)
    return str(value)


def content_equal(a: CoachingPlan, b: CoachingPlan) -> bool:
    """Same plan content, ignoring bookkeeping (version, status, agreement, ids) and the
    progress of micro-goals (status and note), which is tracking rather than a change of plan."""

    def content(p: CoachingPlan) -> tuple:
        objectives = tuple(
            replace(o, micro_goals=tuple((g.uid, g.title, g.due_on) for g in o.micro_goals))
            for o in p.objectives
        )
        return (
            p.starts_on,
            p.ends_on,
            p.manager,
            p.hr_officer,
            p.executive_sponsor,
            objectives,
            p.resources,
        )

    return content(a) == content(b)
