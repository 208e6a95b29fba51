"""How long a closed case is kept, per outcome, and which cases that makes due for deletion.

The policy's ``[retention]`` section sets a number of months per outcome, e.g.::

    [retention]
    improved = 12
    succession_or_exit = 72

Each value is bounded (``RETENTION_MONTHS``): records must survive while a dispute is possible,
and a typo such as ``1200`` must not keep a case for a century. An outcome left out means its
cases are never due (kept until erased by hand). A case is due on the day its period ends after
it was closed; a case under legal hold is never due, whatever its dates. Pure: no clock, no SQL.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.domain.records import Outcome

RETENTION_MONTHS = (1, 240)  # one month to twenty years


@dataclass(frozen=True)
class RetentionRules:
    """Months a closed case is kept after closing, per outcome (absent: kept until erased)."""

    months: Mapping[Outcome, int] = field(default_factory=dict, hash=False)

    def months_for(self, outcome: Outcome | None) -> int | None:
        return None if outcome is None else self.months.get(outcome)

    def due_on(self, closed_on: date, outcome: Outcome | None) -> date | None:
        months = self.months_for(outcome)
        return None if months is None else add_months(closed_on, months)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; the 31st becomes the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def read_rules(data: Mapping[str, Any]) -> tuple[RetentionRules, list[tuple[str, str]]]:
    """The ``[retention]`` table of a parsed policy, and every problem with its key path."""
    problems: list[tuple[str, str]] = []
    raw = data.get("retention", {})
    if not isinstance(raw, dict):
        return RetentionRules(), [("retention", "must be a table ([retention])")]
    known = {o.value: o for o in Outcome}
    lo, hi = RETENTION_MONTHS
    months: dict[Outcome, int] = {}
    for key, value in raw.items():
        where = f"retention.{key}"
        if key not in known:
            problems.append((where, f"unknown key (expected one of: {', '.join(sorted(known))})"))
        elif isinstance(value, bool) or not isinstance(value, int):
            problems.append((where, f"must be a whole number of months from {lo} to {hi}"))
        elif not lo <= value <= hi:
            word = "too small" if value < lo else "too large"
            problems.append((where, f"{value} is {word}; allowed: {lo} to {hi} months"))
        else:
            months[known[key]] = value
    return RetentionRules(months), problems


@dataclass(frozen=True)
class ClosedCase:
    """What the retention rule reads of a case (the service fills it from the vault)."""

    case_id: int
    reference: str
    employee_id: int
    closed_on: date
    outcome: Outcome | None
    held: bool = False


@dataclass(frozen=True)
class RetentionDue:
    """A closed case whose retention period has ended, and the rule that ended it."""

    case: ClosedCase
    months: int
    due_on: date

    @property
    def rule(self) -> str:
        """The policy key that makes it due, e.g. ``retention.improved``."""
        return f"retention.{self.case.outcome.value}" if self.case.outcome else "retention"

    def describe(self) -> str:
        """The rule in words, for the window, the CLI and the erasure's audit event."""
        outcome = self.case.outcome.label if self.case.outcome else "No outcome"
        return (
            f"{outcome}: kept {months_words(self.months)} after closing "
            f"(closed {self.case.closed_on.isoformat()}, due {self.due_on.isoformat()})"
        )


def months_words(months: int) -> str:
    if months % 12 == 0:
        years = months // 12
        return "1 year" if years == 1 else f"{years} years"
    return "1 month" if months == 1 else f"{months} months"


def due_cases(
    rules: RetentionRules, closed: list[ClosedCase], today: date
) -> tuple[list[RetentionDue], list[RetentionDue]]:
    """(due, held): cases whose period ended by ``today``; held ones are kept and listed apart."""
    due: list[RetentionDue] = []
    held: list[RetentionDue] = []
    for case in closed:
        months = rules.months_for(case.outcome)
        if months is None:
            continue
        on = add_months(case.closed_on, months)
        if on <= today:
            (held if case.held else due).append(RetentionDue(case, months, on))
    due.sort(key=lambda d: (d.due_on, d.case.reference))
    held.sort(key=lambda d: (d.due_on, d.case.reference))
    return due, held
