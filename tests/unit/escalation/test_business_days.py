"""Business-day arithmetic across weekends, public holidays (England 2026) and pauses."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.business_days import (
    DateRange,
    HolidayCalendar,
    add_business_days,
    business_days_between,
    check_calendar,
    next_business_day,
)

ENG = HolidayCalendar("GB", "ENG")
SCT = HolidayCalendar("GB", "SCT")
D = date.fromisoformat


@pytest.mark.parametrize(
    ("start", "days", "expected", "why"),
    [
        ("2026-03-16", 0, "2026-03-16", "zero days is the start day"),
        ("2026-03-16", 1, "2026-03-17", "Monday + 1 is Tuesday"),
        ("2026-03-16", 5, "2026-03-23", "a full week crosses one weekend"),
        ("2026-03-20", 1, "2026-03-23", "Friday + 1 skips the weekend"),
        ("2026-03-21", 1, "2026-03-23", "Saturday + 1 is Monday"),
        ("2026-03-22", 1, "2026-03-23", "Sunday + 1 is Monday"),
        ("2026-03-16", 10, "2026-03-30", "two weeks"),
        ("2026-04-02", 1, "2026-04-07", "Good Friday and Easter Monday are holidays"),
        ("2026-03-30", 5, "2026-04-08", "Easter week loses two days"),
        ("2026-12-24", 1, "2026-12-29", "Christmas, Boxing Day (observed on the 28th)"),
        ("2026-05-01", 1, "2026-05-05", "early May bank holiday"),
        ("2026-03-23", -1, "2026-03-20", "counting back over a weekend"),
        ("2026-04-07", -1, "2026-04-02", "counting back over Easter"),
    ],
)
def test_add_business_days(start, days, expected, why):
    assert add_business_days(D(start), days, ENG) == D(expected), why


def test_regions_differ():
    # 2 January is a bank holiday in Scotland, not in England.
    assert add_business_days(D("2026-01-01"), 1, ENG) == D("2026-01-02")
    assert add_business_days(D("2026-01-01"), 1, SCT) == D("2026-01-05")


@pytest.mark.parametrize(
    ("start", "days", "pause", "expected"),
    [
        # A pause Wednesday–Friday pushes a 5-day deadline by 3 business days.
        ("2026-03-16", 5, ("2026-03-18", "2026-03-20"), "2026-03-26"),
        # A pause over a weekend only costs its weekdays.
        ("2026-03-16", 5, ("2026-03-20", "2026-03-23"), "2026-03-25"),
        # A pause after the deadline changes nothing.
        ("2026-03-16", 2, ("2026-04-20", "2026-04-24"), "2026-03-18"),
        # A pause over Easter: holidays are not counted twice.
        ("2026-03-30", 5, ("2026-04-06", "2026-04-10"), "2026-04-14"),
    ],
)
def test_pauses_do_not_count(start, days, pause, expected):
    paused = [DateRange(D(pause[0]), D(pause[1]))]
    assert add_business_days(D(start), days, ENG, paused) == D(expected)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2026-03-16", "2026-03-16", 0),
        ("2026-03-16", "2026-03-17", 1),
        ("2026-03-20", "2026-03-23", 1),
        ("2026-03-21", "2026-03-22", 0),
        ("2026-03-16", "2026-03-30", 10),
        ("2026-04-02", "2026-04-07", 1),
        ("2026-03-23", "2026-03-20", -1),
        ("2026-03-30", "2026-03-16", -10),
    ],
)
def test_business_days_between(start, end, expected):
    assert business_days_between(D(start), D(end), ENG) == expected


def test_next_business_day():
    assert next_business_day(D("2026-03-16"), ENG) == D("2026-03-16")
    assert next_business_day(D("2026-04-03"), ENG) == D("2026-04-07")


def test_range_rejects_end_before_start():
    with pytest.raises(ValueError, match="cannot end"):
        DateRange(D("2026-03-20"), D("2026-03-19"))


def test_unknown_country_or_region_is_explained():
    assert check_calendar("GB", "ENG") is None
    assert "country code" in check_calendar("XX", None)
    assert "subdivision" in check_calendar("GB", "ATLANTIS")


days = st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31))


@given(days, st.integers(min_value=0, max_value=120))
def test_adding_then_counting_round_trips(start, n):
    end = add_business_days(start, n, ENG)
    assert business_days_between(start, end, ENG) == n
    if n:
        assert ENG.is_business_day(end)


@given(days, days)
def test_counting_is_antisymmetric(a, b):
    assert business_days_between(a, b, ENG) == -business_days_between(b, a, ENG)


def test_the_calendars_known_without_asking_are_known_to_the_holidays_package():
    """`check_calendar` trusts KNOWN_CALENDARS (the default policy's) without importing
    `holidays`; that package must really accept each of them, and the default uses one."""
    import tomllib
    from pathlib import Path

    import holidays

    from app.domain.business_days import KNOWN_CALENDARS

    for country, subdivision in KNOWN_CALENDARS:
        assert holidays.country_holidays(country, subdiv=subdivision, years=[2026])
    default = Path(__file__).resolve().parents[3] / "resources/policy/default.toml"
    cal = tomllib.loads(default.read_text("utf-8"))["calendar"]
    assert (cal["country"], cal["subdivision"] or None) in KNOWN_CALENDARS
    assert check_calendar("GB", "XXX") is not None  # others are still asked
