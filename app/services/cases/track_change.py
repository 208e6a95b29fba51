"""Moving a case between the standard and the high-stakes track after intake.

A safety or compliance concern found late must be able to put a case on the faster formal
track (and a mistaken intake to take it off again). The policy's ``[track_change]`` says who
may ask and whose approval it needs; the change is recorded as a decision on the case, so it
appears on the timeline and in every pack, and audited with the case update in one write.
Deadlines are recomputed, because each track has its own.
"""

from __future__ import annotations

from dataclasses import replace

from app.domain.clock import Clock
from app.domain.records import Case, CaseStatus, Decision, Role, Track
from app.services.cases.case_service import audit_change
from app.services.cases.escalation_service import EscalationRefused, EscalationService
from app.vault.vault import Vault


class TrackChangeRefused(EscalationRefused):
    """The change is not allowed as asked; the message lists every missing item."""


class TrackChangeService:
    def __init__(self, vault: Vault, clock: Clock, escalation: EscalationService) -> None:
        self.vault = vault
        self.clock = clock
        self.escalation = escalation

    def rules(self, case_id: int) -> tuple[tuple[Role, ...], tuple[Role, ...]]:
        """(who may initiate, whose approval is needed) under the case's own policy."""
        policy = self.escalation.policy_for(self.vault.cases.get(case_id))
        return policy.track_change_initiate, policy.track_change_approve

    def check(
        self,
        case: Case,
        track: Track,
        actor: str,
        role: Role,
        reason: str,
        approver: str = "",
        approver_role: Role | None = None,
    ) -> list[str]:
        """Everything missing for this change, in words (empty: it may go ahead)."""
        initiate, approve = self.rules(case.id)
        missing: list[str] = []
        if case.status is CaseStatus.CLOSED:
            missing.append(f"case {case.reference} is closed")
        if track is case.track:
            missing.append(f"the case is already on the {track.label.lower()} track")
        if not actor.strip():
            missing.append("the name of who asks for the change")
        if role not in initiate:
            allowed = ", ".join(r.label for r in initiate) or "nobody"
            missing.append(f"a role that may change the track ({allowed}), not {role.label}")
        if not reason.strip():
            missing.append("a reason for the change")
        if approve:
            roles = " or ".join(r.label for r in approve)
            if approver_role not in approve or not approver.strip():
                missing.append(f"the approval of the {roles}")
            elif approver.strip().casefold() == actor.strip().casefold():
                missing.append(f"an approval by someone other than {actor.strip()} ({roles})")
        return missing

    def change(
        self,
        case_id: int,
        track: Track,
        actor: str,
        role: Role,
        reason: str,
        approver: str = "",
        approver_role: Role | None = None,
    ) -> Case:
        case = self.vault.cases.get(case_id)
        missing = self.check(case, track, actor, role, reason, approver, approver_role)
        if missing:
            raise TrackChangeRefused("The track cannot be changed yet: " + "; ".join(missing) + ".")
        today = self.clock.today()
        signed = ""
        if approver.strip() and approver_role is not None:
            signed = f" Approved by {approver.strip()} ({approver_role.label})."
        with self.vault.write() as w:
            decision = self.vault.records.add(
                Decision(
                    case_id=case.id,
                    decided_on=today,
                    decided_by=actor.strip(),
                    role=role,
                    summary=f"Track changed from {case.track.label} to {track.label}",
                    rationale=reason.strip() + signed,
                )
            )
            w.audit("decision.add", "decision", decision.id, audit_change(decision))
            moved = replace(case, track=track)
            self.vault.cases.update(moved)
            w.audit(
                "case.track_change",
                "case",
                case.id,
                {"from": case.track.value, "to": track.value, "decision": decision.id},
            )
            self.vault.cases.touch(case.id, today)
            self.escalation.refresh_schedule(case.id)
        return self.vault.cases.get(case_id)
