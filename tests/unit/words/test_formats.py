"""One formatter for dates, numbers, counts and deadlines, in British English and German."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from app.domain.business_days import DateRange, HolidayCalendar
from app.domain.words.formats import Formats, formats

THU = date(2026, 12, 3)
EN, DE = Formats("en"), Formats("de_DE")


@pytest.mark.parametrize(
    ("locale", "day", "weekday", "short", "moment", "span"),
    [
        (
            "en",
            "3 Dec 2026",
            "Thu, 3 Dec 2026",
            "3 Dec",
            "3 Dec 2026, 14:30",
            "3 – 5 Dec 2026",
        ),
        (
            "de_DE",
            "3. Dez. 2026",
            "Do., 3. Dez. 2026",
            "3. Dez.",
            "3. Dez. 2026, 14:30",
            "3.–5. Dez. 2026",
        ),
        ("de", "3. Dez. 2026", "Do., 3. Dez. 2026", "3. Dez.", "3. Dez. 2026, 14:30", None),
        ("en_US", "Dec 3, 2026", "Thu, Dec 3, 2026", "Dec 3", "Dec 3, 2026, 2:30\u00a0PM", None),
    ],
)
def test_days_and_moments(locale, day, weekday, short, moment, span):
    f = Formats(locale)
    assert f.date(THU) == day
    assert f.weekday_date(THU) == weekday
    assert f.short_date(THU) == short
    assert f.short_weekday_date(THU) in ("Thu 3 Dec", "Do., 3. Dez.", "Thu, Dec 3")
    assert f.datetime(datetime(2026, 12, 3, 14, 30)) == moment
    if span:
        assert f.date_range(THU, date(2026, 12, 5)) == span


def test_an_aware_moment_is_shown_in_the_zone_asked_for():
    utc = datetime(2026, 7, 1, 8, 0, tzinfo=UTC)
    assert EN.datetime(utc, ZoneInfo("Europe/London")) == "1 Jul 2026, 09:00"
    assert DE.datetime(utc, ZoneInfo("Europe/Berlin")) == "1. Juli 2026, 10:00"
    assert "T" not in EN.datetime(utc) and "+00:00" not in EN.datetime(utc)


def test_ranges_across_years_and_open_ends():
    assert EN.date_range(date(2026, 11, 3), date(2027, 1, 5)) == "3 Nov 2026 – 5 Jan 2027"
    assert DE.date_range(date(2026, 11, 3), date(2027, 1, 5)) == "3. Nov. 2026 – 5. Jan. 2027"
    assert EN.date_range(THU, None) == "from 3 Dec 2026"
    assert DE.date_range(None, THU) == "bis 3. Dez. 2026"
    assert EN.date_range(THU, THU) == "3 Dec 2026"
    assert EN.date_range(None, None) == EN.date(None) == "—"


@pytest.mark.parametrize(
    ("value", "en", "de"),
    [(12345.5, "12,345.5", "12.345,5"), (3, "3", "3"), (0.125, "0.12", "0,12"), (None, "—", "—")],
)
def test_numbers(value, en, de):
    assert EN.number(value) == en
    assert DE.number(value) == de


@pytest.mark.parametrize(
    ("n", "en", "de"),
    [
        (0, "0 days ago", "vor 0 Tagen"),
        (1, "1 day ago", "vor 1 Tag"),
        (2, "2 days ago", "vor 2 Tagen"),
        (5, "5 days ago", "vor 5 Tagen"),
    ],
)
def test_plurals_follow_each_language(n, en, de):
    assert EN.count(n, "{n} day ago", "{n} days ago") == en
    assert DE.count(n, "{n} day ago", "{n} days ago") == de


@pytest.mark.parametrize(
    ("n", "en", "de"),
    [
        (0, "0 business days", "0 Arbeitstage"),
        (1, "1 business day", "1 Arbeitstag"),
        (2, "2 business days", "2 Arbeitstage"),
        (5, "5 business days", "5 Arbeitstage"),
        (1500, "1,500 business days", "1.500 Arbeitstage"),
    ],
)
def test_counts_with_thousands(n, en, de):
    assert EN.count(n, "{n} business day", "{n} business days") == en
    assert DE.count(n, "{n} business day", "{n} business days") == de


def test_relative_calendar_days():
    assert [EN.days_from(THU, THU), EN.days_from(date(2026, 12, 4), THU)] == ["today", "tomorrow"]
    assert EN.days_from(date(2026, 12, 2), THU) == "yesterday"
    assert EN.days_from(date(2026, 12, 8), THU) == "in 5 days"
    assert DE.days_from(date(2026, 12, 8), THU) == "in 5 Tagen"
    assert DE.days_from(date(2026, 11, 28), THU) == "vor 5 Tagen"


def test_deadlines_count_business_days():
    cal = HolidayCalendar("GB", "ENG")
    # Thursday 3 Dec → Tuesday 8 Dec: Fri, Mon, Tue.
    assert EN.due(date(2026, 12, 8), THU, cal) == "due in 3 business days"
    assert DE.due(date(2026, 12, 8), THU, cal) == "fällig in 3 Arbeitstagen"
    assert EN.due(date(2026, 12, 4), THU, cal) == "due in 1 business day"
    assert DE.due(date(2026, 12, 4), THU, cal) == "fällig in 1 Arbeitstag"
    assert EN.due(THU, THU, cal) == "due today"
    assert DE.due(THU, THU, cal) == "heute fällig"
    # Tuesday 1 Dec was two business days before Thursday.
    assert EN.due(date(2026, 12, 1), THU, cal) == "2 business days overdue"
    assert DE.due(date(2026, 12, 2), THU, cal) == "1 Arbeitstag überfällig"
    # Christmas and Boxing Day (moved to Monday 28th) do not count.
    assert EN.due(date(2026, 12, 29), date(2026, 12, 24), cal) == "due in 1 business day"
    # A pause does not count either.
    pause = DateRange(date(2026, 12, 4), date(2026, 12, 7))
    assert EN.due(date(2026, 12, 8), THU, cal, [pause]) == "due in 1 business day"


def test_a_deadline_on_a_weekend_names_the_day():
    fri, sat = date(2026, 12, 4), date(2026, 12, 5)
    assert EN.due(sat, fri) == "due on Sat, 5 Dec 2026"
    assert DE.due(sat, fri) == "fällig am Sa., 5. Dez. 2026"


def test_unknown_locales_fall_back_and_formatters_are_shared():
    assert Formats("xx_YY").date(THU) == "3 Dec 2026"
    assert Formats("C").date(THU) == "3 Dec 2026"
    assert Formats(None).language == "en"
    assert Formats("de_AT").language == "de"
    assert formats("de") is formats("de")
