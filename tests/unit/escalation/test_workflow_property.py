"""Property: no sequence of actions moves a case into a stage without the required approvals
and records.

The oracle below restates the policy's rules independently of `app.domain.escalation.workflow`: it
reads
the policy data and the facts directly. Random sequences of actions (recording facts, signing
off, approving skips, attempting moves by random people in random roles) are played against
the pure rules and, with fewer examples, against the real service and vault.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from app.domain.escalation.escalation_records import (
    Approval,
    ApprovalKind,
    ApprovalStatus,
    CaseException,
    ExceptionKind,
    ExceptionStatus,
)
from app.domain.escalation.policy import STAGE_KEYS, load_policy
from app.domain.escalation.workflow import check_move
from app.domain.records import (
    Case,
    Conversation,
    ConversationKind,
    Decision,
    Role,
    RootCause,
    Track,
)
from app.resource_paths import resource_path
from app.vault.errors import IntegrityError

POLICY = load_policy(resource_path("policy", "default.toml").read_text("utf-8"), "default.toml")
PEOPLE = ["Ana", "Ben", "Chen"]
NOW = datetime(2026, 3, 16, 9, tzinfo=UTC)

# What each requirement needs, restated from the policy file's comments.
ORACLE = {
    "conversation": lambda f: f["conversations"] >= 1,
    "conversation_with_root_causes": lambda f: f["conversations_with_root_causes"] >= 1,
    "check_in": lambda f: f["check_ins"] >= 1,
    "formal_meeting": lambda f: f["formal_meetings"] >= 1,
    "indicator": lambda f: f["indicators"] >= 1,
    "observation": lambda f: f["observations"] >= 1,
    "decision": lambda f: f["decisions"] >= 1,
    "observer_present": lambda f: f["formal_meetings_without_observer"] == 0,
    "coaching_plan": lambda f: bool(f["coaching_plan"]),
    "review_held": lambda f: bool(f["review_held"]),
}
FRESH = {
    "conversations": 0,
    "conversations_with_root_causes": 0,
    "check_ins": 0,
    "formal_meetings": 0,
    "formal_meetings_without_observer": 0,
    "decisions": 0,
    "coaching_plan": False,
    "review_held": False,
}


def oracle_allows(case, to, role, actor, facts, approvals, exceptions) -> bool:
    here = STAGE_KEYS.index(case.stage)
    there = STAGE_KEYS.index(to)
    if there == here:
        return False
    if there < here:
        b = POLICY.backward
        rights, reviews, approves, reqs = b.initiate, b.review, b.approve, b.requires
        skipped = []
    else:
        s = POLICY.stage(to)
        rights, reviews, approves = s.initiate, s.review, s.approve
        reqs = POLICY.stage(case.stage).requires + POLICY.track(case.track).extra_requires
        skipped = STAGE_KEYS[here + 1 : there]
    if role not in rights:
        return False
    if not all(ORACLE[r](facts) for r in reqs):
        return False
    for stage in skipped:
        if not any(
            e.kind is ExceptionKind.SKIP
            and e.status is ExceptionStatus.APPROVED
            and e.skip_stage == stage
            for e in exceptions
        ):
            return False
    for wanted, kind in [(r, ApprovalKind.REVIEW) for r in reviews] + [
        (r, ApprovalKind.APPROVE) for r in approves
    ]:
        if not any(
            a.status is ApprovalStatus.GRANTED
            and a.role is wanted
            and a.kind is kind
            and a.from_stage == case.stage
            and a.to_stage == to
            and a.person.casefold() != actor.casefold()
            for a in approvals
        ):
            return False
    return True


stages = st.sampled_from(STAGE_KEYS)
roles = st.sampled_from(list(Role))
people = st.sampled_from(PEOPLE)
fact_keys = st.sampled_from(sorted(FRESH) + ["indicators", "observations"])
actions = st.one_of(
    st.tuples(st.just("fact"), fact_keys, st.integers(0, 2)),
    st.tuples(st.just("signoff"), stages, roles, st.sampled_from(list(ApprovalKind)), people),
    st.tuples(st.just("skip"), stages),
    st.tuples(st.just("move"), stages, roles, people),
    st.tuples(st.just("signoff_next"), people),
    st.tuples(st.just("move_next"), roles, people),
    st.tuples(st.just("all_facts")),
)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(list(Track)), st.lists(actions, max_size=40))
def test_pure_rules_match_the_oracle(track, plan):
    start = POLICY.track(track).start_stages[-1]
    case = Case(
        reference="C-2026-0001",
        employee_id=1,
        owner_id=1,
        track=track,
        stage=start,
        opened_on=date(2026, 1, 5),
        id=1,
    )
    facts = {**FRESH, "indicators": 0, "observations": 0}
    approvals: list[Approval] = []
    exceptions: list[CaseException] = []
    for action in plan:
        if action[0] == "fact":
            _, key, n = action
            facts[key] = bool(n) if isinstance(FRESH.get(key), bool) else n
        elif action[0] == "signoff":
            _, to, role, kind, person = action
            approvals.append(
                Approval(
                    case_id=1,
                    from_stage=case.stage,
                    to_stage=to,
                    role=role,
                    kind=kind,
                    status=ApprovalStatus.GRANTED,
                    requested_at=NOW,
                    person=person,
                    decided_at=NOW,
                )
            )
        elif action[0] == "skip":
            exceptions.append(
                CaseException(
                    case_id=1,
                    kind=ExceptionKind.SKIP,
                    reason="r",
                    requested_by="x",
                    requested_on=date(2026, 2, 2),
                    stage=case.stage,
                    approver="y",
                    approver_role=Role.HR_LEAD,
                    status=ExceptionStatus.APPROVED,
                    skip_stage=action[1],
                )
            )
        elif action[0] == "signoff_next":
            to = POLICY.next_stage(case.stage)
            if to is not None:
                stage = POLICY.stage(to)
                approvals += [
                    Approval(
                        case_id=1,
                        from_stage=case.stage,
                        to_stage=to,
                        role=r,
                        kind=k,
                        status=ApprovalStatus.GRANTED,
                        requested_at=NOW,
                        person=action[1],
                        decided_at=NOW,
                    )
                    for rs, k in (
                        (stage.review, ApprovalKind.REVIEW),
                        (stage.approve, ApprovalKind.APPROVE),
                    )
                    for r in rs
                ]
        elif action[0] == "all_facts":
            facts.update({k: (True if isinstance(v, bool) else 1) for k, v in FRESH.items()})
            facts.update(indicators=1, formal_meetings_without_observer=0)
        else:
            if action[0] == "move_next":
                _, role, actor = action
                to = POLICY.next_stage(case.stage) or case.stage
            else:
                _, to, role, actor = action
            check = check_move(
                POLICY,
                case,
                to,
                actor=actor,
                role=role,
                facts=facts,
                approvals=approvals,
                exceptions=exceptions,
            )
            expected = oracle_allows(case, to, role, actor, facts, approvals, exceptions)
            assert check.allowed == expected, (case.stage, to, role, actor, check.missing)
            assert check.allowed == (not check.missing)
            event("a move was allowed" if check.allowed else "a move was refused")
            if check.allowed:
                case = replace(case, stage=to)
                facts.update(FRESH)  # stage-scoped records start again in the new stage
                approvals = [replace(a, status=ApprovalStatus.LAPSED) for a in approvals]


# -- through the real service and vault --------------------------------------------------------

service_actions = st.one_of(
    st.tuples(st.just("talk"), st.booleans(), st.sampled_from(list(ConversationKind))),
    st.tuples(st.just("decide")),
    st.tuples(st.just("approve"), stages, roles, people),
    st.tuples(st.just("approve_next"), people),  # every sign-off the next stage needs
    st.tuples(st.just("move"), stages, roles, people),
    st.tuples(st.just("move_next"), roles, people),
)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.sampled_from(list(Track)), st.lists(service_actions, min_size=5, max_size=25))
@example(
    Track.STANDARD,
    [
        ("talk", True, ConversationKind.INFORMAL),
        ("approve_next", "Ben"),
        ("move_next", Role.MANAGER, "Ben"),
        ("move_next", Role.MANAGER, "Ana"),
        ("move", "early_conversation", Role.HR_LEAD, "Chen"),
    ],
)
@example(
    Track.HIGH_STAKES,
    [
        ("talk", False, ConversationKind.FORMAL_CONCERN),
        ("decide",),
        ("approve_next", "Ana"),
        ("move_next", Role.HR_OFFICER, "Ana"),
        ("move_next", Role.HR_OFFICER, "Ben"),
        ("decide",),
    ],
)
def test_service_never_moves_without_signoffs_and_records(services, track, plan):
    from tests.factories import indicator, open_case

    number = f"E{abs(hash((track, tuple(map(str, plan))))) % 10**8}"
    case = open_case(
        services, number=number, track=track, stage=POLICY.track(track).start_stages[-1]
    )
    services.cases.add(indicator(case, services.clock.today() - timedelta(days=3)))
    for action in plan:
        case = services.cases.get(case.id)
        today = services.clock.today()
        try:
            if action[0] == "talk":
                _, causes, kind = action
                services.cases.add(
                    Conversation(
                        case_id=case.id,
                        held_on=today,
                        kind=kind,
                        summary="Talked.",
                        attendees=("Ana", "Sam (HR observer)"),
                        agreed_actions=("Act",),
                        root_causes=(RootCause.WORKLOAD,) if causes else (),
                    )
                )
            elif action[0] == "decide":
                services.cases.add(
                    Decision(
                        case_id=case.id,
                        decided_on=today,
                        decided_by="Ana",
                        role=Role.MANAGER,
                        summary="Decided.",
                    )
                )
            elif action[0] == "approve":
                _, to, role, person = action
                services.escalation.approve(case.id, to, person, role)
            elif action[0] == "approve_next":
                to = POLICY.next_stage(case.stage)
                if to is not None:
                    for role in (*POLICY.stage(to).review, *POLICY.stage(to).approve):
                        services.escalation.approve(case.id, to, action[1], role)
            else:
                if action[0] == "move_next":
                    _, role, actor = action
                    to = POLICY.next_stage(case.stage) or case.stage
                else:
                    _, to, role, actor = action
                before = case
                facts = services.escalation.facts(case.id)
                granted = [
                    a
                    for a in services.escalation.approvals(case.id)
                    if a.status is ApprovalStatus.GRANTED
                ]
                exceptions = services.escalation.exceptions(case.id)
                expected = oracle_allows(before, to, role, actor, facts, granted, exceptions)
                try:
                    change = services.escalation.advance(case.id, to, actor, role, "Because.")
                except IntegrityError:
                    assert not expected
                    assert services.cases.get(case.id).stage == before.stage
                    continue
                assert expected, (before.stage, to, role, actor)
                event("the service moved a case")
                used = [
                    a
                    for a in services.escalation.approvals(case.id)
                    if a.stage_change_id == change.id
                ]
                assert all(a.status is ApprovalStatus.USED for a in used)
                assert all(a.person.casefold() != actor.casefold() for a in used)
                assert services.cases.get(case.id).stage == to
        except IntegrityError:
            continue  # a refused sign-off (e.g. a role with no say) changes nothing
        finally:
            services.clock.advance(days=1)
    assert services.vault.verify().ok
