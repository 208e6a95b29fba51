"""Review rules without a vault: cadence across holidays, participants, outcomes, agenda."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from app.domain.business_days import DateRange, HolidayCalendar
from app.domain.plans.plans import MicroGoalStatus, ProgressUpdate
from app.domain.plans.reviews import (
    Assessment,
    ObjectiveAssessment,
    Participant,
    ParticipantRole,
    RefreshedTarget,
    ReviewDecision,
    ReviewOutcome,
    build_agenda,
    cadence_dates,
)
from tests.plan_factories import participants, plan, review

ENGLAND = HolidayCalendar("GB", "ENG")
TODAY = date(2026, 3, 16)


def test_cadence_in_business_days_skips_easter_and_bank_holidays():
    days = cadence_dates(date(2026, 3, 20), date(2026, 5, 29), 10, ENGLAND.is_business_day)
    # Good Friday 3 April, Easter Monday 6 April and the early May bank holiday (4 May)
    # are not working days, so each two-week step lands a day or two later.
    assert days == [
        date(2026, 3, 20),
        date(2026, 4, 7),
        date(2026, 4, 21),
        date(2026, 5, 6),
        date(2026, 5, 20),
    ]
    assert all(ENGLAND.is_business_day(d) for d in days)


def test_calendar_cadence_moves_only_the_date_that_hits_a_holiday():
    days = cadence_dates(
        date(2026, 3, 20), date(2026, 5, 29), 14, ENGLAND.is_business_day, business_days=False
    )
    assert days == [
        date(2026, 3, 20),
        date(2026, 4, 7),
        date(2026, 4, 17),
        date(2026, 5, 1),
        date(2026, 5, 15),
        date(2026, 5, 29),
    ]


def test_cadence_starting_on_a_weekend_or_holiday_starts_on_the_next_working_day():
    days = cadence_dates(date(2026, 12, 25), date(2027, 1, 31), 10, ENGLAND.is_business_day)
    assert days[0] == date(2026, 12, 29)  # Christmas, Boxing Day (substitute 28th), weekend


def test_cadence_skips_a_pause():
    pause = DateRange(date(2026, 4, 13), date(2026, 4, 24))
    days = cadence_dates(
        date(2026, 4, 7), date(2026, 5, 29), 5, lambda d: ENGLAND.is_business_day(d, (pause,))
    )
    assert not [d for d in days if d in pause]
    assert days[:3] == [date(2026, 4, 7), date(2026, 4, 28), date(2026, 5, 6)]


def test_review_needs_employee_supervisor_and_a_place():
    r = review(1, participants=(Participant(ParticipantRole.OBSERVER, "Sam Lee"),), location="")
    report = r.validate(TODAY)
    fields = {p.field for p in report.errors}
    assert {"participants.employee", "participants.supervisor", "location"} <= fields


def test_observer_required_on_the_high_stakes_track():
    r = review(1, participants=participants(observer=None))
    assert r.validate(TODAY).ok  # a warning only on the standard track
    assert r.validate(TODAY).for_field("participants.observer")
    report = r.validate(TODAY, observer_required=True)
    assert not report.ok
    assert "high-stakes" in str(report)
    hr = replace(
        r,
        participants=r.participants
        + (Participant(ParticipantRole.HR_REPRESENTATIVE, "Morgan Reyes"),),
    )
    assert hr.validate(TODAY, observer_required=True).ok


def test_the_observer_must_be_neutral():
    r = review(1, participants=participants(observer="Ola Nordmann"))
    assert "someone other than" in str(r.validate(TODAY, observer_required=True))


def test_call_link_and_time_zone_are_checked():
    r = review(1, call_link="teams meeting", timezone="Mars/Olympus")
    fields = {p.field for p in r.validate(TODAY).errors}
    assert {"call_link", "timezone"} <= fields
    ok = review(1, location="", call_link="https://meet.example.com/abc-defg")
    assert ok.validate(TODAY).ok


def test_review_time_is_wall_clock_in_its_zone():
    summer = review(1, on=date(2026, 6, 5))
    winter = review(1, on=date(2026, 1, 9))
    assert summer.utc_start.hour == 9 and winter.utc_start.hour == 10
    ny = review(1, on=date(2026, 3, 20), timezone="America/New_York")
    assert ny.utc_start == datetime(2026, 3, 20, 14, 0, tzinfo=ny.utc_start.tzinfo)


def _outcome(p, **kw):
    obj = p.objectives[0]
    return ReviewOutcome(
        review_id=1,
        case_id=1,
        held_on=kw.pop("held_on", TODAY),
        attended=kw.pop("attended", participants()),
        assessments=kw.pop("assessments", (ObjectiveAssessment(obj.uid, Assessment.PROGRESSING),)),
        decision=kw.pop("decision", ReviewDecision.CONTINUE),
        summary="Steady progress",
        next_review_on=kw.pop("next_review_on", date(2026, 3, 30)),
        **kw,
    )


def test_outcome_must_assess_every_objective():
    p = plan(1)
    assert _outcome(p).validate(TODAY, p.objectives).ok
    report = _outcome(p, assessments=()).validate(TODAY, p.objectives)
    assert "Close more tickets" in str(report)


def test_outcome_cannot_be_recorded_before_the_review():
    p = plan(1)
    assert _outcome(p, held_on=date(2026, 3, 17)).validate(TODAY, p.objectives).for_field("held_on")


def test_continue_needs_the_next_review_date_after_this_one():
    p = plan(1)
    assert (
        _outcome(p, next_review_on=None).validate(TODAY, p.objectives).for_field("next_review_on")
    )
    assert (
        _outcome(p, next_review_on=TODAY).validate(TODAY, p.objectives).for_field("next_review_on")
    )
    closing = _outcome(p, decision=ReviewDecision.CLOSE_AS_IMPROVED, next_review_on=None)
    assert closing.validate(TODAY, p.objectives).ok


def test_missing_observer_at_a_high_stakes_review_is_recorded_with_a_warning():
    p = plan(1)
    out = _outcome(p, attended=participants(observer=None))
    report = out.validate(TODAY, p.objectives, observer_required=True)
    assert report.ok and "does not satisfy the policy" in str(report)
    assert not out.neutral_attended


def test_refreshed_stretch_target_must_go_beyond_the_target():
    p = plan(1)
    uid = p.objectives[0].uid
    bad = _outcome(p, refreshed_targets=(RefreshedTarget(uid, 42.0, 41.0),))
    assert bad.validate(TODAY, p.objectives).for_field("refreshed_targets[0]")


def test_agenda_built_from_the_plan():
    p = plan(1)
    obj = p.objectives[0]
    done = replace(obj.micro_goals[0], status=MicroGoalStatus.DONE)
    p = replace(p, objectives=(replace(obj, micro_goals=(done, obj.micro_goals[1])),))
    progress = [
        ProgressUpdate(1, obj.uid, date(2026, 3, 6), "30 tickets", 30.0, id=1),
        ProgressUpdate(1, obj.uid, date(2026, 3, 13), "33 tickets", 33.0, id=2),
    ]
    agenda = build_agenda(p, progress)
    item = agenda.objectives[0]
    assert item.latest.note == "33 tickets"
    assert item.open_micro_goals == ("Pair with a senior analyst twice (due 10 Apr 2026)",)
    text = agenda.as_text()
    assert "Tickets closed per week: 28 → 40 tickets (stretch 45) by 15 May 2026" in text
    assert "Coaching sessions: Weekly coaching session — Ola Nordmann" in text
    assert "workload" in text.lower() and "role" in text.lower()
    assert build_agenda(None, []).objectives == ()
