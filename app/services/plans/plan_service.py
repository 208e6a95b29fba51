"""Coaching plans: create, agree, revise (never silently after agreement), track progress.

Rules kept here:
- a case has at most one active plan; every earlier version stays readable;
- before the employee has been walked through a plan it may be edited in place (audited);
- after agreement, a change of content is a *revision*: the old version is superseded, the new
  one carries its reason and a new agreement date (not before the previous one);
- micro-goal status and progress updates are tracking, not changes of plan, so they never make
  a revision; a progress update marked as a milestone is a positive event on the timeline.
Each write is one transaction with its audit event.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from app.domain.clock import Clock
from app.domain.plans.plans import (
    CoachingPlan,
    MicroGoalStatus,
    PlanStatus,
    ProgressUpdate,
    content_equal,
    describe_revision,
)
from app.domain.records import CaseStatus, new_uid
from app.domain.validation import InvalidRecord, ValidationReport
from app.domain.words.formats import formats
from app.domain.words.phrases import counted
from app.domain.words.translation import N_, translate
from app.services.action_guard import ActionGuard
from app.services.cases.case_service import audit_change
from app.services.cases.timeline import TIMELINE_SOURCES, TimelineEvent
from app.vault.errors import IntegrityError, NotFound
from app.vault.repositories.plan_repository import DueMicroGoal, PlanRepository
from app.vault.vault import Vault, WriteScope

if TYPE_CHECKING:
    from app.services.services import Services

__all__ = ["DueMicroGoal", "PlanChangeRefused", "PlanRevision", "PlanService", "plan_events"]


class PlanChangeRefused(IntegrityError):
    """A plan change that the revision rules do not allow; the message says what to do."""


@dataclass(frozen=True)
class PlanRevision:
    """One entry of the revision history: a version and what changed from the one before."""

    plan: CoachingPlan
    changes: tuple[str, ...]

    @property
    def title(self) -> str:
        return self.title_in("en")

    def title_in(self, language: str | None) -> str:
        """ "Plan v1 (agreed 3 Dec 2026)" in ``language``, the day in its locale."""
        p = self.plan
        f = formats(language)
        day = f.date(p.agreed_on) if p.agreed_on else ""
        agreed = (
            translate(language, "agreed {date}").format(date=day)
            if p.employee_agreed
            else translate(language, "walked through {date}, not agreed").format(date=day)
            if p.agreed_on
            else translate(language, "not yet agreed")
        )
        kind = translate(language, "Plan") if p.version == 1 else translate(language, "Revision")
        return translate(language, "{kind} v{version} ({agreed})").format(
            kind=kind, version=p.version, agreed=agreed
        )


class PlanService:
    def __init__(self, vault: Vault, clock: Clock) -> None:
        self.vault = vault
        self.clock = clock
        self.repo = PlanRepository(vault.conn)
        self.guard: ActionGuard | None = None  # set by Services: the policy's rights

    # -- reading -------------------------------------------------------------------------
    def active(self, case_id: int) -> CoachingPlan | None:
        return self.repo.active(case_id)

    def get(self, plan_id: int) -> CoachingPlan:
        return self.repo.get(plan_id)

    def versions(self, case_id: int) -> list[CoachingPlan]:
        return self.repo.versions(case_id)

    def history(self, case_id: int) -> list[PlanRevision]:
        """Every version, oldest first, each with the plain-words changes that made it."""
        out: list[PlanRevision] = []
        previous: CoachingPlan | None = None
        for plan in self.repo.versions(case_id):
            changes = describe_revision(previous, plan) if previous else []
            out.append(PlanRevision(plan, tuple(changes)))
            previous = plan
        return out

    def progress(self, case_id: int) -> list[ProgressUpdate]:
        return self.repo.progress(case_id)

    def has_qualifying_plan(self, case_id: int) -> bool:
        return self.repo.has_qualifying(case_id)

    def due_micro_goals(self, until: date, case_id: int | None = None) -> list[DueMicroGoal]:
        return self.repo.due_micro_goals(until, case_id)

    # -- writing -------------------------------------------------------------------------
    def create(self, plan: CoachingPlan) -> CoachingPlan:
        """Store the first version of a case's plan (or a new plan after none is active)."""
        today = self.clock.today()
        self._check(plan, "coaching plan")
        with self.vault.write() as w:
            self._require_open(plan.case_id)
            if self.repo.active(plan.case_id) is not None:
                raise PlanChangeRefused(
                    "This case already has an active coaching plan; revise it instead."
                )
            number = len(self.repo.versions(plan.case_id)) + 1
            stored = self.repo.add(
                replace(
                    plan,
                    version=number,
                    status=PlanStatus.ACTIVE,
                    revision_of=None,
                    created_on=today,
                    id=None,
                )
            )
            w.audit("plan.create", "coaching_plan", stored.id, audit_change(stored))
            self.vault.cases.touch(plan.case_id, today)
        return stored

    def save(self, plan: CoachingPlan) -> CoachingPlan:
        """Edit the active version in place: allowed until the employee has been walked
        through it. After that, a change of content must go through `revise`."""
        self._check(plan, "coaching plan")
        with self.vault.write() as w:
            self._require_open(plan.case_id)
            current = self._current(plan)
            if current.is_agreed and not content_equal(current, plan):
                raise PlanChangeRefused(
                    f"Plan v{current.version} was agreed on {formats().date(current.agreed_on)}; "
                    "changing it makes a revision with a new agreement date."
                )
            if current.is_agreed and (plan.agreed_on, plan.employee_agreed) != (
                current.agreed_on,
                current.employee_agreed,
            ):
                raise PlanChangeRefused(
                    "The agreement of an agreed plan cannot be edited; "
                    "revise the plan to record a new agreement."
                )
            stored = self.repo.update(
                replace(
                    plan,
                    version=current.version,
                    status=current.status,
                    revision_of=current.revision_of,
                    created_on=current.created_on,
                    revision_reason=current.revision_reason,
                )
            )
            action = "plan.agree" if plan.is_agreed and not current.is_agreed else "plan.update"
            w.audit(action, "coaching_plan", stored.id, audit_change(stored))
            self.vault.cases.touch(plan.case_id, self.clock.today())
        return stored

    def record_agreement(
        self, plan_id: int, agreed_on: date, employee_agreed: bool, comment: str = ""
    ) -> CoachingPlan:
        """The employee was walked through the (not yet agreed) active version."""
        plan = self.repo.get(plan_id)
        if plan.is_agreed:
            raise PlanChangeRefused(
                f"Plan v{plan.version} already records its agreement "
                f"({formats().date(plan.agreed_on)}); revise it to agree again."
            )
        return self.save(
            replace(
                plan, agreed_on=agreed_on, employee_agreed=employee_agreed, employee_comment=comment
            )
        )

    def revise(
        self,
        plan: CoachingPlan,
        reason: str,
        agreed_on: date,
        employee_agreed: bool,
        comment: str = "",
    ) -> CoachingPlan:
        """Supersede the agreed active version with ``plan`` as the next version."""
        with self.vault.write() as w:
            self._require_open(plan.case_id)
            current, new = self.prepare_revision(plan, reason, agreed_on, employee_agreed, comment)
            return self.store_revision(w, current, new)

    def prepare_revision(
        self,
        plan: CoachingPlan,
        reason: str,
        agreed_on: date,
        employee_agreed: bool,
        comment: str = "",
    ) -> tuple[CoachingPlan, CoachingPlan]:
        """Check a revision and build the next version; nothing is written. Returns the
        current version and the new one (for `store_revision`, e.g. inside a review's write)."""
        today = self.clock.today()
        current = self._current(plan)
        if not current.is_agreed:
            raise PlanChangeRefused(
                f"Plan v{current.version} has not been agreed yet; "
                "edit it directly instead of revising it."
            )
        new = replace(
            plan,
            id=None,
            version=current.version + 1,
            status=PlanStatus.ACTIVE,
            revision_of=current.id,
            revision_reason=reason.strip(),
            agreed_on=agreed_on,
            employee_agreed=employee_agreed,
            employee_comment=comment,
            created_on=today,
            uid=new_uid(),
        )
        report = new.validate(today)
        if agreed_on is None:
            report.error(
                "agreed_on", "A revision needs the date the employee was walked through it."
            )
        elif agreed_on < current.agreed_on:
            report.error(
                "agreed_on",
                f"The new agreement date cannot be before the previous "
                f"one ({formats().date(current.agreed_on)}).",
            )
        if content_equal(current, new):
            report.error("objectives", "Nothing in the plan changed; there is nothing to revise.")
        if not report.ok:
            raise InvalidRecord(report, "plan revision")
        return current, new

    def store_revision(
        self, w: WriteScope, current: CoachingPlan, new: CoachingPlan
    ) -> CoachingPlan:
        """Write a prepared revision inside the caller's transaction."""
        self.repo.set_status(current.id, PlanStatus.SUPERSEDED)
        stored = self.repo.add(new)
        w.audit(
            "plan.revise",
            "coaching_plan",
            stored.id,
            {**audit_change(stored), "supersedes": current.id},
        )
        self.vault.cases.touch(new.case_id, self.clock.today())
        return stored

    def set_micro_goal(
        self, case_id: int, goal_uid: str, status: MicroGoalStatus, note: str = ""
    ) -> CoachingPlan:
        """Mark a micro-goal done, missed or open again (tracking, not a revision)."""
        return self.mark_micro_goals(case_id, [(goal_uid, status, note)])

    def mark_micro_goals(
        self, case_id: int, marks: Sequence[tuple[str, MicroGoalStatus, str]]
    ) -> CoachingPlan:
        """Mark several micro-goals at once (a check-in): one transaction, one event each;
        if any mark is refused (missed before its date …) none is stored."""
        today = self.clock.today()
        wanted = {uid: (status, note) for uid, status, note in marks}
        with self.vault.write() as w:
            self._require_open(case_id, "plan_progress")
            plan = self.repo.active(case_id)
            if plan is None:
                raise NotFound("This case has no active coaching plan.")
            found: set[str] = set()
            objectives = []
            for obj in plan.objectives:
                goals = []
                for g in obj.micro_goals:
                    if g.uid in wanted:
                        found.add(g.uid)
                        status, note = wanted[g.uid]
                        g = replace(g, status=status, note=note)
                        report = g.validate(today)
                        if not report.ok:
                            raise InvalidRecord(report, f"micro-goal '{g.title}'")
                    goals.append(g)
                objectives.append(replace(obj, micro_goals=tuple(goals)))
            if set(wanted) - found:
                raise NotFound("That micro-goal is not in the active plan.")
            stored = self.repo.update(replace(plan, objectives=tuple(objectives)))
            for uid, (status, note) in wanted.items():
                w.audit(
                    "plan.micro_goal",
                    "coaching_plan",
                    plan.id,
                    {"goal": uid, "status": status.value, "note": note},
                )
            self.vault.cases.touch(case_id, today)
        return stored

    def add_progress(self, update: ProgressUpdate) -> ProgressUpdate:
        today = self.clock.today()
        report = update.validate(today)
        plan = self.repo.active(update.case_id)
        if plan is None:
            report.error("objective_uid", "This case has no active coaching plan.")
        elif plan.objective(update.objective_uid) is None:
            report.error("objective_uid", "Choose an objective of the active plan.")
        if not report.ok:
            raise InvalidRecord(report, "progress update")
        with self.vault.write() as w:
            self._require_open(update.case_id, "plan_progress")
            stored = self.repo.add_progress(replace(update, plan_id=plan.id))
            action = "plan.milestone" if stored.milestone_achieved else "plan.progress"
            w.audit(action, "plan_progress", stored.id, audit_change(stored))
            self.vault.cases.touch(update.case_id, stored.recorded_on)
        return stored

    # -- helpers -------------------------------------------------------------------------
    def _check(self, plan: CoachingPlan, what: str) -> ValidationReport:
        report = plan.validate(self.clock.today())
        if not report.ok:
            raise InvalidRecord(report, what)
        return report

    def _current(self, plan: CoachingPlan) -> CoachingPlan:
        current = self.repo.active(plan.case_id)
        if current is None:
            raise NotFound("This case has no active coaching plan; create one first.")
        if plan.id is not None and plan.id != current.id:
            raise PlanChangeRefused(
                f"This is an earlier version of the plan (v{plan.version}); earlier versions "
                f"are kept as they were. Edit the current version v{current.version}."
            )
        return current

    def _require_open(self, case_id: int, action: str = "coaching_plan") -> None:
        case = self.vault.cases.get(case_id)
        if case.status is CaseStatus.CLOSED:
            raise IntegrityError(f"Case {case.reference} is closed; reopen it to change its plan.")
        if self.guard is not None:
            self.guard.require(action, case)


