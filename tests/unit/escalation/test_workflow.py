"""Decision rights, required records, sign-offs, skipping, de-escalation, closing, starting."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from app.domain.escalation.escalation_records import (
    Approval,
    ApprovalKind,
    ApprovalStatus,
    CaseException,
    ExceptionKind,
    ExceptionStatus,
)
from app.domain.escalation.policy import STAGE_KEYS, load_policy
from app.domain.escalation.workflow import (
    check_close,
    check_exception_approver,
    check_move,
    check_start,
    close_target,
)
from app.domain.records import Case, CaseStatus, Outcome, Role, Track
from app.resource_paths import resource_path

POLICY = load_policy(resource_path("policy", "default.toml").read_text("utf-8"), "default.toml")
S, M, HO, HL, ES = (
    Role.SUPERVISOR,
    Role.MANAGER,
    Role.HR_OFFICER,
    Role.HR_LEAD,
    Role.EXECUTIVE_SPONSOR,
)
NOW = datetime(2026, 3, 16, 9, tzinfo=UTC)

# The decision rights of the default policy, written out by hand so a change to the file
# that breaks them fails here.
INITIATE = {
    "coaching": {S, M},
    "formal_concern": {M, HO},
    "improvement_plan": {M, HO},
    "formal_review": {M, HO},
    "outcome": {HO, HL},
}
REVIEW = {
    "coaching": [HO],
    "formal_concern": [HO],
    "improvement_plan": [],
    "formal_review": [M],
    "outcome": [M],
}
APPROVE = {
    "coaching": [],
    "formal_concern": [HL],
    "improvement_plan": [HL],
    "formal_review": [HL],
    "outcome": [HL],
}

ALL_FACTS = {
    "conversations": 2,
    "conversations_with_root_causes": 1,
    "check_ins": 1,
    "formal_meetings": 1,
    "formal_meetings_without_observer": 0,
    "indicators": 3,
    "observations": 1,
    "decisions": 1,
    "coaching_plan": True,
    "review_held": True,
}
NO_FACTS = {k: (False if isinstance(v, bool) else 0) for k, v in ALL_FACTS.items()}


def case(stage: str = "early_conversation", track: Track = Track.STANDARD, **kw) -> Case:
    return Case(
        reference="C-2026-0001",
        employee_id=1,
        owner_id=1,
        track=track,
        stage=stage,
        opened_on=date(2026, 2, 2),
        stage_entered_on=date(2026, 3, 2),
        id=7,
        **kw,
    )


def signoff(
    frm: str,
    to: str,
    role: Role,
    kind: ApprovalKind,
    person: str = "Priya Shah",
    status: ApprovalStatus = ApprovalStatus.GRANTED,
) -> Approval:
    return Approval(
        case_id=7,
        from_stage=frm,
        to_stage=to,
        role=role,
        kind=kind,
        status=status,
        requested_at=NOW,
        person=person,
        decided_at=NOW,
    )


def all_signoffs(frm: str, to: str, person: str = "Someone Else") -> list[Approval]:
    return [signoff(frm, to, r, ApprovalKind.REVIEW, person) for r in REVIEW[to]] + [
        signoff(frm, to, r, ApprovalKind.APPROVE, person) for r in APPROVE[to]
    ]


def move(
    c: Case,
    to: str,
    role: Role,
    actor: str = "Ola Manager",
    facts=None,
    approvals=(),
    exceptions=(),
):
    return check_move(
        POLICY,
        c,
        to,
        actor=actor,
        role=role,
        facts=ALL_FACTS if facts is None else facts,
        approvals=approvals,
        exceptions=exceptions,
    )


STEPS = list(zip(STAGE_KEYS, STAGE_KEYS[1:], strict=False))


@pytest.mark.parametrize(("frm", "to"), STEPS)
@pytest.mark.parametrize("role", list(Role))
def test_who_may_initiate_each_move(frm, to, role):
    check = move(case(frm), to, role, approvals=all_signoffs(frm, to))
    assert check.may_initiate == (role in INITIATE[to])
    assert check.allowed == (role in INITIATE[to])
    if role not in INITIATE[to]:
        assert any(
            m.endswith(
                f"may not move a case into {POLICY.stage_name(to)} "
                f"(allowed: {', '.join(r.label for r in POLICY.stage(to).initiate)})"
            )
            for m in check.missing
        ), check.missing


@pytest.mark.parametrize(("frm", "to"), STEPS)
def test_each_required_signoff_is_needed(frm, to):
    role = sorted(INITIATE[to], key=list(Role).index)[0]
    needed = all_signoffs(frm, to)
    assert move(case(frm), to, role, approvals=needed).allowed
    assert move(case(frm), to, role).required_approvals == APPROVE[to]
    assert move(case(frm), to, role).required_reviews == REVIEW[to]
    for i, missing in enumerate(needed):
        rest = needed[:i] + needed[i + 1 :]
        check = move(case(frm), to, role, approvals=rest)
        assert not check.allowed
        verb = "approval" if missing.kind is ApprovalKind.APPROVE else "review"
        assert check.missing == [f"{verb} by the {missing.role.label}"]
        assert check.missing_signoffs == [(missing.role, missing.kind)]
        assert check.waits_only_for_signoffs


def test_nobody_signs_off_their_own_move():
    approvals = all_signoffs("coaching", "formal_concern", person="Ola Manager")
    check = move(case("coaching"), "formal_concern", M, actor="ola manager ", approvals=approvals)
    assert not check.allowed
    assert (
        "approval by the HR lead from someone other than ola manager "
        "(nobody signs off their own move)" in check.missing
    )


@pytest.mark.parametrize(
    "stale",
    [
        {"from_stage": "early_conversation"},  # given for a different starting stage
        {"to_stage": "improvement_plan"},  # for a different target
        {"status": ApprovalStatus.PENDING},
        {"status": ApprovalStatus.DECLINED},
        {"status": ApprovalStatus.USED},
        {"status": ApprovalStatus.LAPSED},
        {"role": Role.EXECUTIVE_SPONSOR},  # the wrong role
        {"kind": ApprovalKind.REVIEW},  # a review is not an approval
    ],
)
def test_only_granted_signoffs_of_this_very_move_count(stale):
    good = all_signoffs("coaching", "formal_concern")
    hr_lead = next(a for a in good if a.role is HL)
    approvals = [a for a in good if a is not hr_lead] + [replace(hr_lead, **stale)]
    check = move(case("coaching"), "formal_concern", M, approvals=approvals)
    assert "approval by the HR lead" in check.missing


@pytest.mark.parametrize(("frm", "to"), STEPS)
def test_records_required_before_leaving(frm, to):
    role = sorted(INITIATE[to], key=list(Role).index)[0]
    check = move(case(frm), to, role, facts=NO_FACTS, approvals=all_signoffs(frm, to))
    required = POLICY.stage(frm).requires
    assert required, "every stage of the default path requires some record"
    assert not check.allowed
    assert len(check.missing) == len(required)
    assert all(m.startswith(f"before leaving {POLICY.stage_name(frm)}: ") for m in check.missing)


def test_missing_records_are_said_plainly():
    check = move(
        case(),
        "coaching",
        M,
        facts=NO_FACTS,
        approvals=all_signoffs("early_conversation", "coaching"),
    )
    assert check.missing == [
        "before leaving Early conversation: a documented conversation with root causes in this "
        "stage (no such conversation on record yet)",
        "before leaving Early conversation: at least one recorded indicator on the case "
        "(no indicator on record yet)",
    ]
    assert str(check).splitlines()[0] == "The case cannot move to coaching yet:"


def test_requirement_without_facts_yet_says_it_cannot_be_recorded():
    facts = {k: v for k, v in ALL_FACTS.items() if k != "coaching_plan"}
    check = move(
        case("coaching"),
        "formal_concern",
        M,
        facts=facts,
        approvals=all_signoffs("coaching", "formal_concern"),
    )
    assert check.missing == [
        "not possible yet: a coaching plan with at least one objective and "
        "a date (this version of Casepath cannot record it yet)"
    ]
    assert not check.waits_only_for_signoffs


def test_high_stakes_needs_an_observer_at_every_formal_meeting():
    hs = case("formal_concern", Track.HIGH_STAKES)
    approvals = all_signoffs("formal_concern", "improvement_plan")
    facts = {**ALL_FACTS, "formal_meetings": 2, "formal_meetings_without_observer": 1}
    check = move(hs, "improvement_plan", HO, facts=facts, approvals=approvals)
    assert check.missing == [
        "before leaving Formal concern: a neutral HR observer at every "
        "formal meeting in this stage (1 of 2 formal meetings had none)"
    ]
    # The same facts on the standard track are fine.
    assert move(
        case("formal_concern"), "improvement_plan", HO, facts=facts, approvals=approvals
    ).allowed
    assert move(hs, "improvement_plan", HO, approvals=approvals).allowed


def test_skipping_needs_an_approved_skip_for_every_stage_passed_over():
    c = case("early_conversation")
    approvals = all_signoffs("early_conversation", "improvement_plan")
    check = move(c, "improvement_plan", M, approvals=approvals)
    assert check.skipped == ["coaching", "formal_concern"]
    assert "an approved exception to skip Coaching" in check.missing
    assert "an approved exception to skip Formal concern" in check.missing

    def skip(stage, status=ExceptionStatus.APPROVED, requested_on=date(2026, 3, 5)):
        return CaseException(
            case_id=7,
            kind=ExceptionKind.SKIP,
            reason="r",
            requested_by="a",
            requested_on=requested_on,
            stage="early_conversation",
            approver="Priya",
            approver_role=HL,
            status=status,
            skip_stage=stage,
        )

    pending = skip("formal_concern", ExceptionStatus.REQUESTED)
    only_one = move(
        c, "improvement_plan", M, approvals=approvals, exceptions=[skip("coaching"), pending]
    )
    assert only_one.missing == ["an approved exception to skip Formal concern"]
    both = move(
        c,
        "improvement_plan",
        M,
        approvals=approvals,
        exceptions=[skip("coaching"), skip("formal_concern")],
    )
    assert both.allowed, both.missing
    # A skip granted during an earlier stay in this stage (the case went back and returned
    # on 2 March) was used up by that stay: it does not open the way again.
    stale = move(
        c,
        "improvement_plan",
        M,
        approvals=approvals,
        exceptions=[skip("coaching", requested_on=date(2026, 2, 20)), skip("formal_concern")],
    )
    assert stale.missing == ["an approved exception to skip Coaching"]


@pytest.mark.parametrize("role", list(Role))
def test_moving_back_uses_the_backward_rights(role):
    c = case("improvement_plan")
    check = move(c, "coaching", role, facts=NO_FACTS)
    expected = role in (M, HO, HL)
    assert check.direction == "backward"
    assert check.allowed == expected
    if not expected:
        assert check.missing == [
            f"{'an' if role.label[0] in 'AEIOUH' else 'a'} {role.label} "
            "may not move a case back to Coaching (allowed: Manager, "
            "HR officer, HR lead)"
        ]


def test_nothing_moves_a_closed_case_or_to_nowhere():
    closed = case("outcome", status=CaseStatus.CLOSED, closed_on=date(2026, 3, 10))
    assert move(closed, "formal_review", HL).missing == ["case C-2026-0001 is closed"]
    assert not move(case(), "early_conversation", M).allowed
    assert "is not a stage" in move(case(), "tribunal", M).missing[0]


def test_closing_needs_the_outcome_approvals():
    c = case("outcome")
    check = check_close(
        POLICY, c, Outcome.SUCCESSION_OR_EXIT, actor="Hana", role=HO, facts=ALL_FACTS
    )
    assert check.missing == ["approval by the HR lead", "approval by the Executive sponsor"]
    target = close_target(Outcome.SUCCESSION_OR_EXIT)
    approvals = [
        signoff("outcome", target, HL, ApprovalKind.APPROVE),
        signoff("outcome", target, ES, ApprovalKind.APPROVE, "Dana"),
    ]
    assert check_close(
        POLICY,
        c,
        Outcome.SUCCESSION_OR_EXIT,
        actor="Hana",
        role=HO,
        facts=ALL_FACTS,
        approvals=approvals,
    ).allowed
    assert check_close(POLICY, c, Outcome.IMPROVED, actor="Hana", role=HO, facts=ALL_FACTS).allowed
    early = check_close(
        POLICY, case("formal_review"), Outcome.IMPROVED, actor="Hana", role=HO, facts=ALL_FACTS
    )
    assert early.missing == ["a case closes from Outcome; it is at Formal review"]
    assert (
        "may not close"
        in check_close(POLICY, c, Outcome.IMPROVED, actor="x", role=S, facts=ALL_FACTS).missing[0]
    )


def test_where_a_case_may_start():
    assert check_start(POLICY, Track.STANDARD, "early_conversation") == []
    assert check_start(POLICY, Track.HIGH_STAKES, "formal_concern") == []
    assert check_start(POLICY, Track.STANDARD, "formal_concern") == [
        "a standard case cannot start at Formal concern (it may start at: Early conversation)"
    ]
    assert check_start(POLICY, Track.HIGH_STAKES, "coaching")


@pytest.mark.parametrize(
    ("kind", "allowed"),
    [
        (ExceptionKind.EXTEND, {HL}),
        (ExceptionKind.PAUSE, {HO, HL}),
        (ExceptionKind.SKIP, {HL}),
        (ExceptionKind.DEVIATION, {HL, ES}),
    ],
)
@pytest.mark.parametrize("role", list(Role))
def test_who_may_approve_exceptions(kind, allowed, role):
    assert (check_exception_approver(POLICY, kind, role) is None) == (role in allowed)
