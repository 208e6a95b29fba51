"""Business-day arithmetic: weekends, public holidays of one country/region, and paused days.

Deadlines in the policy are counted in business days. A day counts when it is a weekday, not a
public holiday of the configured country (and subdivision), and not inside an approved pause
(e.g. a leave of absence). Everything here is a pure function of its arguments, so tests can
pin any date.

Counting convention: the start day itself never counts. ``add_business_days(Mon, 1)`` is the
next business day, Tuesday; ``business_days_between(Mon, Tue)`` is 1.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

# Guard against a runaway loop when pauses or holidays are configured absurdly.
MAX_SPAN_DAYS = 366 * 20


@dataclass(frozen=True)
class DateRange:
    """Inclusive range of calendar days, e.g. a pause from its first to its last day."""

    starts_on: date
    ends_on: date

    def __post_init__(self) -> None:
        if self.ends_on < self.starts_on:
            raise ValueError(
                f"A range cannot end ({self.ends_on.isoformat()}) before it starts "
                f"({self.starts_on.isoformat()})."
            )

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.starts_on <= day <= self.ends_on


@lru_cache(maxsize=64)
def _holidays_for(country: str, subdivision: str | None, year: int) -> frozenset[date]:
    import holidays  # ~95 ms; only when a deadline is counted against a calendar

    return frozenset(holidays.country_holidays(country, subdiv=subdivision, years=[year]))


# The calendars of the shipped default policy (resources/policy/default.toml): known to the
# holidays package (tests/unit/escalation/test_business_days.py checks it), so reading a stored
# policy with one of them needs neither that package (~180 ms to import) nor its tables (~240 ms
# to build a year) when nothing counts a deadline, as in a pack or a listing.
KNOWN_CALENDARS = frozenset({("GB", "ENG")})


def check_calendar(country: str, subdivision: str | None) -> str | None:
    """None when ``holidays`` knows the country/subdivision, else what is wrong."""
    if (country, subdivision) in KNOWN_CALENDARS:
        return None
    import holidays

    try:
        holidays.country_holidays(country, years=[2026])
    except NotImplementedError:
        return f"'{country}' is not a country code the holidays package knows (try 'GB', 'DE')."
    if subdivision:
        try:
            holidays.country_holidays(country, subdiv=subdivision, years=[2026])
        except (NotImplementedError, ValueError, KeyError):
            return f"'{subdivision}' is not a known subdivision of '{country}'."
    return None


@dataclass(frozen=True)
class HolidayCalendar:
    """Weekends plus the public holidays of a country and optional subdivision."""

    country: str = "GB"
    subdivision: str | None = "ENG"
    weekend: frozenset[int] = field(default=frozenset({5, 6}))  # Saturday, Sunday

    def is_holiday(self, day: date) -> bool:
        return day in _holidays_for(self.country, self.subdivision, day.year)

    def is_business_day(self, day: date, pauses: Iterable[DateRange] = ()) -> bool:
        if day.weekday() in self.weekend or self.is_holiday(day):
            return False
        return not any(day in p for p in pauses)


def add_business_days(
    start: date, days: int, calendar: HolidayCalendar, pauses: Iterable[DateRange] = ()
) -> date:
    """The day on which ``days`` business days after ``start`` have passed.

    ``days == 0`` returns ``start`` unchanged. Negative values count backwards.
    """
    pauses = tuple(pauses)
    if days == 0:
        return start
    step = timedelta(days=1 if days > 0 else -1)
    remaining = abs(days)
    day = start
    for _ in range(MAX_SPAN_DAYS):
        day += step
        if calendar.is_business_day(day, pauses):
            remaining -= 1
            if remaining == 0:
                return day
    raise ValueError(f"No {abs(days)} business days within 20 years of {start.isoformat()}.")


def business_days_between(
    start: date, end: date, calendar: HolidayCalendar, pauses: Iterable[DateRange] = ()
) -> int:
    """Business days in (start, end]; negative (-(count in (end, start])) when end < start."""
    pauses = tuple(pauses)
    if end == start:
        return 0
    if end < start:
        return -business_days_between(end, start, calendar, pauses)
    if (end - start).days > MAX_SPAN_DAYS:
        raise ValueError("Dates more than 20 years apart.")
    count = 0
    day = start
    one = timedelta(days=1)
    while day < end:
        day += one
        if calendar.is_business_day(day, pauses):
            count += 1
    return count


def next_business_day(
    day: date, calendar: HolidayCalendar, pauses: Iterable[DateRange] = ()
) -> date:
    """``day`` itself when it is a business day, else the first business day after it."""
    pauses = tuple(pauses)
    if calendar.is_business_day(day, pauses):
        return day
    return add_business_days(day, 1, calendar, pauses)
