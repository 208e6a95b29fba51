"""Formal reviews: schedule one or a series at the policy's cadence, record the outcome.

- The cadence (see `cadence_business_days`) is counted in business days of the policy's
  holiday calendar; dates that land on a weekend, a public holiday or an approved pause move
  to the next working day.
- On a track whose policy wants a neutral observer at formal meetings (high-stakes), a review
  without an invited observer or HR representative is refused.
- Recording an outcome marks the review held, applies refreshed targets to the plan as a
  revision agreed at the review, and schedules the next review when the decision continues
  the plan and none is scheduled yet. A held review with an outcome is the policy's
  ``review_held`` fact, which unlocks the next stage move.
Every write is one transaction with its audit event.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.documents.calendar.calendar_export import ReviewEvent, to_ics
from app.documents.calendar.calendar_reminders import check_alarm_minutes
from app.domain.business_days import HolidayCalendar
from app.domain.clock import Clock
from app.domain.plans.plans import CoachingPlan
from app.domain.plans.reviews import (
    Agenda,
    Review,
    ReviewOutcome,
    ReviewStatus,
    build_agenda,
    cadence_dates,
    roll_to_business_day,
)
from app.domain.records import Case, CaseStatus, Track, new_uid
from app.domain.validation import InvalidRecord
from app.domain.words.formats import formats
from app.domain.words.phrases import Labels, Phrase, joined
from app.domain.words.translation import N_
from app.domain.words.wording import zone_label
from app.services.action_guard import ActionGuard
from app.services.cases.case_service import audit_change
from app.services.cases.timeline import TIMELINE_SOURCES, TimelineEvent
from app.services.documents.export_file import new_file
from app.services.plans.plan_service import PlanService
from app.services.plans.reminder_dates import collect_reminders
from app.vault.errors import IntegrityError, NotFound
from app.vault.repositories.review_repository import ReviewRepository, UpcomingReview
from app.vault.repositories.vault_settings import DOCUMENT_LANGUAGE, read_setting
from app.vault.vault import Vault

MAX_SERIES = 52  # a year of weekly reviews: longer series are refused, never cut short

if TYPE_CHECKING:
    from app.services.services import Services

__all__ = ["AgendaEntry", "ReviewService", "UpcomingReview", "review_events"]

DEFAULT_CADENCE_BUSINESS_DAYS = 10  # two working weeks, when no policy is available


@dataclass(frozen=True)
class AgendaEntry:
    """One line of the agenda across cases: a review or a micro-goal due."""

    on: date
    kind: str  # "review" or "micro_goal"
    case_id: int
    reference: str
    title: str
    at: str = ""  # "10:00 Europe/London" for reviews
    overdue: bool = False
    review_id: int | None = None


class ReviewService:
    def __init__(
        self,
        vault: Vault,
        clock: Clock,
        plans: PlanService,
        escalation: Callable[[], Any] | None = None,
    ) -> None:
        """``escalation()`` returns the `EscalationService` (or None without a policy engine:
        then the default holiday calendar, and the observer rule follows the track)."""
        self.vault = vault
        self.clock = clock
        self.plans = plans
        self._escalation = escalation or (lambda: None)
        self.repo = ReviewRepository(vault.conn)
        self.guard: ActionGuard | None = None  # set by Services: the policy's rights

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

    # -- reading -------------------------------------------------------------------------
    def get(self, review_id: int) -> Review:
        return self.repo.get(review_id)

    def for_case(self, case_id: int) -> list[Review]:
        return self.repo.for_case(case_id)

    def outcome_for(self, review_id: int) -> ReviewOutcome | None:
        return self.repo.outcome_for(review_id)

    def outcomes(self, case_id: int) -> list[ReviewOutcome]:
        return self.repo.outcomes(case_id)

    def upcoming(
        self, until: date | None = None, case_id: int | None = None
    ) -> list[UpcomingReview]:
        """Scheduled reviews of open cases (earliest first), overdue ones included."""
        return self.repo.scheduled(until, case_id)

    def agenda(self, case_id: int, language: str | None = None) -> Agenda:
        """The review agenda in ``language`` (default: the vault's document language)."""
        lang = language or read_setting(self.vault.conn, DOCUMENT_LANGUAGE, "en")
        return build_agenda(self.plans.active(case_id), self.plans.progress(case_id), lang)

    def agenda_entries(self, today: date, horizon_days: int = 28) -> list[AgendaEntry]:
        """Upcoming reviews and due micro-goals across all open cases, overdue marked."""
        until = today + timedelta(days=horizon_days)
        out = [
            AgendaEntry(
                on=u.review.on,
                kind="review",
                case_id=u.review.case_id,
                reference=u.reference,
                title="Formal review",
                at=f"{formats().time(u.review.starts_at)} {zone_label(u.review.timezone)}",
                overdue=u.review.on < today,
                review_id=u.review.id,
            )
            for u in self.repo.scheduled(until)
        ]
        out += [
            AgendaEntry(
                on=g.due_on,
                kind="micro_goal",
                case_id=g.case_id,
                reference=g.reference,
                title=f"{g.title} ({g.objective_title})",
                overdue=g.due_on < today,
            )
            for g in self.plans.due_micro_goals(until)
        ]
        return sorted(out, key=lambda e: (e.on, e.kind != "review", e.at, e.reference))

    def held_review_count(self, case_id: int, since: date | None = None) -> int:
        """Held reviews with an outcome (since a date, e.g. the stage entry); on a track that
        needs an observer only those a neutral observer attended count."""
        neutral = self.observer_required(case_id)
        held = {r.id for r in self.repo.for_case(case_id) if r.status is ReviewStatus.HELD}
        return sum(
            1
            for o in self.repo.outcomes(case_id)
            if o.review_id in held
            and (since is None or o.held_on >= since)
            and (not neutral or o.neutral_attended)
        )

    def facts(self, case_id: int, since: date | None = None) -> dict[str, int | bool]:
        """What the policy engine reads: ``coaching_plan`` and ``review_held``, plus held
        reviews as formal meetings (with or without a neutral observer)."""
        held = [o for o in self.repo.outcomes(case_id) if since is None or o.held_on >= since]
        return {
            "coaching_plan": self.plans.has_qualifying_plan(case_id),
            "review_held": self.held_review_count(case_id, since) > 0,
            "reviews_held": len(held),
            "reviews_without_observer": sum(1 for o in held if not o.neutral_attended),
        }

    # -- calendar export -----------------------------------------------------------------
    def calendar_events(
        self, case_id: int | None = None, review_id: int | None = None, include_names: bool = False
    ) -> list[ReviewEvent]:
        """One review, or every upcoming (and upcoming cancelled) review of open cases."""
        today = self.clock.today()
        if review_id is not None:
            reviews = [self.repo.get(review_id)]
        else:
            reviews = self.repo.for_calendar(today, case_id)
        out = []
        cases: dict[int, Case] = {}
        for r in reviews:
            case = cases.setdefault(r.case_id, self.vault.cases.get(r.case_id))
            name = agenda = ""
            if include_names:
                name = self.vault.employees.get(case.employee_id).name
                lang = read_setting(self.vault.conn, DOCUMENT_LANGUAGE, "en")
                agenda = self.agenda(case.id, lang).as_text(lang)
            out.append(ReviewEvent(r, case.reference, name, agenda))
        return sorted(out, key=lambda e: (e.review.utc_start, e.reference))

    def export_ics(
        self,
        target: Path,
        case_id: int | None = None,
        review_id: int | None = None,
        include_names: bool = False,
        reminders: bool = False,
        alarm_minutes: int | None = None,
    ) -> int:
        """Write an .ics file; returns how many events it holds. Audited, since names may
        leave the vault when the caller opts in.

        ``reminders`` adds check-ins, stage deadlines and micro-goal due dates (neutral
        all-day events; not with ``review_id``); ``alarm_minutes`` gives every event a
        display alarm that many minutes before (0 … a week).
        """
        check_alarm_minutes(alarm_minutes)
        events = self.calendar_events(case_id, review_id, include_names)
        extra = []
        if reminders and review_id is None:
            extra = collect_reminders(
                self.vault, self._escalation(), self.plans, self.clock.today(), case_id
            )
        data = to_ics(
            events,
            stamp=self.clock.now(),
            include_names=include_names,
            reminders=extra,
            alarm_minutes=alarm_minutes,
            language=read_setting(self.vault.conn, DOCUMENT_LANGUAGE, "en"),
        )
        # All or nothing: the file appears only once its audit event has committed.
        with new_file(Path(target), data), self.vault.write() as w:
            w.audit(
                "review.export_ics",
                "review",
                review_id or "",
                {
                    "events": len(events) + len(extra),
                    "reminders": len(extra),
                    "alarm_minutes": alarm_minutes,
                    "case_id": case_id,
                    "include_names": include_names,
                    "file": Path(target).name,
                },
            )
        return len(events) + len(extra)

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

    def record_outcome(self, outcome: ReviewOutcome, targets_agreed: bool = True) -> ReviewOutcome:
        """Record what a held review concluded (see the module docstring for the effects).
        The outcome, the plan revision for refreshed targets and the next review are written
        in one transaction: all of it or none."""
        today = self.clock.today()
        review = self.repo.get(outcome.review_id)
        case = self._open_case(review.case_id)
        if review.status is ReviewStatus.CANCELLED:
            raise IntegrityError(
                "This review was cancelled; schedule a new one to record an outcome."
            )
        if self.repo.outcome_for(review.id) is not None:
            raise IntegrityError("This review's outcome is already recorded.")
        outcome = replace(outcome, case_id=case.id)
        plan = self.plans.active(case.id)
        report = outcome.validate(
            today, plan.objectives if plan else (), self.observer_required(case.id)
        )
        if outcome.refreshed_targets and plan is None:
            report.error(
                "refreshed_targets", "There is no coaching plan whose targets could be refreshed."
            )
        if not report.ok:
            raise InvalidRecord(report, "review outcome")
        refreshed = self._refreshed_plan(plan, outcome) if plan is not None else None
        revision = None
        if refreshed is not None and not plan.is_agreed:
            plan_report = refreshed.validate(today)
            if not plan_report.ok:
                raise InvalidRecord(plan_report, "plan with the refreshed targets")
        elif refreshed is not None:
            revision = self.plans.prepare_revision(
                refreshed,
                f"Targets refreshed at the review on {formats().date(outcome.held_on)}",
                outcome.held_on,
                targets_agreed,
                "" if targets_agreed else "Did not agree to the refreshed targets.",
            )
        with self.vault.write() as w:
            held = replace(review, status=ReviewStatus.HELD, sequence=review.sequence + 1)
            self.repo.update(held)
            stored = self.repo.add_outcome(outcome)
            w.audit("review.outcome", "review_outcome", stored.id, audit_change(stored))
            self.vault.cases.touch(case.id, outcome.held_on)
            if revision is not None:
                self.plans.store_revision(w, *revision)
            elif refreshed is not None:  # a plan not yet agreed is edited in place
                self.plans.repo.update(refreshed)
                w.audit("plan.update", "coaching_plan", refreshed.id, audit_change(refreshed))
            if (
                outcome.decision.needs_next_review
                and outcome.next_review_on
                and not any(
                    r.status is ReviewStatus.SCHEDULED and r.on >= outcome.next_review_on
                    for r in self.repo.for_case(case.id)
                )
            ):
                day = roll_to_business_day(
                    outcome.next_review_on, self.is_business_day_for(case.id)
                )
                nxt = self.repo.add(
                    replace(
                        review,
                        starts_at=datetime.combine(day, review.starts_at.time()),
                        status=ReviewStatus.SCHEDULED,
                        sequence=0,
                        note="",
                        id=None,
                        uid=new_uid(),
                        plan_id=plan.id if plan else None,
                    )
                )
                w.audit("review.schedule", "review", nxt.id, _audit(nxt))
        return stored

    @staticmethod
    def _refreshed_plan(plan: CoachingPlan, outcome: ReviewOutcome) -> CoachingPlan | None:
        """The plan with the outcome's refreshed targets; None when nothing would change."""
        new = {t.objective_uid: t for t in outcome.refreshed_targets}
        objectives = tuple(
            replace(
                o,
                target=new[o.uid].target,
                stretch_target=new[o.uid].stretch_target,
                due_on=new[o.uid].due_on or o.due_on,
            )
            if o.uid in new
            else o
            for o in plan.objectives
        )
        if objectives == plan.objectives:
            return None
        return replace(plan, objectives=objectives)

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


def review_events(services: Services, case_id: int) -> Iterable[TimelineEvent]:
    """Timeline source: reviews held (with their decision) and cancelled."""
    reviews: ReviewService = services.reviews
    outcomes = {o.review_id: o for o in reviews.outcomes(case_id)}
    for r in reviews.for_case(case_id):
        who = joined(
            Phrase(N_("{name} ({role})"), name=p.name, role=Labels((p.role,)))
            for p in r.participants
        )
        outcome = outcomes.get(r.id)
        if outcome is not None:
            yield TimelineEvent(
                outcome.held_on,
                "review",
                "Formal review",
                Phrase(N_("Review held: {decision}"), decision=Labels((outcome.decision,))),
                outcome.summary,
                who,
                outcome,
                6,
                (N_("Review held: {decision}"), {"decision": outcome.decision}),
            )
        elif r.status is ReviewStatus.CANCELLED:
            yield TimelineEvent(
                r.on, "review", "Formal review", N_("Review cancelled"), r.note, who, r, 6
            )


TIMELINE_SOURCES.append(review_events)
