"""A closed case is read-only: every service refuses to change it, with a message that says to
reopen it; reopening takes a reason and the approval the policy asks, and is audited."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from app.domain.attachments import AttachmentOwner
from app.domain.escalation.escalation_records import ExceptionKind
from app.domain.escalation.policy import load_policy
from app.domain.plans.reviews import Review
from app.domain.records import CaseStatus, Decision, Outcome, Role, Track
from app.domain.validation import InvalidRecord
from app.services.cases.escalation_service import default_policy_text
from app.services.cases.reopen_service import ReopenRefused
from app.vault.errors import VaultError
from tests.factories import conversation, indicator, observation, open_case
from tests.plan_factories import plan as make_plan

LEAD = ("Bea Lead", Role.HR_LEAD)


def _close(services, case):
    with services.vault.write() as w:
        services.vault.cases.update(
            replace(
                case,
                status=CaseStatus.CLOSED,
                closed_on=services.clock.today(),
                outcome=Outcome.IMPROVED,
            )
        )
        w.audit("case.update", "case", case.id, {})
    return services.cases.get(case.id)


@pytest.fixture
def closed(services):
    """A case with a record of each kind and a plan, then closed."""
    case = open_case(services, stage="improvement_plan")  # every record kind is listed there
    today = services.clock.today()
    records = [
        services.cases.add(conversation(case, today - timedelta(days=3))),
        services.cases.add(indicator(case, today - timedelta(days=3))),
        services.cases.add(observation(case, today - timedelta(days=2))),
    ]
    plan = services.plans.create(make_plan(case))
    return _close(services, case), records, plan


def _writes(services, case, records, plan):
    """Every way to change a case the window and the CLI offer, as (what, call)."""
    today = services.clock.today()
    conv, ind, obs = records
    review = Review(
        case_id=case.id,
        starts_at=datetime(2026, 3, 20, 10, 0),
        timezone="Europe/London",
        duration_minutes=45,
    )
    return [
        ("add a conversation", lambda: services.cases.add(conversation(case, today))),
        ("edit a conversation", lambda: services.cases.update(replace(conv, summary="New"))),
        ("edit an indicator", lambda: services.cases.update(replace(ind, actual=1.0))),
        ("edit an observation", lambda: services.cases.update(replace(obs, text="New"))),
        (
            "add a decision",
            lambda: services.cases.add(
                Decision(
                    case_id=case.id,
                    decided_on=today,
                    decided_by="X",
                    role=Role.HR_OFFICER,
                    summary="S",
                )  # fmt: skip
            ),
        ),
        ("edit the plan", lambda: services.plans.save(replace(plan, manager="Someone"))),
        ("schedule a review", lambda: services.reviews.schedule(review)),
        (
            "request an exception",
            lambda: services.escalation.request_exception(
                case.id,
                ExceptionKind.PAUSE,
                "Leave",
                "Hana Officer",
                starts_on=today,
                ends_on=today + timedelta(days=5),
            ),  # fmt: skip
        ),
        (
            "attach a file",
            lambda: services.attachments.add_bytes(
                AttachmentOwner.CONVERSATION, conv.id, "note.txt", b"text"
            ),
        ),
        (
            "change the track",
            lambda: services.tracks.change(
                case.id, Track.HIGH_STAKES, "Hana Officer", Role.HR_OFFICER, "x", *LEAD
            ),
        ),
        (
            "advance the stage",
            lambda: services.escalation.advance(
                case.id, "coaching", "Hana Officer", Role.HR_OFFICER, "x"
            ),
        ),
    ]


def test_every_write_to_a_closed_case_is_refused_and_nothing_is_written(services, closed):
    case, records, plan = closed
    before = services.vault.audit_head()
    for what, write in _writes(services, case, records, plan):
        with pytest.raises((VaultError, InvalidRecord)) as info:
            write()
        assert "closed" in str(info.value), (what, str(info.value))
        assert services.vault.audit_head() == before, what
    assert services.cases.conversations(case.id) == [records[0]]


def test_reopening_needs_a_reason_a_role_and_the_approval(services, closed):
    case, _records, _plan = closed
    reopen = services.reopening.reopen
    with pytest.raises(ReopenRefused, match="a reason for reopening"):
        reopen(case.id, "Hana Officer", Role.HR_OFFICER, "  ", *LEAD)
    with pytest.raises(ReopenRefused, match="the approval of the HR lead"):
        reopen(case.id, "Hana Officer", Role.HR_OFFICER, "Appeal upheld")
    with pytest.raises(ReopenRefused, match="someone other than Hana Officer"):
        reopen(case.id, "Hana Officer", Role.HR_OFFICER, "Appeal", "hana officer", Role.HR_LEAD)
    with pytest.raises(ReopenRefused, match="a role that may reopen a case"):
        reopen(case.id, "Ola Manager", Role.MANAGER, "Appeal", *LEAD)
    assert services.cases.get(case.id).status is CaseStatus.CLOSED
    opened = reopen(case.id, "Hana Officer", Role.HR_OFFICER, "Appeal upheld", *LEAD)
    assert opened.status is CaseStatus.OPEN and opened.closed_on is None
    assert opened.outcome is None
    events = services.vault.audit_events("case", case.id)
    assert events[-2].action == "case.reopen" or events[-1].action == "case.reopen"
    decision = services.cases.decisions(case.id)[-1]
    assert decision.summary == "Case reopened (it was closed as Improved and closed)"
    assert decision.rationale == "Appeal upheld Approved by Bea Lead (HR lead)."
    with pytest.raises(ReopenRefused, match="is open"):
        reopen(case.id, "Hana Officer", Role.HR_OFFICER, "Again", *LEAD)
    # Writable again, and the closed state stays readable in its history.
    services.cases.add(conversation(opened, services.clock.today()))
    states = services.history.record("cases", case.id).states
    assert [s.values["status"] for s in states] == ["open", "closed", "open"]
    assert services.vault.verify().ok


def test_the_policy_says_who_may_reopen_and_who_approves(services, closed):
    case, _r, _p = closed
    assert services.reopening.rules(case.id) == (
        (Role.HR_OFFICER, Role.HR_LEAD),
        (Role.HR_LEAD,),
    )
    text = default_policy_text().replace(
        '[reopen]\ninitiate = ["hr_officer", "hr_lead"]\napprove = ["hr_lead"]',
        '[reopen]\ninitiate = ["hr_lead"]\napprove = []',
    )
    policy = load_policy(text)
    assert policy.reopen_initiate == (Role.HR_LEAD,) and policy.reopen_approve == ()
    # A vault's policy from before [reopen] existed: the defaults apply.
    old = default_policy_text().replace(
        '[reopen]\ninitiate = ["hr_officer", "hr_lead"]\napprove = ["hr_lead"]', ""
    )
    assert "[reopen]" not in old
    assert load_policy(old).reopen_approve == (Role.HR_LEAD,)


def test_a_closed_date_is_kept_when_a_case_is_reopened(services, closed):
    case, _r, _p = closed
    services.reopening.reopen(case.id, "Hana Officer", Role.HR_OFFICER, "Appeal", *LEAD)
    first, closed_state, _now = services.history.record("cases", case.id).states
    assert closed_state.values["closed_on"] == date(2026, 3, 16).isoformat()
    assert closed_state.values["outcome"] == "improved" and first.values["outcome"] is None
