"""Changing a case's track after intake: policy rights, approval, a decision on record, audit."""

from __future__ import annotations

import pytest

from app.domain.escalation.policy import PolicyError, load_policy
from app.domain.records import Decision, Role, Track
from app.resource_paths import resource_path
from app.services.cases.track_change import TrackChangeRefused
from tests.factories import open_case


def test_an_approved_change_moves_the_track_records_a_decision_and_is_audited(services):
    case = open_case(services)
    assert case.track is Track.STANDARD
    before = services.escalation.deadline(case.id).next_due
    moved = services.tracks.change(
        case.id,
        Track.HIGH_STAKES,
        "Hana Officer",
        Role.HR_OFFICER,
        "Safety incident reported by the site lead",
        "Lee Lead",
        Role.HR_LEAD,
    )
    assert moved.track is Track.HIGH_STAKES
    assert services.cases.get(case.id).track is Track.HIGH_STAKES
    decisions = services.cases.records(Decision, case.id)
    assert decisions[-1].summary == "Track changed from Standard to High-stakes"
    assert "Safety incident" in decisions[-1].rationale
    assert "Lee Lead (HR lead)" in decisions[-1].rationale
    actions = [e.action for e in services.vault.audit_events("case", case.id)]
    assert "case.track_change" in actions
    assert services.vault.verify().ok
    after = services.escalation.deadline(case.id).next_due
    assert after is not None and before is not None and after <= before  # faster track


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"reason": ""}, "a reason for the change"),
        ({"role": Role.MANAGER}, "a role that may change the track"),
        ({"approver": "", "approver_role": None}, "the approval of the HR lead"),
        ({"approver": "Hana Officer"}, "someone other than Hana Officer"),
        ({"track": Track.STANDARD}, "already on the standard track"),
    ],
)
def test_a_refused_change_says_what_is_missing_and_writes_nothing(services, kwargs, words):
    case = open_case(services)
    events = len(services.vault.audit_events())
    args = {
        "track": Track.HIGH_STAKES,
        "actor": "Hana Officer",
        "role": Role.HR_OFFICER,
        "reason": "Compliance breach",
        "approver": "Lee Lead",
        "approver_role": Role.HR_LEAD,
    } | kwargs
    with pytest.raises(TrackChangeRefused) as refused:
        services.tracks.change(case.id, **args)
    assert words in str(refused.value)
    assert services.cases.get(case.id).track is Track.STANDARD
    assert len(services.vault.audit_events()) == events


def test_the_policy_decides_who_may_change_the_track():
    text = resource_path("policy", "default.toml").read_text("utf-8")
    policy = load_policy(text.replace('approve = ["hr_lead"]\n\n# ---', "approve = []\n\n# ---"))
    assert policy.track_change_approve == ()
    assert load_policy(text).track_change_initiate == (Role.HR_OFFICER, Role.HR_LEAD)
    with pytest.raises(PolicyError) as bad:
        load_policy(
            text.replace(
                'initiate = ["hr_officer", "hr_lead"]\napprove', 'initiate = ["boss"]\napprove'
            )
        )
    assert "track_change.initiate" in str(bad.value)


def test_what_is_missing_reads_in_german_for_the_window_and_english_otherwise(services):
    case = open_case(services)
    args = (case, Track.STANDARD, "", Role.HR_OFFICER, "", "", None)
    english = services.tracks.check(*args)
    assert "a reason for the change" in english
    assert "the case is already on the standard track" in english
    german = services.tracks.check(*args, language="de_DE")
    assert len(german) == len(english)
    assert "ein Grund für die Änderung" in german
    assert not any("the " in line for line in german), german
