"""Review dates: a cadence of reviews that lands on working days, and a day at a time.

Kept apart from the review records so the calendar arithmetic reads on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta


def roll_to_business_day(day: date, is_business_day: Callable[[date], bool]) -> date:
    """The day itself if it is a working day, else the next one (weekends, holidays)."""
    for _ in range(366):
        if is_business_day(day):
            return day
        day += timedelta(days=1)
    raise ValueError("No business day within a year; check the holiday calendar.")


def cadence_dates(
    first: date,
    until: date,
    every_days: int,
    is_business_day: Callable[[date], bool],
    business_days: bool = True,
    limit: int = 52,
) -> list[date]:
    """Review dates from ``first`` to ``until`` (inclusive), one every ``every_days``.

    With ``business_days`` the step counts working days only; otherwise calendar days. Every
    date falls on a business day: one that lands on a weekend or holiday moves to the next
    working day, and the following step counts from the planned date, so one holiday does not
    shift the rest of the series.
    """
    if every_days < 1:
        raise ValueError("The cadence must be at least one day.")
    out: list[date] = []
    planned = roll_to_business_day(first, is_business_day)
    while planned <= until and len(out) < limit:
        actual = roll_to_business_day(planned, is_business_day)
        if actual > until:
            break
        if not out or actual > out[-1]:
            out.append(actual)
        if business_days:
            steps = 0
            while steps < every_days:
                planned += timedelta(days=1)
                if is_business_day(planned):
                    steps += 1
        else:
            planned += timedelta(days=every_days)
    return out


def at_time(day: date, when: time) -> datetime:
    return datetime.combine(day, when)
