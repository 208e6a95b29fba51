"""Recording what a held review concluded.

Recording an outcome marks the review held, applies refreshed targets to the plan as a
revision agreed at the review, and schedules the next review when the decision continues
the plan and none is scheduled yet. A held review with an outcome is the policy's
``review_held`` fact, which unlocks the next stage move.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from app.domain.plans.plans import CoachingPlan
from app.domain.plans.reviews import ReviewOutcome, ReviewStatus, roll_to_business_day
from app.domain.records import new_uid
from app.domain.validation import InvalidRecord
from app.domain.words.formats import formats
from app.services.cases.case_service import audit_change
from app.services.plans.review_scheduling import ReviewScheduling, _audit
from app.vault.errors import IntegrityError


class ReviewOutcomes(ReviewScheduling):
    """Review outcomes (a part of `ReviewService`)."""

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
