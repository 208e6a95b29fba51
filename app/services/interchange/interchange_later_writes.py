"""Writing a checked case's approvals, exceptions, plans and reviews (interchange import).

Each record goes through the repository that owns it unless its uid is already stored, with its
audit event, inside the import's one transaction; links by uid become ids of this vault.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from app.domain.records import StageChange
from app.services.cases.case_service import audit_change
from app.services.interchange.interchange_records import CaseEntry
from app.vault.vault import WriteScope

if TYPE_CHECKING:
    from app.services.services import Services


def write_later_records(
    services: Services, w: WriteScope, entry: CaseEntry, case_id: int, added: dict[str, int]
) -> int:
    """Write a checked case's approvals, exceptions, plan versions with their progress and
    reviews with their outcome inside the import's transaction: each through its repository
    unless its uid is already stored, each with its audit event. Counts what it adds in
    ``added`` (keys of `LATER_KINDS`) and returns how many records were already stored."""
    skipped = 0
    escalation = services.escalation.repo
    plans = services.plans.repo
    reviews = services.reviews.repo

    def audited(entity: str, stored: Any, key: str) -> Any:
        w.audit(f"{entity}.import", entity, stored.id, audit_change(stored))
        added[key] += 1
        return stored

    for approval, stage_change_uid in entry.approvals:
        if escalation.approval_by_uid(approval.uid) is not None:
            skipped += 1
            continue
        stage_change = services.vault.records.by_uid(StageChange, stage_change_uid or "")
        stored = escalation.add_approval(
            replace(
                approval,
                case_id=case_id,
                stage_change_id=stage_change.id if stage_change else None,
            )
        )
        audited("approval", stored, "approvals")
    for exc in entry.exceptions:
        if escalation.exception_by_uid(exc.uid) is not None:
            skipped += 1
            continue
        audited(
            "case_exception",
            escalation.add_exception(replace(exc, case_id=case_id)),
            "exceptions",
        )
    for plan, revision_of, progress in entry.plans:
        stored_plan = plans.by_uid(plan.uid)
        if stored_plan is not None:
            skipped += 1
        else:
            previous = plans.by_uid(revision_of) if revision_of else None
            stored_plan = plans.add(
                replace(
                    plan,
                    case_id=case_id,
                    revision_of=previous.id if previous else None,
                    created_on=plan.created_on or services.clock.today(),
                )
            )
            audited("coaching_plan", stored_plan, "plans")
        for update in progress:
            if plans.progress_by_uid(update.uid) is not None:
                skipped += 1
                continue
            stored = plans.add_progress(replace(update, case_id=case_id, plan_id=stored_plan.id))
            audited("plan_progress", stored, "progress_updates")
    for review, plan_uid, outcome in entry.reviews:
        stored_review = reviews.by_uid(review.uid)
        if stored_review is not None:
            skipped += 1
        else:
            on_plan = plans.by_uid(plan_uid) if plan_uid else None
            stored_review = reviews.add(
                replace(review, case_id=case_id, plan_id=on_plan.id if on_plan else None)
            )
            audited("review", stored_review, "reviews")
        if outcome is None:
            continue
        if reviews.outcome_by_uid(outcome.uid) is not None:
            skipped += 1
            continue
        stored = reviews.add_outcome(replace(outcome, case_id=case_id, review_id=stored_review.id))
        audited("review_outcome", stored, "review_outcomes")
    return skipped
