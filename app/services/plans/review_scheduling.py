"""Scheduling formal reviews: one or a series at the policy's cadence, moved or cancelled.

The cadence (see `cadence_business_days`) is counted in business days of the policy's
holiday calendar; dates that land on a weekend, a public holiday or an approved pause move
to the next working day. On a track whose policy wants a neutral observer at formal
meetings (high-stakes), a review without an invited observer or HR representative is
refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from app.domain.business_days import HolidayCalendar
from app.domain.clock import Clock
from app.domain.plans.reviews import Review, ReviewStatus, cadence_dates
from app.domain.records import Case, CaseStatus, Track, new_uid
from app.domain.validation import InvalidRecord
from app.domain.words.formats import formats
from app.services.action_guard import ActionGuard
from app.services.cases.case_service import audit_change
from app.services.plans.plan_service import PlanService
from app.vault.errors import IntegrityError, NotFound
from app.vault.repositories.review_repository import ReviewRepository
from app.vault.vault import Vault

MAX_SERIES = 52  # a year of weekly reviews: longer series are refused, never cut short

DEFAULT_CADENCE_BUSINESS_DAYS = 10  # two working weeks, when no policy is available


class ReviewScheduling:
    """The policy's cadence and observer rule, and scheduling (a part of `ReviewService`,
    which sets the attributes below)."""

    vault: Vault
    clock: Clock
    plans: PlanService
    repo: ReviewRepository
    _escalation: Callable[[], Any]
    guard: ActionGuard | None

    # -- policy --------------------------------------------------------------------------
    def _policy(self, case: Case) -> Any:
        escalation = self._escalation()
        if escalation is None:
            return None
        try:
            return escalation.policy_for(case)
        except (NotFound, LookupError):
            return None

    def observer_required(self, case_id: int) -> bool:
        """True when the case's track needs a neutral observer at formal meetings."""
        case = self.vault.cases.get(case_id)
        policy = self._policy(case)
        if policy is None:
            return case.track is Track.HIGH_STAKES
        return bool(policy.track(case.track).observer_at_formal_meetings)

    def cadence_business_days(self, case_id: int) -> int:
        """Working days between reviews for the case's stage and track.

        A policy may name it per stage (``review_cadence_business_days``); otherwise reviews
        are every two working weeks, the usual rhythm during an improvement plan."""
        case = self.vault.cases.get(case_id)
        policy = self._policy(case)
        if policy is None or case.stage not in policy.stage_keys:
            return DEFAULT_CADENCE_BUSINESS_DAYS
        days = policy.stage(case.stage).review_cadence_business_days.get(case.track, 0)
        return days if days > 0 else DEFAULT_CADENCE_BUSINESS_DAYS

    def is_business_day_for(self, case_id: int) -> Callable[[date], bool]:
        case = self.vault.cases.get(case_id)
        policy = self._policy(case)
        if policy is None:
            return HolidayCalendar().is_business_day  # the default policy's calendar
        pauses = self._pauses(case_id)
        return lambda d: policy.calendar.is_business_day(d, pauses)

    def _pauses(self, case_id: int) -> tuple:
        """Approved pauses of the case (leave of absence), when the policy engine has them."""
        pauses = getattr(self._escalation(), "pauses", None)
        return tuple(pauses(case_id)) if pauses is not None else ()

    def cadence_dates(
        self,
        case_id: int,
        first: date,
        until: date,
        every_business_days: int | None = None,
        limit: int = MAX_SERIES,
    ) -> list[date]:
        """The dates a series would use (for the dialog's preview), at most ``limit``."""
        every = every_business_days or self.cadence_business_days(case_id)
        return cadence_dates(first, until, every, self.is_business_day_for(case_id), limit=limit)

    # -- writing -------------------------------------------------------------------------
    def schedule(self, review: Review) -> Review:
        """Schedule one review (refused on the high-stakes track without an observer)."""
        case = self._open_case(review.case_id)
        self._validate(review, case)
        plan = self.plans.active(case.id)
        with self.vault.write() as w:
            stored = self.repo.add(
                replace(
                    review,
                    status=ReviewStatus.SCHEDULED,
                    sequence=0,
                    plan_id=plan.id if plan else None,
                    id=None,
                )
            )
            w.audit("review.schedule", "review", stored.id, _audit(stored))
        return stored

    def schedule_series(
        self, template: Review, until: date, every_business_days: int | None = None
    ) -> list[Review]:
        """Schedule reviews from the template's date to ``until`` at the policy's cadence,
        all in one transaction (all or nothing)."""
        case = self._open_case(template.case_id)
        self._validate(template, case)
        days = self.cadence_dates(
            case.id, template.on, until, every_business_days, limit=MAX_SERIES + 1
        )
        if len(days) > MAX_SERIES:
            raise IntegrityError(
                f"A series up to {formats().date(until)} would hold more than {MAX_SERIES} "
                f"reviews; choose an end date up to {formats().date(days[MAX_SERIES - 1])} and "
                "schedule more later. Nothing was scheduled."
            )
        if not days:
            raise IntegrityError(
                f"No review dates fall between {formats().date(template.on)} and "
                f"{formats().date(until)}."
            )
        plan = self.plans.active(case.id)
        out: list[Review] = []
        with self.vault.write() as w:
            for day in days:
                review = replace(
                    template,
                    starts_at=datetime.combine(day, template.starts_at.time()),
                    status=ReviewStatus.SCHEDULED,
                    sequence=0,
                    plan_id=plan.id if plan else None,
                    id=None,
                    uid=new_uid(),
                )
                stored = self.repo.add(review)
                w.audit("review.schedule", "review", stored.id, _audit(stored))
                out.append(stored)
        return out

    def reschedule(self, review: Review, reason: str = "") -> Review:
        """Move a scheduled review or change its place or people; calendars update it."""
        current = self.repo.get(review.id)
        if current.status is not ReviewStatus.SCHEDULED:
            raise IntegrityError(
                f"This review is {current.status.label.lower()}; only a "
                "scheduled review can be changed."
            )
        case = self._open_case(current.case_id)
        changed = replace(
            review,
            case_id=current.case_id,
            uid=current.uid,
            status=ReviewStatus.SCHEDULED,
            sequence=current.sequence + 1,
            plan_id=current.plan_id,
            note=reason or review.note,
        )
        self._validate(changed, case)
        with self.vault.write() as w:
            stored = self.repo.update(changed)
            w.audit("review.reschedule", "review", stored.id, _audit(stored))
        return stored

    def cancel(self, review_id: int, reason: str) -> Review:
        current = self.repo.get(review_id)
        self._open_case(current.case_id)
        if current.status is not ReviewStatus.SCHEDULED:
            raise IntegrityError(f"This review is already {current.status.label.lower()}.")
        self._open_case(current.case_id)
        cancelled = replace(
            current, status=ReviewStatus.CANCELLED, note=reason, sequence=current.sequence + 1
        )
        report = cancelled.validate()
        if not report.ok:
            raise InvalidRecord(report, "cancellation")
        with self.vault.write() as w:
            stored = self.repo.update(cancelled)
            w.audit("review.cancel", "review", stored.id, {"reason": reason})
        return stored

    # -- helpers -------------------------------------------------------------------------
    def _open_case(self, case_id: int) -> Case:
        case = self.vault.cases.get(case_id)
        if case.status is CaseStatus.CLOSED:
            raise IntegrityError(f"Case {case.reference} is closed; reopen it to plan reviews.")
        if self.guard is not None:
            self.guard.require("review", case)
        return case

    def _validate(self, review: Review, case: Case) -> None:
        report = review.validate(self.clock.today(), self.observer_required(case.id))
        if not report.ok:
            raise InvalidRecord(report, "review")


def _audit(review: Review) -> dict:
    """Scheduling facts for the digest; participants' names enter only as a digest anyway."""
    data = audit_change(review)
    data["participants"] = [(p.role.value, p.name) for p in review.participants]
    return data
