"""The escalation path in use: policy versions, moving cases, approvals, exceptions, triggers,
deadlines and flags.

Rules live in `app.domain.escalation.workflow` (may this move happen?),
`app.domain.escalation.triggers` (what do the indicators suggest?) and
`app.domain.escalation.flags` (deadlines and flags on a date); this service gathers a case's
facts from the vault, asks those pure functions, and writes the result in one audited
transaction.

`EscalationService` is assembled from parts, each in its own module: policy versions and the
shared state (`escalation_policies`), stage moves (`escalation_moves`), sign-offs
(`escalation_approvals`), exceptions (`escalation_exceptions`), deadlines, flags and stored
schedules (`escalation_schedule`); the demo data is in `escalation_demo`. Callers import
everything from here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date

from app.domain.escalation.policy import Policy, PolicyError
from app.domain.escalation.requirements import record_facts
from app.domain.escalation.triggers import Recommendation, recommend
from app.domain.records import Case, Conversation, Decision, Indicator, Observation
from app.domain.validation import InvalidRecord, ValidationReport
from app.services.cases.escalation_approvals import SignOffs
from app.services.cases.escalation_demo import enrich_demo
from app.services.cases.escalation_errors import EscalationRefused, MoveRefused
from app.services.cases.escalation_exceptions import Exceptions
from app.services.cases.escalation_moves import StageMoves
from app.services.cases.escalation_policies import default_policy_text, store_default_policy
from app.services.cases.escalation_schedule import Schedules

__all__ = [
    "FACT_SOURCES",
    "EscalationRefused",
    "EscalationService",
    "MoveRefused",
    "PolicyError",
    "default_policy_text",
    "enrich_demo",
    "store_default_policy",
]


# Facts beyond the foundation's records: functions (services, case, since) -> facts. The
# coaching-plan/review feature registers one for ``coaching_plan`` and ``review_held``.
FactSource = Callable[[object, Case, date], Mapping[str, int | bool]]


def _review_facts(services: object, case: Case, since: date) -> Mapping[str, int | bool]:
    """``coaching_plan`` and ``review_held`` (and held reviews) from the review service."""
    facts = getattr(getattr(services, "reviews", None), "facts", None)
    return facts(case.id, since) if facts is not None else {}


FACT_SOURCES: list[FactSource] = [_review_facts]


class EscalationService(StageMoves, SignOffs, Exceptions, Schedules):
    """One service over its parts (policy versions in `EscalationCore`, then stage moves,
    sign-offs, exceptions and schedules); it keeps the facts, triggers and case hooks."""

    # -- facts ---------------------------------------------------------------------------
    def facts(self, case_id: int) -> dict[str, int | bool]:
        """The fact sheet the policy's requirements are checked against (see requirements)."""
        case = self.vault.cases.get(case_id)
        return self._facts(case, self.policy_for(case))

    def _facts(self, case: Case, policy: Policy) -> dict[str, int | bool]:
        since = case.stage_entered_on or case.opened_on
        records = self.vault.records
        facts: dict[str, int | bool] = record_facts(
            since=since,
            conversations=records.for_case(Conversation, case.id),
            indicators=records.for_case(Indicator, case.id),
            observations=records.for_case(Observation, case.id),
            decisions=records.for_case(Decision, case.id),
            observer_marker=policy.observer_marker,
        )
        for source in FACT_SOURCES:
            facts.update(source(self.services, case, since))
        # Held reviews are formal meetings too (their observer is recorded on the review).
        facts["formal_meetings"] = int(facts["formal_meetings"]) + int(facts.get("reviews_held", 0))
        facts["formal_meetings_without_observer"] = int(
            facts["formal_meetings_without_observer"]
        ) + int(facts.get("reviews_without_observer", 0))
        return facts

    # -- triggers ------------------------------------------------------------------------
    def recommend(self, case_id: int) -> Recommendation:
        case = self.vault.cases.get(case_id)
        return recommend(
            self.policy_for(case),
            case,
            self.vault.records.for_case(Indicator, case_id),
            self.clock.today(),
        )

    # -- hooks for CaseService -----------------------------------------------------------
    def prepare_new_case(self, case: Case) -> Case:
        """Before a case is stored: it must name a stage of the policy; stamp the version."""
        policy_id = case.policy_id or self._ensure_policy()
        policy = self.policy(policy_id)
        if case.stage not in policy.stage_keys:
            report = ValidationReport()
            report.error(
                "stage", f"'{case.stage}' is not a stage (stages: {', '.join(policy.stage_keys)})."
            )
            raise InvalidRecord(report, "case")
        return replace(case, policy_id=policy_id)
