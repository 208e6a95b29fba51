"""The policy file: the default loads, and every kind of mistake is refused with where and what."""

from __future__ import annotations

import re

import pytest

from app.domain.escalation.escalation_records import ExceptionKind
from app.domain.escalation.policy import STAGE_KEYS, PolicyError, load_policy
from app.domain.records import Outcome, Role, Track
from app.resource_paths import resource_path

DEFAULT = resource_path("policy", "default.toml").read_text(encoding="utf-8")


def edited(old: str, new: str, count: int = 1) -> str:
    assert DEFAULT.count(old) >= count, f"default.toml no longer contains {old!r}"
    return DEFAULT.replace(old, new, count)


def refuse(text: str, name: str = "mine.toml") -> PolicyError:
    with pytest.raises(PolicyError) as info:
        load_policy(text, name)
    return info.value


def test_default_policy_describes_the_path():
    p = load_policy(DEFAULT, "default.toml")
    assert p.stage_keys == STAGE_KEYS
    assert p.stage("formal_concern").initiate == (Role.MANAGER, Role.HR_OFFICER)
    assert p.stage("formal_concern").approve == (Role.HR_LEAD,)
    assert p.stage("early_conversation").requires == ("conversation_with_root_causes", "indicator")
    assert p.stage("coaching").requires[0] == "coaching_plan"
    assert p.stage("formal_review").requires == ("review_held",)
    # High-stakes: shorter deadlines, may start at formal concern, observer required.
    for s in p.stages:
        assert s.deadline_for(Track.HIGH_STAKES) <= s.deadline_for(Track.STANDARD)
    assert any(s.deadline_for(Track.HIGH_STAKES) < s.deadline_for(Track.STANDARD) for s in p.stages)
    assert p.track(Track.HIGH_STAKES).start_stages == ("early_conversation", "formal_concern")
    assert p.track(Track.STANDARD).start_stages == ("early_conversation",)
    assert "observer_present" in p.requirements_to_leave("formal_concern", Track.HIGH_STAKES)
    assert "observer_present" not in p.requirements_to_leave("formal_concern", Track.STANDARD)
    assert {o.outcome for o in p.outcomes} == set(Outcome)
    assert p.outcome(Outcome.SUCCESSION_OR_EXIT).approve == (Role.HR_LEAD, Role.EXECUTIVE_SPONSOR)
    assert p.calendar.country == "GB" and p.calendar.subdivision == "ENG"
    assert p.due_soon_business_days == 5 and p.stalled_after_days == 21
    assert p.exception_approvers[ExceptionKind.SKIP] == (Role.HR_LEAD,)
    assert len(p.sha256) == 64


def test_roles_may_be_written_as_people_say_them():
    p = load_policy(
        edited(
            'initiate = ["manager", "hr_officer"]\nreview = ["hr_officer"]',
            'initiate = ["Manager", "HR officer"]\nreview = ["hr officer"]',
        )
    )
    assert p.stage("formal_concern").initiate == (Role.MANAGER, Role.HR_OFFICER)


@pytest.mark.parametrize(
    ("old", "new", "where", "what"),
    [
        (
            'initiate = ["manager", "hr_officer"]\nreview = ["hr_officer"]',
            'initiate = ["manager", "boss"]\nreview = ["hr_officer"]',
            "stages.formal_concern.initiate",
            "'boss' is not a role",
        ),
        (
            "deadline_business_days = { standard = 10, high_stakes = 5 }",
            "deadline_business_days = { standard = -3, high_stakes = 5 }",
            "stages.early_conversation.deadline_business_days.standard",
            "-3 is negative",
        ),
        (
            'requires = ["formal_meeting", "decision"]',
            'requires = ["formal_meeting", "signed_confession"]',
            "stages.formal_concern.requires",
            "'signed_confession' is not a record requirement",
        ),
        (
            'key = "coaching"',
            'key = "coaching_time"',
            "stages.coaching_time.key",
            "is not a stage key",
        ),
        (
            'initiate = ["supervisor", "manager"]',
            'intiate = ["supervisor", "manager"]',
            "stages.coaching.intiate",
            "unknown key",
        ),
        ('country = "GB"', 'country = "XX"', "calendar.country", "not a country code"),
        (
            'subdivision = "ENG"',
            'subdivision = "MORDOR"',
            "calendar.subdivision",
            "not a known subdivision",
        ),
        (
            'categories = ["missed_target"]',
            'categories = ["laziness"]',
            "triggers[1].categories",
            "'laziness' is not an indicator category",
        ),
        (
            'recommend = "formal_concern"',
            'recommend = "tribunal"',
            "triggers[4].recommend",
            "'tribunal' must be 'next' or a stage",
        ),
        (
            'start_stages = ["early_conversation"]',
            'start_stages = ["outcome"]',
            "tracks.standard.start_stages",
            "cannot start at the outcome",
        ),
        (
            "due_soon_business_days = 5",
            'due_soon_business_days = "five"',
            "flags.due_soon_business_days",
            "must be a whole number",
        ),
        (
            'key = "reassignment"',
            'key = "promotion"',
            "outcomes.promotion.key",
            "'promotion' is not an outcome",
        ),
        (
            'skip = ["hr_lead"]',
            'skip = ["hr_lead", "janitor"]',
            "exceptions.skip",
            "'janitor' is not a role",
        ),
        (
            "observer_at_formal_meetings = true",
            "observer_at_formal_meetings = 1",
            "tracks.high_stakes.observer_at_formal_meetings",
            "must be true or false",
        ),
    ],
)
def test_mistakes_name_file_key_and_problem(old, new, where, what):
    err = refuse(edited(old, new))
    text = str(err)
    assert text.startswith("mine.toml")
    assert any(w == where and what in m for w, m in err.problems), err.problems
    assert where in text and what in text
    assert "fix the file" in text


