"""Time as a dependency: services ask a Clock, so tests can fix 'today'."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def today(self) -> date: ...

    def now(self) -> datetime: ...


class SystemClock:
    def today(self) -> date:
        return date.today()

    def now(self) -> datetime:
        return datetime.now(UTC).replace(microsecond=0)


class FixedClock:
    """A clock that only moves when told to (tests, demo generation)."""

    def __init__(self, when: datetime | date) -> None:
        if not isinstance(when, datetime):
            when = datetime(when.year, when.month, when.day, 9, 0, tzinfo=UTC)
        self._now = when

    def today(self) -> date:
        return self._now.date()

    def now(self) -> datetime:
        return self._now

    def advance(self, **delta: float) -> None:
        self._now += timedelta(**delta)

    def set(self, when: datetime | date) -> None:
        self.__init__(when)  # type: ignore[misc]
