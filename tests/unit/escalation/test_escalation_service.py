"""The escalation service as an officer uses it: policy versions, moves, sign-offs, exceptions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.domain.escalation.escalation_records import ApprovalKind, ApprovalStatus, ExceptionKind
from app.domain.escalation.flags import Flag
from app.domain.escalation.policy import PolicyError
from app.domain.records import (
    ConversationKind,
    Decision,
    Officer,
    Outcome,
    Role,
    RootCause,
    Track,
)
from app.domain.validation import InvalidRecord
from app.resource_paths import resource_path
from app.services.cases import escalation_service
from app.services.cases.escalation_service import EscalationRefused, MoveRefused
from app.services.services import open_vault
from app.vault import migrations
from app.vault.audit import audit_log
from app.vault.connection import Connection
from app.vault.repositories.case_repository import CaseQuery
from tests.factories import conversation, employee, indicator, open_case

DEFAULT = resource_path("policy", "default.toml").read_text("utf-8")
TODAY = date(2026, 3, 16)


def ready_to_leave_early_conversation(services, case):
    services.cases.add(conversation(case, TODAY - timedelta(days=1)))
    services.cases.add(indicator(case, TODAY - timedelta(days=2)))


def decision(case, on=TODAY, role=Role.MANAGER):
    return Decision(
        case_id=case.id,
        decided_on=on,
        decided_by="Ola Nordmann",
        role=role,
        summary="Proceed as agreed.",
    )


def test_new_vault_carries_the_default_policy(services):
    versions = services.escalation.policy_versions()
    assert len(versions) == 1 and versions[0].source == DEFAULT
    assert [e.action for e in services.vault.audit_events("policy")] == ["policy.import"]
    case = open_case(services)
    assert case.policy_id == versions[0].id
    assert services.escalation.policy_for(case).name == "Casepath default escalation path"


def test_case_must_name_a_stage_of_the_policy(services):
    with pytest.raises(InvalidRecord, match="'tribunal' is not a stage"):
        open_case(services, stage="tribunal")
    assert services.escalation.check_start(Track.STANDARD, "formal_concern")
    assert services.escalation.check_start(Track.HIGH_STAKES, "formal_concern") == []
    assert services.escalation.start_stages(Track.HIGH_STAKES) == (
        "early_conversation",
        "formal_concern",
    )


def test_a_move_waits_for_signoff_then_happens(services, clock):
    esc = services.escalation
    case = open_case(services, opened_on=TODAY - timedelta(days=7))
    ready_to_leave_early_conversation(services, case)
    with pytest.raises(MoveRefused) as refused:
        esc.advance(case.id, "coaching", "Ola Nordmann", Role.MANAGER, "Targets still missed.")
    assert refused.value.check.missing == ["review by the HR officer"]
    assert refused.value.requested == ["HR officer (review)"]
    assert "Sign-off was requested from: HR officer (review)" in str(refused.value)
    pending = esc.pending_approvals(case.id)
    assert [(a.role, a.kind, a.requested_by) for a in pending] == [
        (Role.HR_OFFICER, ApprovalKind.REVIEW, "Ola Nordmann")
    ]
    assert Flag.AWAITING_APPROVAL in esc.deadline(case.id).flags
    assert services.cases.get(case.id).stage == "early_conversation"

    with pytest.raises(EscalationRefused, match="cannot also sign it off"):
        esc.approve(case.id, "coaching", "Ola Nordmann", Role.HR_OFFICER)
    with pytest.raises(EscalationRefused, match="An HR lead has no sign-off"):
        esc.approve(case.id, "coaching", "Priya Shah", Role.HR_LEAD)
    granted = esc.approve(case.id, "coaching", "Tomasz Nowak", Role.HR_OFFICER, "Agreed.")
    assert granted.status is ApprovalStatus.GRANTED and granted.id == pending[0].id
    assert Flag.AWAITING_APPROVAL not in esc.deadline(case.id).flags

    clock.advance(days=1)
    change = esc.advance(case.id, "coaching", "Ola Nordmann", Role.MANAGER, "Targets still missed.")
    moved = services.cases.get(case.id)
    assert (moved.stage, moved.stage_entered_on) == ("coaching", TODAY + timedelta(days=1))
    assert change.from_stage == "early_conversation" and change.to_stage == "coaching"
    assert change.approvals == ("HR officer Tomasz Nowak reviewed on 16 Mar 2026",)
    assert services.cases.stage_changes(case.id) == [change]
    assert [a.status for a in esc.approvals(case.id)] == [ApprovalStatus.USED]
    assert esc.approvals(case.id)[0].stage_change_id == change.id
    actions = [e.action for e in services.vault.audit_events()]
    assert "case.stage_change" in actions and "approval.grant" in actions
    # The stored deadline follows the new stage: a check-in 10 business days later (coaching).
    assert services.cases.rows(CaseQuery())[0].next_due_on == date(2026, 3, 31)
    assert services.vault.verify().ok


def test_refusal_lists_every_missing_item(services):
    case = open_case(services)
    with pytest.raises(MoveRefused) as refused:
        services.escalation.advance(case.id, "formal_concern", "Sam", Role.SUPERVISOR, " ")
    text = str(refused.value)
    for item in [
        "a Supervisor may not move a case into Formal concern (allowed: Manager, HR officer)",
        "an approved exception to skip Coaching",
        "a documented conversation with root causes in this stage",
        "at least one recorded indicator on the case",
        "review by the HR officer",
        "approval by the HR lead",
        "a reason for the move",
    ]:
        assert item in text
    assert refused.value.requested == []  # not only sign-offs missing: nothing requested
    assert services.escalation.pending_approvals(case.id) == []


def test_moving_back_is_recorded_the_same_way(services, clock):
    case = open_case(services)
    ready_to_leave_early_conversation(services, case)
    services.escalation.approve(case.id, "coaching", "Tomasz Nowak", Role.HR_OFFICER)
    services.escalation.advance(case.id, "coaching", "Ola", Role.MANAGER, "Escalate.")
    with pytest.raises(MoveRefused, match="a Supervisor may not move a case back"):
        services.escalation.advance(case.id, "early_conversation", "Sam", Role.SUPERVISOR, "x")
    back = services.escalation.advance(
        case.id, "early_conversation", "Ola", Role.MANAGER, "Clear improvement over three weeks."
    )
    assert (back.from_stage, back.to_stage) == ("coaching", "early_conversation")
    assert services.cases.get(case.id).stage == "early_conversation"
    assert len(services.cases.stage_changes(case.id)) == 2


def test_skipping_a_stage_needs_an_approved_skip(services):
    esc = services.escalation
    case = open_case(services)
    ready_to_leave_early_conversation(services, case)
    with pytest.raises(InvalidRecord, match="HR officer may not approve a skipped stage"):
        esc.request_exception(
            case.id,
            ExceptionKind.SKIP,
            "Repeat of last year's case.",
            "Hana Officer",
            approver="Tomasz",
            approver_role=Role.HR_OFFICER,
            skip_stage="coaching",
        )
    with pytest.raises(InvalidRecord, match="Only a stage after the current one"):
        esc.request_exception(
            case.id,
            ExceptionKind.SKIP,
            "r",
            "Hana Officer",
            approver="Priya",
            approver_role=Role.HR_LEAD,
            skip_stage="early_conversation",
        )
    esc.request_exception(
        case.id,
        ExceptionKind.SKIP,
        "Repeat of last year's case.",
        "Hana Officer",
        approver="Priya Shah",
        approver_role=Role.HR_LEAD,
        skip_stage="coaching",
    )
    esc.approve(case.id, "formal_concern", "Tomasz Nowak", Role.HR_OFFICER)
    esc.approve(case.id, "formal_concern", "Priya Shah", Role.HR_LEAD)
    change = esc.advance(case.id, "formal_concern", "Ola", Role.MANAGER, "Same gap as 2025.")
    assert change.to_stage == "formal_concern"
    assert len(change.approvals) == 2


def test_exceptions_extend_and_pause_the_clock(services, clock):
    esc = services.escalation
    case = open_case(services, opened_on=TODAY)
    stage_due = next(d.due_on for d in esc.deadlines(case.id) if d.kind.value == "stage")
    assert stage_due == date(2026, 3, 30)
    with pytest.raises(InvalidRecord) as bad:
        esc.request_exception(
            case.id,
            ExceptionKind.EXTEND,
            "More time.",
            "Hana Officer",
            approver="Ola",
            approver_role=Role.MANAGER,
            extra_business_days=40,
        )
    assert {p.field for p in bad.value.report.errors} == {"approver_role", "extra_business_days"}
    with pytest.raises(InvalidRecord, match="A pause needs its first and last day"):
        esc.request_exception(case.id, ExceptionKind.PAUSE, "Leave.", "Hana Officer")
    with pytest.raises(InvalidRecord, match="Someone other than the requester"):
        esc.request_exception(
            case.id,
            ExceptionKind.EXTEND,
            "x",
            "Priya",
            approver="priya",
            approver_role=Role.HR_LEAD,
            extra_business_days=1,
        )
    esc.request_exception(
        case.id,
        ExceptionKind.EXTEND,
        "Evidence arrives late.",
        "Hana Officer",
        approver="Priya Shah",
        approver_role=Role.HR_LEAD,
        extra_business_days=3,
    )
    esc.request_exception(
        case.id,
        ExceptionKind.PAUSE,
        "Leave of absence.",
        "Hana Officer",
        approver="Tomasz Nowak",
        approver_role=Role.HR_OFFICER,
        starts_on=date(2026, 3, 23),
        ends_on=date(2026, 3, 27),
    )
    stage_due = next(d.due_on for d in esc.deadlines(case.id) if d.kind.value == "stage")
    assert stage_due == date(2026, 4, 13)  # 10 + 3 business days, a paused week, Easter
    assert [e.kind for e in esc.exceptions(case.id)] == [ExceptionKind.EXTEND, ExceptionKind.PAUSE]
    assert esc.pauses(case.id)[0].starts_on == date(2026, 3, 23)
    # Exception reasons are searchable like the rest of the case.
    assert [r.id for r in services.cases.rows(CaseQuery(search="leave of absence"))] == [case.id]


def test_pending_exception_awaits_approval_until_decided(services):
    esc = services.escalation
    case = open_case(services)
    exc = esc.request_exception(
        case.id, ExceptionKind.DEVIATION, "Remote meeting requested.", "Hana Officer"
    )
    assert Flag.AWAITING_APPROVAL in esc.deadline(case.id).flags
    with pytest.raises(InvalidRecord, match="may not approve"):
        esc.decide_exception(exc.id, "Ola", Role.MANAGER)
    decided = esc.decide_exception(exc.id, "Dana Whitfield", Role.EXECUTIVE_SPONSOR)
    assert decided.approved and decided.decided_on == TODAY
    assert Flag.AWAITING_APPROVAL not in esc.deadline(case.id).flags
    with pytest.raises(EscalationRefused, match="already approved"):
        esc.decide_exception(exc.id, "Dana Whitfield", Role.EXECUTIVE_SPONSOR)


def test_requirement_nobody_can_record_yet_is_said_plainly(services, monkeypatch):
    monkeypatch.setattr(escalation_service, "FACT_SOURCES", [])
    case = open_case(services)
    ready_to_leave_early_conversation(services, case)
    services.escalation.approve(case.id, "coaching", "Tomasz", Role.HR_OFFICER)
    services.escalation.advance(case.id, "coaching", "Ola", Role.MANAGER, "Escalate.")
    check = services.escalation.check_move(case.id, "formal_concern", Role.MANAGER, "Ola")
    assert (
        "not possible yet: a coaching plan with at least one objective and a date "
        "(this version of Casepath cannot record it yet)"
    ) in check.missing


def test_high_stakes_formal_meeting_needs_an_observer(services):
    esc = services.escalation
    case = open_case(services, stage="formal_concern", track=Track.HIGH_STAKES)
    services.cases.add(
        conversation(
            case,
            TODAY,
            kind=ConversationKind.FORMAL_CONCERN,
            attendees=("Zoë Ångström", "Ola Nordmann"),
            agreed_actions=("Daily checklist",),
        )
    )
    services.cases.add(decision(case))
    facts = esc.facts(case.id)
    assert facts["formal_meetings"] == 1 and facts["formal_meetings_without_observer"] == 1
    check = esc.check_move(case.id, "improvement_plan", Role.HR_OFFICER, "Hana Officer")
    assert any("neutral HR observer" in m for m in check.missing)
    services.cases.add(
        conversation(
            case,
            TODAY,
            kind=ConversationKind.FORMAL_CONCERN,
            attendees=("Zoë", "Sam Lee (HR observer)"),
            agreed_actions=("Daily checklist",),
            root_causes=(RootCause.TOOLS,),
        )
    )
    assert esc.facts(case.id)["formal_meetings_without_observer"] == 1  # the first still lacks one


def test_closing_a_case(services):
    esc = services.escalation
    case = open_case(services, stage="outcome")
    services.cases.add(decision(case, role=Role.HR_LEAD))
    with pytest.raises(MoveRefused) as refused:
        esc.close(
            case.id, Outcome.SUCCESSION_OR_EXIT, "Hana Officer", Role.HR_OFFICER, "Agreed exit."
        )
    assert refused.value.check.missing == [
        "approval by the HR lead",
        "approval by the Executive sponsor",
    ]
    esc.approve(case.id, "closed:succession_or_exit", "Priya Shah", Role.HR_LEAD)
    esc.approve(case.id, "closed:succession_or_exit", "Dana Whitfield", Role.EXECUTIVE_SPONSOR)
    esc.close(case.id, Outcome.SUCCESSION_OR_EXIT, "Hana Officer", Role.HR_OFFICER, "Agreed exit.")
    closed = services.cases.get(case.id)
    assert closed.status.value == "closed" and closed.outcome is Outcome.SUCCESSION_OR_EXIT
    assert esc.deadline(case.id) == (None, None, frozenset())


def test_import_policy_versions_and_old_cases_keep_theirs(services, tmp_path):
    esc = services.escalation
    old_case = open_case(services)
    bad = tmp_path / "broken.toml"
    bad.write_text(
        DEFAULT.replace(
            'initiate = ["supervisor", "manager"]', 'initiate = ["supervisor", "overlord"]'
        ),
        "utf-8",
    )
    with pytest.raises(
        PolicyError,
        match=r"broken\.toml: stages\.coaching\.initiate: "
        r"'overlord' is not a role",
    ):
        esc.import_policy(bad)
    with pytest.raises(PolicyError, match="cannot be read"):
        esc.import_policy(tmp_path / "missing.toml")
    assert len(esc.policy_versions()) == 1
    good = tmp_path / "faster.toml"
    good.write_text(
        DEFAULT.replace(
            "deadline_business_days = { standard = 10, high_stakes = 5 }",
            "deadline_business_days = { standard = 3, high_stakes = 2 }",
            1,
        ),
        "utf-8",
    )
    esc.import_policy(good)
    assert len(esc.policy_versions()) == 2
    new_case = open_case(services, number="E2002", name="Łukasz Żółć")
    assert esc.policy_for(old_case).stage("early_conversation").deadline_for(Track.STANDARD) == 10
    assert esc.policy_for(new_case).stage("early_conversation").deadline_for(Track.STANDARD) == 3
    assert new_case.policy_id == esc.current_policy_id() != old_case.policy_id


def test_vault_upgraded_from_version_1_gets_the_default_policy(tmp_path, passphrase, clock):
    path = tmp_path / "old.casepath"
    conn = Connection.create(path, passphrase)
    migrations.upgrade(conn, passphrase, target=1)
    from app.vault.repositories.case_repository import CaseRepository
    from app.vault.repositories.people_repository import EmployeeRepository, OfficerRepository

    with conn.transaction():
        officer = OfficerRepository(conn).add(Officer(name="Hana Officer"))
        emp = EmployeeRepository(conn).add(employee())
        from app.domain.records import Case

        CaseRepository(conn).add(
            Case(
                reference="C-2025-0001",
                employee_id=emp.id,
                owner_id=officer.id,
                track=Track.STANDARD,
                stage="coaching",
                opened_on=date(2025, 11, 3),
            )
        )
        audit_log.append(conn, "Hana Officer", "vault.create", "vault", "", {})
    conn.close()

    services = open_vault(path, passphrase, clock)
    try:
        case = services.cases.by_reference("C-2025-0001")
        assert case.policy_id is None
        policy = services.escalation.policy_for(case)
        assert policy.stage_keys[1] == "coaching"
        assert services.cases.by_reference("C-2025-0001").policy_id == 1
        assert [e.action for e in services.vault.audit_events("policy")] == ["policy.import"]
        assert services.vault.verify().ok
    finally:
        services.close()
