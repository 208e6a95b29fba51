"""Sign-offs of stage moves and closings: approvals and reviews by the policy's roles."""

from __future__ import annotations

from dataclasses import replace

from app.domain.escalation.escalation_records import Approval, ApprovalKind, ApprovalStatus
from app.domain.escalation.policy import Policy
from app.domain.escalation.workflow import CLOSE_PREFIX, a_role
from app.domain.records import Case, CaseStatus, Outcome, Role
from app.services.cases.case_service import audit_change
from app.services.cases.escalation_errors import EscalationRefused
from app.services.cases.escalation_policies import EscalationCore


class SignOffs(EscalationCore):
    """Approving and declining moves (a part of `EscalationService`)."""

    def _signoff_kind(self, case: Case, policy: Policy, target: str, role: Role) -> ApprovalKind:
        if target.startswith(CLOSE_PREFIX):
            try:
                option = policy.outcome(Outcome(target[len(CLOSE_PREFIX) :]))
            except ValueError:
                option = None
            if option is None:
                raise EscalationRefused(
                    f"'{target}' is not a way to close a case under this policy."
                )
            reviews, approves, what = (), option.approve, f"closing as {option.label}"
        else:
            if target not in policy.stage_keys:
                raise EscalationRefused(
                    f"'{target}' is not a stage (stages: {', '.join(policy.stage_keys)})."
                )
            if target == case.stage:
                raise EscalationRefused(
                    f"Case {case.reference} is already at {policy.stage_name(target)}."
                )
            if policy.index(target) > policy.index(case.stage):
                stage = policy.stage(target)
                reviews, approves = stage.review, stage.approve
            else:
                reviews, approves = policy.backward.review, policy.backward.approve
            what = f"moving {case.reference} to {policy.stage_name(target)}"
        if role in approves:
            return ApprovalKind.APPROVE
        if role in reviews:
            return ApprovalKind.REVIEW
        needed = [f"{r.label} (approve)" for r in approves] + [
            f"{r.label} (review)" for r in reviews
        ]
        who = a_role(role)
        raise EscalationRefused(
            f"{who[0].upper()}{who[1:]} has no sign-off in {what}; it needs: "
            f"{', '.join(needed) if needed else 'no sign-off at all'}."
        )

    def approve(
        self, case_id: int, to_stage: str, approver: str, role: Role, note: str = ""
    ) -> Approval:
        """Record ``approver``'s approval (or review, by role) of moving the case to
        ``to_stage`` (or ``closed:<outcome>``) from the stage it is in now."""
        return self._decide(case_id, to_stage, approver, role, note, ApprovalStatus.GRANTED)

    def decline(
        self, case_id: int, to_stage: str, approver: str, role: Role, note: str = ""
    ) -> Approval:
        return self._decide(case_id, to_stage, approver, role, note, ApprovalStatus.DECLINED)

    def _decide(
        self,
        case_id: int,
        to_stage: str,
        approver: str,
        role: Role,
        note: str,
        status: ApprovalStatus,
    ) -> Approval:
        if not approver.strip():
            raise EscalationRefused("Give the name of the person who approves.")
        with self.vault.write() as w:
            case = self.vault.cases.get(case_id)
            if case.status is CaseStatus.CLOSED:
                raise EscalationRefused(f"Case {case.reference} is closed.")
            policy = self.policy_for(case)
            kind = self._signoff_kind(case, policy, to_stage, role)
            open_ = [
                a
                for a in self.repo.approvals(
                    case_id, (ApprovalStatus.PENDING, ApprovalStatus.GRANTED)
                )
                if a.from_stage == case.stage
                and a.to_stage == to_stage
                and a.role is role
                and a.kind is kind
            ]
            pending = [a for a in open_ if a.status is ApprovalStatus.PENDING]
            if (
                pending
                and pending[0].requested_by.strip().casefold() == approver.strip().casefold()
            ):
                raise EscalationRefused(
                    f"{approver} asked for this move and cannot also sign it off; "
                    f"another {role.label} must."
                )
            now = self.clock.now()
            if pending:
                stored = self.repo.update_approval(
                    replace(
                        pending[0],
                        status=status,
                        person=approver.strip(),
                        note=note.strip(),
                        decided_at=now,
                    )
                )
            else:
                stored = self.repo.add_approval(
                    Approval(
                        case_id=case_id,
                        from_stage=case.stage,
                        to_stage=to_stage,
                        role=role,
                        kind=kind,
                        status=status,
                        requested_at=now,
                        person=approver.strip(),
                        note=note.strip(),
                        decided_at=now,
                    )
                )
            verb = "grant" if status is ApprovalStatus.GRANTED else "decline"
            w.audit(f"approval.{verb}", "approval", stored.id, audit_change(stored))
            self.vault.cases.touch(case_id, self.clock.today())
        self._changed()
        return stored

    def pending_approvals(self, case_id: int) -> list[Approval]:
        return self.repo.approvals(case_id, (ApprovalStatus.PENDING,))

    def approvals(self, case_id: int) -> list[Approval]:
        return self.repo.approvals(case_id)
