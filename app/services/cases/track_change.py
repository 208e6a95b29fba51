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
from app.domain.words.labels import label
from app.domain.words.translation import N_, language_of
from app.services.cases.approval_check import (
    ChangeWording,
    approval_note,
    check_initiator_and_approver,
    say,
)
from app.services.cases.case_service import audit_change
from app.services.cases.escalation_service import EscalationRefused, EscalationService
from app.vault.vault import Vault


class TrackChangeRefused(EscalationRefused):
    """The change is not allowed as asked; the message lists every missing item."""


TRACK_WORDING = ChangeWording(
    no_actor=N_("the name of who asks for the change"),
    wrong_role=N_("a role that may change the track ({allowed}), not {role}"),
    no_reason=N_("a reason for the change"),
)


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
        language: str | None = None,
    ) -> list[str]:
        """Everything missing for this change, in words (empty: it may go ahead), in
        ``language`` (the window passes its own; errors and the CLI stay English)."""
        initiate, approve = self.rules(case.id)
        missing: list[str] = []
        if case.status is CaseStatus.CLOSED:
            say(missing, language, N_("case {reference} is closed"), reference=case.reference)
        if track is case.track:
            shown = label(track, language)
            shown = shown.lower() if language_of(language) == "en" else shown
            say(missing, language, N_("the case is already on the {track} track"), track=shown)
        return missing + check_initiator_and_approver(
            TRACK_WORDING, initiate, approve, actor, role, reason, approver, approver_role, language
        )

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
        signed = approval_note(approver, approver_role)
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
