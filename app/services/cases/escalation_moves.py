"""Moving a case between stages and closing it, as the case's policy allows.

The rules live in `app.domain.escalation.workflow` (may this move happen?); this part
gathers the case's facts, asks them, and writes the move in one audited transaction. A
move that waits only for others' sign-offs records them as pending requests.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.domain.escalation.escalation_records import Approval, ApprovalKind, ApprovalStatus
from app.domain.escalation.workflow import (
    MoveCheck,
    check_close,
    check_move,
    check_start,
    close_target,
)
from app.domain.plans.satisfaction import Satisfaction
from app.domain.records import Case, CaseStatus, Outcome, Role, StageChange, Track
from app.domain.validation import InvalidRecord
from app.services.cases.case_service import audit_change
from app.services.cases.escalation_errors import MoveRefused
from app.services.cases.escalation_policies import EscalationCore
from app.vault.repositories import satisfaction_repository


class StageMoves(EscalationCore):
    """Stage moves and closing (a part of `EscalationService`)."""

    def check_start(self, track: Track, stage: str) -> list[str]:
        """Problems with opening a new case at ``stage`` on ``track`` (for the new-case form)."""
        return check_start(self.current_policy(), track, stage)

    def start_stages(self, track: Track) -> tuple[str, ...]:
        return self.current_policy().track(track).start_stages

    def check_move(
        self, case_id: int, to_stage: str, role: Role, actor: str | None = None
    ) -> MoveCheck:
        case = self.vault.cases.get(case_id)
        policy = self.policy_for(case)
        return check_move(
            policy,
            case,
            to_stage,
            actor=actor or self.vault.officer.name,
            role=role,
            facts=self._facts(case, policy),
            approvals=self.repo.approvals(case_id, (ApprovalStatus.GRANTED,)),
            exceptions=self.repo.exceptions(case_id),
        )

    def check_close(
        self, case_id: int, outcome: Outcome, role: Role, actor: str | None = None
    ) -> MoveCheck:
        case = self.vault.cases.get(case_id)
        policy = self.policy_for(case)
        return check_close(
            policy,
            case,
            outcome,
            actor=actor or self.vault.officer.name,
            role=role,
            facts=self._facts(case, policy),
            approvals=self.repo.approvals(case_id, (ApprovalStatus.GRANTED,)),
        )

    def advance(
        self, case_id: int, to_stage: str, actor: str, role: Role, reason: str
    ) -> StageChange:
        """Move the case, or raise `MoveRefused` listing every missing item.

        When only sign-offs by others are missing, they are recorded as pending requests
        (the case is then 'awaiting approval') before refusing.
        """
        return self._move(case_id, to_stage, actor, role, reason, None)

    def close(
        self,
        case_id: int,
        outcome: Outcome,
        actor: str,
        role: Role,
        reason: str,
        satisfaction: Satisfaction | None = None,
    ) -> StageChange:
        """Close a case at the outcome stage with one of the policy's outcome options.

        ``satisfaction`` (optional scores 1–5) is stored in the same transaction.
        """
        if satisfaction is not None:
            report = satisfaction.validate()
            if not report.ok:
                raise InvalidRecord(report, "closing")
        return self._move(
            case_id, close_target(outcome), actor, role, reason, outcome, satisfaction
        )

    def _move(
        self,
        case_id: int,
        target: str,
        actor: str,
        role: Role,
        reason: str,
        outcome: Outcome | None,
        satisfaction: Satisfaction | None = None,
    ) -> StageChange:
        today = self.clock.today()
        try:
            with self.vault.write() as w:
                case = self.vault.cases.get(case_id)
                policy = self.policy_for(case)
                facts = self._facts(case, policy)
                granted = self.repo.approvals(case_id, (ApprovalStatus.GRANTED,))
                if outcome is None:
                    check = check_move(
                        policy,
                        case,
                        target,
                        actor=actor,
                        role=role,
                        facts=facts,
                        approvals=granted,
                        exceptions=self.repo.exceptions(case_id),
                    )
                else:
                    check = check_close(
                        policy,
                        case,
                        outcome,
                        actor=actor,
                        role=role,
                        facts=facts,
                        approvals=granted,
                    )
                extra = []
                if not actor.strip():
                    extra.append("the name of who moves the case")
                if not reason.strip():
                    extra.append("a reason for the move")
                if extra:
                    check = replace(check, allowed=False, missing=[*check.missing, *extra])
                if not check.allowed:
                    raise MoveRefused(check)  # rolls back: nothing was written
                change = self._record_move(w, case, check, actor, role, reason, outcome, today)
                if satisfaction is not None and satisfaction.given:
                    satisfaction_repository.store(
                        self.vault.conn, case.id, satisfaction, today.isoformat()
                    )
                    w.audit(
                        "case.satisfaction",
                        "case",
                        case.id,
                        {"employee": satisfaction.employee, "manager": satisfaction.manager},
                    )
                return change
        except MoveRefused as refused:
            if not refused.check.waits_only_for_signoffs:
                raise
            requested = self._request_signoffs(case, target, refused.check, actor)
            raise MoveRefused(refused.check, requested) from None

    def _record_move(
        self,
        w,
        case: Case,
        check: MoveCheck,
        actor: str,
        role: Role,
        reason: str,
        outcome: Outcome | None,
        today: date,
    ) -> StageChange:
        to_stage = check.to_stage if outcome is None else "closed"
        change = self.vault.records.add(
            StageChange(
                case_id=case.id,
                from_stage=case.stage,
                to_stage=to_stage,
                changed_at=self.clock.now(),
                actor=actor.strip(),
                role=role,
                reason=reason.strip(),
                approvals=tuple(a.describe() for a in check.recorded_approvals),
            )
        )
        w.audit("case.stage_change", "stage_change", change.id, audit_change(change))
        self._changed()
        self.repo.close_open_approvals(
            case.id, change.id, [a.id for a in check.recorded_approvals if a.id]
        )
        if outcome is None:
            moved = replace(case, stage=check.to_stage, stage_entered_on=today)
        else:
            moved = replace(case, status=CaseStatus.CLOSED, closed_on=today, outcome=outcome)
        self.vault.cases.update(moved)
        w.audit("case.update", "case", case.id, audit_change(moved))
        self.vault.cases.touch(case.id, today)
        self._store_schedule(case.id)
        return change

    def _request_signoffs(self, case: Case, target: str, check: MoveCheck, actor: str) -> list[str]:
        """Record pending approval requests for the sign-offs a move still needs."""
        pending = self.repo.approvals(case.id, (ApprovalStatus.PENDING,))
        out = []
        with self.vault.write() as w:
            for role, kind in check.missing_signoffs:
                verb = "approval" if kind is ApprovalKind.APPROVE else "review"
                out.append(f"{role.label} ({verb})")
                if any(
                    p.role is role
                    and p.kind is kind
                    and p.to_stage == target
                    and p.from_stage == case.stage
                    for p in pending
                ):
                    continue
                req = self.repo.add_approval(
                    Approval(
                        case_id=case.id,
                        from_stage=case.stage,
                        to_stage=target,
                        role=role,
                        kind=kind,
                        status=ApprovalStatus.PENDING,
                        requested_at=self.clock.now(),
                        requested_by=actor.strip(),
                    )
                )
                w.audit("approval.request", "approval", req.id, audit_change(req))
            if not w.events:
                w.audit("approval.request", "case", case.id, {"already_pending": True})
        self._changed()
        return out
