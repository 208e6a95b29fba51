"""Deadlines and flags on a pinned date: overdue, due soon, stalled, awaiting approval."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from app.domain.business_days import DateRange, HolidayCalendar
from app.domain.escalation.escalation_records import ExceptionKind
from app.domain.escalation.flags import (
    DeadlineKind,
    Flag,
    FlagSettings,
    case_flags,
    days_left,
    deadlines_for,
    flag_words,
)
from app.domain.escalation.policy import load_policy
from app.domain.records import Case, CaseStatus, Role, Track
from app.resource_paths import resource_path
from app.services.cases.escalation_service import MoveRefused
from app.vault.repositories.case_repository import CaseQuery
from tests.factories import conversation, indicator, open_case

POLICY = load_policy(resource_path("policy", "default.toml").read_text("utf-8"), "default.toml")
SETTINGS = FlagSettings(HolidayCalendar("GB", "ENG"), 5, 21)
D = date.fromisoformat
MON = D("2026-03-16")


@pytest.mark.parametrize(
    ("due", "last", "awaiting", "paused", "expected"),
    [
        (None, "2026-03-16", False, False, set()),
        ("2026-03-13", "2026-03-16", False, False, {Flag.OVERDUE}),
        ("2026-03-16", "2026-03-16", False, False, {Flag.DUE_SOON}),  # due today
        ("2026-03-23", "2026-03-16", False, False, {Flag.DUE_SOON}),  # 5 business days away
        ("2026-03-24", "2026-03-16", False, False, set()),  # 6 business days away
        ("2026-04-08", "2026-03-16", False, False, set()),
        ("2026-04-08", "2026-02-23", False, False, set()),  # 21 days idle: not yet stalled
        ("2026-04-08", "2026-02-22", False, False, {Flag.STALLED}),  # 22 days idle
        ("2026-04-08", "2026-02-01", False, True, set()),  # paused: never stalled
        ("2026-04-08", "2026-03-16", True, False, {Flag.AWAITING_APPROVAL}),
        (
            "2026-03-01",
            "2026-01-01",
            True,
            False,
            {Flag.OVERDUE, Flag.STALLED, Flag.AWAITING_APPROVAL},
        ),
    ],
)
def test_flags_on_a_date(due, last, awaiting, paused, expected):
    got = case_flags(
        MON,
        next_due_on=D(due) if due else None,
        last_activity_on=D(last),
        awaiting_approval=awaiting,
        paused=paused,
        settings=SETTINGS,
    )
    assert got == frozenset(expected)


def test_due_soon_counts_business_days_over_easter():
    # Thursday 2 April: Good Friday and Easter Monday do not count; 5 business days away is
    # Monday 13 April (a calendar week and a half), so the 13th is due soon, the 14th is not.
    thu = D("2026-04-02")
    assert Flag.DUE_SOON in case_flags(
        thu, next_due_on=D("2026-04-13"), last_activity_on=thu, settings=SETTINGS
    )
    assert not case_flags(thu, next_due_on=D("2026-04-14"), last_activity_on=thu, settings=SETTINGS)


def test_closed_cases_carry_no_flags():
    assert (
        case_flags(
            MON,
            next_due_on=D("2026-01-01"),
            last_activity_on=D("2025-01-01"),
            awaiting_approval=True,
            closed=True,
            settings=SETTINGS,
        )
        == frozenset()
    )


@pytest.mark.parametrize(
    ("due", "on", "left"),
    [
        ("2026-03-23", "2026-03-16", 5),
        ("2026-03-16", "2026-03-16", 0),
        ("2026-03-13", "2026-03-16", -1),
        ("2026-03-13", "2026-03-14", -1),
        ("2026-03-02", "2026-03-16", -10),
    ],
)
def test_days_left(due, on, left):
    assert days_left(D(due), D(on), SETTINGS.calendar) == left


def _case(stage="early_conversation", track=Track.STANDARD, entered="2026-03-16") -> Case:
    return Case(
        reference="C-2026-0001",
        employee_id=1,
        owner_id=1,
        track=track,
        stage=stage,
        opened_on=D("2026-03-02"),
        stage_entered_on=D(entered),
        id=1,
    )


def test_stage_deadline_and_check_in_per_track():
    std = deadlines_for(POLICY, _case())
    assert [(d.kind, d.due_on) for d in std] == [
        (DeadlineKind.CHECK_IN, D("2026-03-23")),  # 5 business days
        (DeadlineKind.STAGE, D("2026-03-30")),  # 10 business days
    ]
    assert std[1].description == "Leave Early conversation"
    high = deadlines_for(POLICY, _case(track=Track.HIGH_STAKES))
    assert [(d.kind, d.due_on) for d in high] == [
        (DeadlineKind.CHECK_IN, D("2026-03-19")),  # 3 business days
        (DeadlineKind.STAGE, D("2026-03-23")),  # 5 business days
    ]


def test_pause_and_extension_move_the_stage_deadline():
    pauses = [DateRange(D("2026-03-23"), D("2026-03-27"))]
    got = deadlines_for(POLICY, _case(), pauses=pauses, extra_business_days=2)
    stage = next(d for d in got if d.kind is DeadlineKind.STAGE)
    # 12 business days from 16 March: 4 before the paused week, then 30 March – 2 April (8),
    # Good Friday and Easter Monday do not count, 7–10 April (12).
    assert stage.due_on == D("2026-04-10")


def test_last_conversation_restarts_the_check_in_clock():
    got = deadlines_for(POLICY, _case(), last_contact_on=D("2026-03-20"))
    assert got[0].kind is DeadlineKind.CHECK_IN and got[0].due_on == D("2026-03-27")


def test_no_cadence_no_check_in_and_closed_no_deadline():
    assert [d.kind for d in deadlines_for(POLICY, _case("formal_review"))] == [DeadlineKind.STAGE]
    closed = replace(_case("outcome"), status=CaseStatus.CLOSED, closed_on=MON)
    assert deadlines_for(POLICY, closed) == []


def test_flag_words():
    assert flag_words({Flag.AWAITING_APPROVAL, Flag.OVERDUE}) == "Overdue, awaiting approval"
    assert flag_words(()) == ""


# -- through the service: stored schedule, row flags and SQL filters agree ------------------


def _query(services, flag, on):
    q = replace(CaseQuery(), **services.escalation.flag_filter(flag, on))
    return {r.id for r in services.cases.rows(q, 0, 1000)}


def test_schedule_is_stored_and_refreshed(services, clock):
    c = open_case(services, opened_on=MON)
    assert services.cases.rows(CaseQuery())[0].next_due_on == D("2026-03-23")
    services.cases.add(conversation(c, D("2026-03-16")))
    clock.set(D("2026-03-19"))
    services.cases.add(conversation(c, D("2026-03-19")))
    assert services.cases.rows(CaseQuery())[0].next_due_on == D("2026-03-26")
    due, left, flags = services.escalation.deadline(c.id, D("2026-03-19"))
    assert (due, left, flags) == (D("2026-03-26"), 5, frozenset({Flag.DUE_SOON}))


def test_row_flags_and_sql_filters_agree_on_every_day(services, clock):
    # Cases in different states: fresh, old and idle, paused, waiting for sign-off, extended.
    clock.set(D("2026-02-02"))
    fresh = open_case(services, number="E1", opened_on=D("2026-02-02"))
    idle = open_case(services, number="E2", opened_on=D("2026-01-05"))
    paused = open_case(services, number="E3", opened_on=D("2026-02-02"))
    waiting = open_case(services, number="E4", opened_on=D("2026-02-02"))
    extended = open_case(services, number="E5", opened_on=D("2026-01-26"))
    esc = services.escalation
    esc.request_exception(
        paused.id,
        ExceptionKind.PAUSE,
        "Leave of absence.",
        "Hana",
        approver="Priya",
        approver_role=Role.HR_LEAD,
        starts_on=D("2026-02-09"),
        ends_on=D("2026-03-06"),
    )
    esc.request_exception(
        extended.id,
        ExceptionKind.EXTEND,
        "Evidence late.",
        "Hana",
        approver="Priya",
        approver_role=Role.HR_LEAD,
        extra_business_days=10,
    )
    services.cases.add(conversation(waiting, D("2026-02-02")))
    services.cases.add(indicator(waiting, D("2026-02-02")))
    with pytest.raises(MoveRefused):  # an HR officer must review first: a request is recorded
        esc.advance(waiting.id, "coaching", "Ola", Role.MANAGER, "Gap persists.")
    assert esc.pending_approvals(waiting.id)
    # The batch refresh stores exactly what the per-case refresh after each write stored.
    stored = {r.id: r.next_due_on for r in services.cases.rows(CaseQuery(), 0, 100)}
    assert all(stored.values())
    assert esc.refresh_all_schedules() == 5
    assert {r.id: r.next_due_on for r in services.cases.rows(CaseQuery(), 0, 100)} == stored
    assert stored == {i: esc.deadline(i).next_due for i in stored}
    seen: dict[Flag, set[int]] = {f: set() for f in Flag}
    day = D("2026-02-02")
    while day <= D("2026-03-31"):
        for r in services.cases.rows(CaseQuery(), 0, 100):
            flags = esc.row_flags(r, day)
            assert flags == esc.deadline(r.id, day).flags, (r.reference, day)
            for f in Flag:
                seen[f].update({r.id} if f in flags else set())
        for f in Flag:
            expected = {
                r.id for r in services.cases.rows(CaseQuery(), 0, 100) if f in esc.row_flags(r, day)
            }
            assert _query(services, f, day) == expected, (f, day)
        day += timedelta(days=1)
    assert all(seen.values()), seen  # every flag occurred at least once
    assert fresh.id in seen[Flag.OVERDUE] and idle.id in seen[Flag.STALLED]
    assert waiting.id in seen[Flag.AWAITING_APPROVAL]
    # While paused (9 Feb – 6 Mar) the case is never stalled; its deadline moved past the pause.
    for day in (D("2026-02-20"), D("2026-03-02")):
        assert Flag.STALLED not in esc.deadline(paused.id, day).flags
    assert esc.deadline(paused.id, D("2026-03-06")).next_due == D("2026-03-09")


def test_paused_days_do_not_count_as_days_left():
    pause = [DateRange(D("2026-03-17"), D("2026-03-20"))]  # Tuesday to Friday
    assert days_left(D("2026-03-27"), D("2026-03-16"), SETTINGS.calendar) == 9
    assert days_left(D("2026-03-27"), D("2026-03-16"), SETTINGS.calendar, pause) == 5


def test_the_service_counts_days_left_without_the_case_pause(services, clock):
    case = open_case(services, opened_on=clock.today())
    before = services.escalation.deadline(case.id)
    services.escalation.request_exception(
        case.id,
        ExceptionKind.PAUSE,
        "Leave of absence.",
        "Hana",
        approver="Priya",
        approver_role=Role.HR_LEAD,
        starts_on=D("2026-03-17"),
        ends_on=D("2026-03-20"),
    )
    after = services.escalation.deadline(case.id)
    # The pause moves the deadline out by four business days, and those four days are not
    # counted as time left: the officer has the same running days as before.
    assert after.next_due > before.next_due
    assert after.days_left == before.days_left
