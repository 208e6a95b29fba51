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
from datetime import date
from typing import TYPE_CHECKING, Any

from app.domain.clock import Clock
from app.domain.plans.reviews import Review, ReviewOutcome, ReviewStatus
from app.domain.words.translation import N_
from app.services.action_guard import ActionGuard
from app.services.cases.timeline import TIMELINE_SOURCES, TimelineEvent
from app.services.plans.plan_service import PlanService
from app.services.plans.review_agenda import AgendaEntry, ReviewAgenda
from app.services.plans.review_outcomes import ReviewOutcomes
from app.services.plans.review_scheduling import DEFAULT_CADENCE_BUSINESS_DAYS, MAX_SERIES
from app.vault.repositories.review_repository import ReviewRepository, UpcomingReview
from app.vault.vault import Vault

if TYPE_CHECKING:
    from app.services.services import Services

__all__ = [
    "DEFAULT_CADENCE_BUSINESS_DAYS",
    "MAX_SERIES",
    "AgendaEntry",
    "ReviewService",
    "UpcomingReview",
    "review_events",
]


class ReviewService(ReviewOutcomes, ReviewAgenda):
    """Formal reviews, assembled from parts: scheduling (`review_scheduling`), outcomes
    (`review_outcomes`), agendas and calendar export (`review_agenda`); the reads are here."""

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


def review_events(services: Services, case_id: int) -> Iterable[TimelineEvent]:
    """Timeline source: reviews held (with their decision) and cancelled."""
    reviews: ReviewService = services.reviews
    outcomes = {o.review_id: o for o in reviews.outcomes(case_id)}
    for r in reviews.for_case(case_id):
        who = ", ".join(f"{p.name} ({p.role.label.lower()})" for p in r.participants)
        outcome = outcomes.get(r.id)
        if outcome is not None:
            yield TimelineEvent(
                outcome.held_on,
                "review",
                "Formal review",
                f"Review held: {outcome.decision.label.lower()}",
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
