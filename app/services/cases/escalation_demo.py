"""Demo data for the escalation path: stage histories, check-ins, sign-offs and exceptions."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from app.domain.escalation.escalation_records import ExceptionKind
from app.domain.escalation.policy import Policy
from app.domain.records import (
    Case,
    CaseStatus,
    Conversation,
    ConversationKind,
    Role,
    StageChange,
    Track,
)
from app.domain.words.formats import formats
from app.services.cases.case_service import audit_change
from app.vault.connection import utc_now

if TYPE_CHECKING:  # the service imports this module for its demo data
    from app.services.cases.escalation_service import EscalationService

_HR_LEAD = "Priya Shah"
_HR_OFFICER_2 = "Tomasz Nowak"
_SPONSOR = "Dana Whitfield"
_CHECK_IN_NOTES = (
    "Went through the week's numbers together; two of three agreed actions done.",
    "Short check-in: workload rebalanced, the backlog is shrinking.",
    "Reviewed the hand-over checklist; first week with complete hand-overs.",
    "Discussed the training dates; the course is booked for next month.",
)


def _demo_history(  # noqa: ANN001 - services and the write scope (import cycle)
    services, case: Case, policy: Policy, rng: random.Random, today: date, w, idle: bool
) -> date | None:
    """Stage changes from the track's start to the case's stage, signed off per the policy."""
    vault = services.vault
    start = policy.track(case.track).start_stages
    first = (
        start[-1]
        if (case.track is Track.HIGH_STAKES and policy.index(case.stage) >= policy.index(start[-1]))
        else start[0]
    )
    path = list(policy.stage_keys[policy.index(first) : policy.index(case.stage) + 1])
    if len(path) <= 1:
        return None
    latest = today - timedelta(days=rng.randint(30, 40) if idle else rng.randint(2, 13))
    entered = max(latest, case.opened_on + timedelta(days=len(path)))
    step = max((entered - case.opened_on).days // (len(path) - 1), 1)
    manager = services.employees.get(case.employee_id).manager or "Line manager"
    signers = {
        Role.HR_LEAD: _HR_LEAD,
        Role.HR_OFFICER: _HR_OFFICER_2,
        Role.MANAGER: manager,
        Role.EXECUTIVE_SPONSOR: _SPONSOR,
    }
    when = case.opened_on
    for n, (prev, nxt) in enumerate(zip(path, path[1:], strict=False), start=1):
        when = entered if n == len(path) - 1 else case.opened_on + timedelta(days=step * n)
        stage = policy.stage(nxt)
        role = Role.MANAGER if Role.MANAGER in stage.initiate else stage.initiate[0]
        actor = manager if role is Role.MANAGER else vault.officer.name
        notes = []
        for r in (*stage.review, *stage.approve):
            person = signers.get(r, _HR_LEAD)
            person = _HR_OFFICER_2 if person == actor else person
            verb = "reviewed" if r in stage.review else "approved"
            notes.append(f"{r.label} {person} {verb} on {formats().date(when)}")
        change = vault.records.add(
            StageChange(
                case_id=case.id,
                from_stage=prev,
                to_stage=nxt,
                changed_at=utc_now().replace(year=when.year, month=when.month, day=when.day),
                actor=actor,
                role=role,
                reason=f"Records for {policy.stage_name(prev)} complete; moving to "
                f"{policy.stage_name(nxt)}.",
                approvals=tuple(notes),
            )
        )
        w.audit("case.stage_change", "stage_change", change.id, audit_change(change))
    moved = replace(case, stage_entered_on=when)
    vault.cases.update(moved)
    w.audit("case.update", "case", case.id, audit_change(moved))
    vault.cases.touch(case.id, when)
    return when


def enrich_demo(services, rng: random.Random) -> None:  # noqa: ANN001 - Services (cycle)
    """Give demo cases stage histories that follow the policy, recent check-ins on most of
    them, a few pending sign-offs and exceptions, and stored schedules, so the case list shows
    cases on track as well as overdue, due soon, stalled and awaiting approval."""
    esc: EscalationService = services.escalation
    vault = services.vault
    today = services.clock.today()
    policy = esc.current_policy()
    cases = services.cases.all(CaseStatus.OPEN)
    # A few long-running cases where nothing was recorded for weeks: stalled (and overdue).
    old_enough = [
        c
        for c in cases
        if c.stage in ("coaching", "formal_concern") and c.opened_on < today - timedelta(days=60)
    ]
    idle = {c.id for c in rng.sample(old_enough, min(3, len(old_enough)))}
    with vault.write() as w:
        for case in cases:
            _demo_history(services, case, policy, rng, today, w, case.id in idle)
        w.audit("demo.enrich", "vault", "", {"feature": "escalation"})
    open_cases = services.cases.all(CaseStatus.OPEN)
    for case in open_cases:
        roll = rng.random()
        if case.id in idle or roll < 0.15:
            continue  # left alone: overdue, or stalled as well
        if not policy.stage(case.stage).allows("check_in"):
            continue  # the later stages hold reviews and meetings, not check-ins
        ago = rng.randint(0, 2) if roll < 0.75 else rng.randint(4, 6)
        held = max(today - timedelta(days=ago), case.stage_entered_on or case.opened_on)
        manager = services.employees.get(case.employee_id).manager or "Line manager"
        services.cases.add(
            Conversation(
                case_id=case.id,
                held_on=held,
                kind=ConversationKind.CHECK_IN,
                summary=rng.choice(_CHECK_IN_NOTES),
                attendees=(manager, f"{_HR_OFFICER_2} (HR observer)"),
            )
        )
    # A few live situations: pending sign-offs, a pause, an extension, a deviation request.
    rng.shuffle(open_cases)
    waiting = [c for c in open_cases if c.stage in ("coaching", "improvement_plan")][:3]
    for case in waiting:
        case = vault.cases.get(case.id)
        target = policy.next_stage(case.stage)
        check = esc.check_move(case.id, target, Role.MANAGER, "Line manager")
        if check.missing_signoffs:
            esc._request_signoffs(case, target, check, "Line manager")
    others = [c for c in open_cases if c not in waiting]
    if others:
        esc.request_exception(
            others[0].id,
            ExceptionKind.PAUSE,
            "Approved leave of absence.",
            vault.officer.name,
            approver=_HR_LEAD,
            approver_role=Role.HR_LEAD,
            starts_on=today - timedelta(days=5),
            ends_on=today + timedelta(days=9),
        )
    if len(others) > 1:
        esc.request_exception(
            others[1].id,
            ExceptionKind.EXTEND,
            "Key evidence from the client audit arrives late.",
            vault.officer.name,
            approver=_HR_LEAD,
            approver_role=Role.HR_LEAD,
            extra_business_days=5,
        )
    if len(others) > 2:
        esc.request_exception(
            others[2].id,
            ExceptionKind.DEVIATION,
            "Employee asked for the formal meeting to be held remotely.",
            vault.officer.name,
        )
    esc.refresh_all_schedules()
