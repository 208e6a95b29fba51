"""Reopening a closed case: the one way back to writing on it.

A closed case is read-only (every service refuses to change it). New facts after an outcome —
an appeal, a tribunal's request, an error found in the record — reopen it, with a reason and
the approval the case's policy asks in ``[reopen]`` (like a track change: any one of the
approving roles, by someone other than who reopens). The reopening is recorded as a decision
on the case, so it shows on the timeline and in every pack, and audited with the case update
in one write; the outcome and closing date it had stay readable in the case's history.
"""

from __future__ import annotations

from dataclasses import replace

from app.domain.clock import Clock
from app.domain.records import Case, CaseStatus, Decision, Role
from app.domain.words.translation import N_
from app.services.cases.approval_check import (
    ChangeWording,
    approval_note,
    check_initiator_and_approver,
    say,
)
from app.services.cases.case_service import audit_change
from app.services.cases.escalation_service import EscalationRefused, EscalationService
from app.vault.vault import Vault


class ReopenRefused(EscalationRefused):
    """The case cannot be reopened as asked; the message lists every missing item."""


REOPEN_WORDING = ChangeWording(
    no_actor=N_("the name of who reopens the case"),
    wrong_role=N_("a role that may reopen a case ({allowed}), not {role}"),
    no_reason=N_("a reason for reopening"),
)


class ReopenService:
    def __init__(self, vault: Vault, clock: Clock, escalation: EscalationService) -> None:
        self.vault = vault
        self.clock = clock
        self.escalation = escalation

    def rules(self, case_id: int) -> tuple[tuple[Role, ...], tuple[Role, ...]]:
        """(who may reopen, whose approval is needed) under the case's own policy."""
        policy = self.escalation.policy_for(self.vault.cases.get(case_id))
        return policy.reopen_initiate, policy.reopen_approve

    def check(
        self,
        case: Case,
        actor: str,
        role: Role,
        reason: str,
        approver: str = "",
        approver_role: Role | None = None,
        language: str | None = None,
    ) -> list[str]:
        """Everything missing for reopening, in words (empty: it may go ahead), in
        ``language`` (the window passes its own; errors and the CLI stay English)."""
        initiate, approve = self.rules(case.id)
        missing: list[str] = []
        if case.status is not CaseStatus.CLOSED:
            say(
                missing,
                language,
                N_("case {reference} is open, so there is nothing to reopen"),
                reference=case.reference,
            )
        return missing + check_initiator_and_approver(
            REOPEN_WORDING,
            initiate,
            approve,
            actor,
            role,
            reason,
            approver,
            approver_role,
            language,
        )

    def reopen(
        self,
        case_id: int,
        actor: str,
        role: Role,
        reason: str,
        approver: str = "",
        approver_role: Role | None = None,
    ) -> Case:
        """Reopen the case at the stage it closed in, or raise `ReopenRefused`."""
        case = self.vault.cases.get(case_id)
        missing = self.check(case, actor, role, reason, approver, approver_role)
        if missing:
            raise ReopenRefused(
                f"Case {case.reference} cannot be reopened yet: " + "; ".join(missing) + "."
            )
        today = self.clock.today()
        signed = approval_note(approver, approver_role)
        outcome = case.outcome.label if case.outcome is not None else "no outcome"
        with self.vault.write() as w:
            opened = replace(case, status=CaseStatus.OPEN, closed_on=None, outcome=None)
            self.vault.cases.update(opened)
            w.audit(
                "case.reopen",
                "case",
                case.id,
                {
                    "reason": reason.strip(),
                    "role": role.value,
                    "approver": approver.strip(),
                    "approver_role": approver_role.value if approver_role else None,
                    "closed_on": case.closed_on,
                    "outcome": case.outcome,
                },
            )
            decision = self.vault.records.add(
                Decision(
                    case_id=case.id,
                    decided_on=today,
                    decided_by=actor.strip(),
                    role=role,
                    summary=f"Case reopened (it was closed as {outcome})",
                    rationale=reason.strip() + signed,
                )
            )
            w.audit("decision.add", "decision", decision.id, audit_change(decision))
            self.vault.cases.touch(case.id, today)
            self.escalation.refresh_schedule(case.id)
        return self.vault.cases.get(case_id)
