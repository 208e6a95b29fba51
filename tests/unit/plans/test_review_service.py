"""Reviews in the vault: scheduling, the observer rule, outcomes and what they change."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time

import pytest

from app.domain.plans.plans import PlanStatus
from app.domain.plans.reviews import (
    Assessment,
    ObjectiveAssessment,
    RefreshedTarget,
    ReviewDecision,
    ReviewOutcome,
    ReviewStatus,
)
from app.domain.records import Track
from app.domain.validation import InvalidRecord
from app.services.cases.timeline import case_timeline
from app.vault.errors import IntegrityError
from tests.factories import open_case
from tests.plan_factories import participants, plan, review


@pytest.fixture
def case(services):
    return open_case(services, stage="improvement_plan")


@pytest.fixture
def agreed_plan(services, case):
    return services.plans.create(plan(case, agreed_on=date(2026, 3, 13), employee_agreed=True))


def outcome_for(r, p, **kw) -> ReviewOutcome:
    return ReviewOutcome(
        review_id=r.id,
        case_id=r.case_id,
        held_on=kw.pop("held_on", r.on),
        attended=kw.pop("attended", participants()),
        assessments=kw.pop(
            "assessments",
            tuple(ObjectiveAssessment(o.uid, Assessment.PROGRESSING) for o in p.objectives),
        ),
        decision=kw.pop("decision", ReviewDecision.CONTINUE),
        summary=kw.pop("summary", "Backlog down by half; keep going."),
        next_review_on=kw.pop("next_review_on", date(2026, 3, 30)),
        **kw,
    )


def test_schedule_a_review_with_its_plan(services, case, agreed_plan):
    stored = services.reviews.schedule(review(case, on=date(2026, 3, 20)))
    assert stored.id and stored.plan_id == agreed_plan.id
    assert stored.status is ReviewStatus.SCHEDULED and stored.sequence == 0
    assert services.reviews.get(stored.id) == stored
    assert [e.action for e in services.vault.audit_events("review", stored.id)] == [
        "review.schedule"
    ]


def test_high_stakes_review_without_observer_is_refused(services):
    case = open_case(services, stage="improvement_plan", track=Track.HIGH_STAKES)
    assert services.reviews.observer_required(case.id)
    with pytest.raises(InvalidRecord, match="high-stakes"):
        services.reviews.schedule(review(case, participants=participants(observer=None)))
    with pytest.raises(InvalidRecord, match="high-stakes"):
        services.reviews.schedule_series(
            review(case, participants=participants(None)), date(2026, 5, 29)
        )
    assert services.reviews.for_case(case.id) == []
    assert services.reviews.schedule(review(case)).id  # with the observer it is accepted


def test_standard_track_review_without_observer_is_accepted(services, case):
    assert not services.reviews.observer_required(case.id)
    assert services.reviews.schedule(review(case, participants=participants(None))).id


def test_schedule_series_at_the_policy_cadence_across_holidays(services, case):
    series = services.reviews.schedule_series(
        review(case, on=date(2026, 3, 20), at=time(14, 30)), date(2026, 5, 29)
    )
    days = [r.on for r in series]
    every = services.reviews.cadence_business_days(case.id)
    assert every >= 1
    assert days == services.reviews.cadence_dates(case.id, date(2026, 3, 20), date(2026, 5, 29))
    assert all(d.weekday() < 5 for d in days)
    assert date(2026, 4, 3) not in days and date(2026, 4, 6) not in days  # Easter
    assert all(r.starts_at.time() == time(14, 30) for r in series)
    assert len({r.uid for r in series}) == len(series)
    assert [r.review.id for r in services.reviews.upcoming(case_id=case.id)] == [
        r.id for r in series
    ]


def test_a_series_too_long_is_refused_not_cut_short(services, case):
    before = len(services.reviews.for_case(case.id))
    with pytest.raises(IntegrityError, match="more than 52 reviews") as info:
        services.reviews.schedule_series(
            review(case, on=date(2026, 3, 20), at=time(9, 0)), date(2099, 12, 31), 1
        )
    assert "Nothing was scheduled" in str(info.value)
    assert len(services.reviews.for_case(case.id)) == before
    # The last date that fits is named, and a series up to it is accepted whole.
    named = re.search(r"end date up to (\d{1,2} \w{3} \d{4})", str(info.value)).group(1)
    last = datetime.strptime(named, "%d %b %Y").date()
    series = services.reviews.schedule_series(
        review(case, on=date(2026, 3, 20), at=time(9, 0)), last, 1
    )
    assert len(series) == 52 and series[-1].on == last


def test_reschedule_bumps_the_sequence_and_cancel_needs_a_reason(services, case):
    r = services.reviews.schedule(review(case))
    moved = services.reviews.reschedule(
        replace(r, starts_at=r.starts_at.replace(day=23)), "Supervisor on leave"
    )
    assert (moved.uid, moved.sequence, moved.on) == (r.uid, 1, date(2026, 3, 23))
    with pytest.raises(InvalidRecord):
        services.reviews.cancel(r.id, " ")
    cancelled = services.reviews.cancel(r.id, "Employee on sick leave")
    assert cancelled.status is ReviewStatus.CANCELLED and cancelled.sequence == 2
    with pytest.raises(IntegrityError):
        services.reviews.reschedule(cancelled)


def test_record_outcome_marks_held_and_schedules_the_next(services, case, agreed_plan):
    r = services.reviews.schedule(review(case, on=date(2026, 3, 16)))
    assert not services.reviews.facts(case.id)["review_held"]
    stored = services.reviews.record_outcome(outcome_for(r, agreed_plan))
    assert services.reviews.get(r.id).status is ReviewStatus.HELD
    assert services.reviews.outcome_for(r.id) == stored
    facts = services.reviews.facts(case.id)
    assert facts["review_held"] and facts["coaching_plan"]
    nxt = services.reviews.upcoming(case_id=case.id)
    assert [u.review.on for u in nxt] == [date(2026, 3, 30)]
    assert nxt[0].review.participants == r.participants
    with pytest.raises(IntegrityError, match="already recorded"):
        services.reviews.record_outcome(outcome_for(r, agreed_plan))
    kinds = [(e.kind, e.title) for e in case_timeline(services, case.id)]
    assert ("review", "Review held: continue the plan") in kinds


def test_outcome_of_a_future_review_is_refused(services, case, agreed_plan):
    r = services.reviews.schedule(review(case, on=date(2026, 3, 20)))
    with pytest.raises(InvalidRecord, match="once it has been held"):
        services.reviews.record_outcome(outcome_for(r, agreed_plan))


def test_outcome_must_assess_every_objective_of_the_plan(services, case, agreed_plan):
    r = services.reviews.schedule(review(case, on=date(2026, 3, 16)))
    with pytest.raises(InvalidRecord, match="Assess every objective"):
        services.reviews.record_outcome(outcome_for(r, agreed_plan, assessments=()))


def test_refreshed_targets_revise_the_plan(services, case, agreed_plan):
    r = services.reviews.schedule(review(case, on=date(2026, 3, 16)))
    uid = agreed_plan.objectives[0].uid
    services.reviews.record_outcome(
        outcome_for(
            r,
            agreed_plan,
            refreshed_targets=(RefreshedTarget(uid, 38.0, 42.0),),
            timelines_right=False,
        )
    )
    versions = services.plans.versions(case.id)
    assert [(v.version, v.status) for v in versions] == [
        (1, PlanStatus.SUPERSEDED),
        (2, PlanStatus.ACTIVE),
    ]
    v2 = versions[1]
    assert (v2.objectives[0].target, v2.objectives[0].stretch_target) == (38.0, 42.0)
    assert v2.agreed_on == date(2026, 3, 16)
    assert v2.revision_reason == "Targets refreshed at the review on 16 Mar 2026"


def test_high_stakes_review_without_observer_present_does_not_count(services):
    case = open_case(services, stage="improvement_plan", track=Track.HIGH_STAKES)
    p = services.plans.create(plan(case, agreed_on=date(2026, 3, 13), employee_agreed=True))
    r = services.reviews.schedule(review(case, on=date(2026, 3, 16)))
    services.reviews.record_outcome(outcome_for(r, p, attended=participants(observer=None)))
    facts = services.reviews.facts(case.id)
    assert facts["reviews_held"] == 1 and facts["reviews_without_observer"] == 1
    assert not facts["review_held"]


def test_agenda_entries_across_cases_mark_overdue(services, case, agreed_plan, clock):
    other = open_case(services, name="李小龙", number="E3003", stage="improvement_plan")
    services.reviews.schedule(review(other, on=date(2026, 3, 19)))
    services.reviews.schedule(review(case, on=date(2026, 3, 18), at=time(9, 0)))
    clock.set(date(2026, 3, 30))
    entries = services.reviews.agenda_entries(clock.today(), horizon_days=14)
    assert [(e.on, e.kind, e.reference, e.overdue) for e in entries] == [
        (date(2026, 3, 18), "review", case.reference, True),
        (date(2026, 3, 19), "review", other.reference, True),
        (date(2026, 3, 27), "micro_goal", case.reference, True),
        (date(2026, 4, 10), "micro_goal", case.reference, False),
    ]
    assert entries[0].at == "09:00 London time"
    assert all("李小龙" not in e.title for e in entries)


def test_outcome_with_impossible_refreshed_targets_changes_nothing(services, case, agreed_plan):
    r = services.reviews.schedule(review(case, on=date(2026, 3, 16)))
    uid = agreed_plan.objectives[0].uid
    with pytest.raises(InvalidRecord, match="must be above the baseline"):
        services.reviews.record_outcome(
            outcome_for(r, agreed_plan, refreshed_targets=(RefreshedTarget(uid, 20.0),))
        )
    assert services.reviews.get(r.id).status is ReviewStatus.SCHEDULED
    assert services.reviews.outcome_for(r.id) is None
    assert len(services.plans.versions(case.id)) == 1


def test_refreshed_targets_equal_to_the_plan_make_no_revision(services, case, agreed_plan):
    r = services.reviews.schedule(review(case, on=date(2026, 3, 16)))
    obj = agreed_plan.objectives[0]
    services.reviews.record_outcome(
        outcome_for(
            r,
            agreed_plan,
            refreshed_targets=(RefreshedTarget(obj.uid, obj.target, obj.stretch_target),),
        )
    )
    assert len(services.plans.versions(case.id)) == 1