def test_unreachable_stage_is_refused():
    # Nobody may initiate a move into the improvement plan, no track starts there, and
    # nobody may move a case back (de-escalate) into it either.
    text = edited(
        'initiate = ["manager", "hr_officer"]\nreview = []\napprove = ["hr_lead"]',
        'initiate = []\nreview = []\napprove = ["hr_lead"]',
    )
    text = text.replace(
        '[backward]\ninitiate = ["manager", "hr_officer", "hr_lead"]', "[backward]\ninitiate = []"
    )
    err = refuse(text)
    assert err.problems == [
        (
            "stages.improvement_plan",
            "no case can reach this stage: nobody may initiate a move into it (its initiate list "
            "is empty), and no track starts there",
        )
    ]


def test_stage_reachable_by_moving_back_is_accepted():
    text = edited(
        'initiate = ["manager", "hr_officer"]\nreview = []\napprove = ["hr_lead"]',
        'initiate = []\nreview = []\napprove = ["hr_lead"]',
    )
    assert load_policy(text).stage("improvement_plan").initiate == ()


def test_start_stage_needs_no_initiator():
    # Nobody escalates into early conversation, but de-escalation can reach it.
    text = edited('start_stages = ["early_conversation"]', 'start_stages = ["coaching"]')
    text = text.replace(
        'start_stages = ["early_conversation", "formal_concern"]',
        'start_stages = ["coaching", "formal_concern"]',
    )
    text = text.replace('initiate = ["supervisor", "manager", "hr_officer"]', "initiate = []")
    p = load_policy(text)
    assert p.track(Track.STANDARD).start_stages == ("coaching",)


def test_missing_stage_is_named():
    start = DEFAULT.index('[[stages]]\nkey = "formal_review"')
    end = DEFAULT.index('[[stages]]\nkey = "outcome"')
    err = refuse(DEFAULT[:start] + DEFAULT[end:])
    assert tuple(w for w, _ in err.problems[:1]) == ("stages.formal_review",)
    assert "missing" in err.problems[0][1]


def test_toml_syntax_error_names_the_line():
    lines = DEFAULT.splitlines()
    target = next(i for i, line in enumerate(lines) if line.startswith("due_soon_business_days"))
    lines[target] = "due_soon_business_days = = 5"
    err = refuse("\n".join(lines), "edited.toml")
    assert re.match(rf"edited\.toml: line {target + 1}, column \d+: .*not valid TOML", str(err))


def test_every_problem_is_listed_at_once():
    text = edited('country = "GB"', 'country = "XX"')
    text = text.replace("stalled_after_days = 21", "stalled_after_days = -1")
    err = refuse(text)
    assert "has 2 problems" in str(err)
    assert {w for w, _ in err.problems} == {"calendar.country", "flags.stalled_after_days"}


def test_zero_stage_deadline_is_refused():
    err = refuse(
        edited(
            "deadline_business_days = { standard = 30, high_stakes = 20 }",
            "deadline_business_days = 0",
        )
    )
    assert err.problems[0][0] == "stages.coaching.deadline_business_days"


def test_single_number_deadline_applies_to_both_tracks():
    p = load_policy(
        edited(
            "deadline_business_days = { standard = 30, high_stakes = 20 }",
            "deadline_business_days = 15",
        )
    )
    assert p.stage("coaching").deadline_for(Track.STANDARD) == 15
    assert p.stage("coaching").deadline_for(Track.HIGH_STAKES) == 15


def test_review_cadence_is_policy_with_a_faster_high_stakes_track():
    policy = load_policy(DEFAULT, "default.toml")
    plan = policy.stage("improvement_plan").review_cadence_business_days
    assert plan[Track.STANDARD] == 10 and plan[Track.HIGH_STAKES] == 5
    assert policy.stage("coaching").review_cadence_business_days[Track.STANDARD] == 0
    faster = edited(
        "review_cadence_business_days = { standard = 10, high_stakes = 5 }\nactions = "
        '["conversation", "check_in"',
        'review_cadence_business_days = 7\nactions = ["conversation", "check_in"',
    )
    plan = load_policy(faster, "mine.toml").stage("improvement_plan")
    assert plan.review_cadence_business_days == {Track.STANDARD: 7, Track.HIGH_STAKES: 7}
    bad = refuse(
        edited(
            "review_cadence_business_days = { standard = 10, high_stakes = 5 }\n"
            'actions = ["conversation", "check_in"',
            'review_cadence_business_days = -3\nactions = ["conversation", "check_in"',
        )
    )
    assert "review_cadence_business_days" in str(bad)