def plan_events(services: Services, case_id: int) -> Iterable[TimelineEvent]:
    """Timeline source: plan versions, agreements, progress, and milestones (good news)."""
    plans: PlanService = services.plans
    versions = plans.versions(case_id)
    for p in versions:
        if p.version == 1:
            yield TimelineEvent(
                p.created_on or p.starts_on,
                "plan",
                "Coaching plan",
                counted(
                    len(p.objectives),
                    "Coaching plan created ({n} objective)",
                    "Coaching plan created ({n} objectives)",
                ),
                "; ".join(o.title for o in p.objectives),
                p.manager,
                p,
                7,
            )
        else:
            yield TimelineEvent(
                p.created_on or p.starts_on,
                "plan_revision",
                "Plan revision",
                f"Plan revised to v{p.version}",
                p.revision_reason,
                p.manager,
                p,
                7,
                (N_("Plan revised to v{version}"), {"version": p.version}),
            )
        if p.agreed_on:
            verb = "agreed to" if p.employee_agreed else "did not agree to"
            yield TimelineEvent(
                p.agreed_on,
                "plan_agreement",
                "Plan agreement",
                f"Employee {verb} plan v{p.version}",
                p.employee_comment,
                "",
                p,
                7,
                (
                    N_("Employee agreed to plan v{version}")
                    if p.employee_agreed
                    else N_("Employee did not agree to plan v{version}"),
                    {"version": p.version},
                ),
            )
    titles = {o.uid: o.title for v in versions for o in v.objectives}
    for u in plans.progress(case_id):
        title = titles.get(u.objective_uid, "objective")
        if u.milestone_achieved:
            yield TimelineEvent(
                u.recorded_on,
                "milestone",
                "Milestone achieved",
                f"Milestone achieved: {title}",
                u.note,
                "",
                u,
                8,
                (N_("Milestone achieved: {title}"), {"title": title}),
            )
        else:
            yield TimelineEvent(
                u.recorded_on,
                "progress",
                "Progress",
                f"Progress: {title}",
                u.note,
                "",
                u,
                8,
                (N_("Progress: {title}"), {"title": title}),
            )


TIMELINE_SOURCES.append(plan_events)
