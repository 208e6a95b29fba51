"""Deadlines and the flags a case carries on a given date: overdue, due soon, stalled, awaiting
approval.

Pure functions of the case's facts and the date, so the case list, the CLI and the tests agree
and a test can pin any day. The service stores each case's next deadline in ``cases.next_due_on``
so the list can filter and sort on it in SQL; `case_flags` is what both paths compute from.

Definitions (the policy sets the numbers):
- the **stage deadline** is ``deadline_business_days`` (per track) after the case entered its
  stage, plus approved extensions, skipping weekends, public holidays and approved pauses;
- the **next check-in** is ``check_in_business_days`` after the last conversation in the stage
  (or the stage entry), counted the same way;
- the **next deadline** is the earlier of the two;
- **overdue**: the next deadline is before the date; **due soon**: it is today or at most
  ``due_soon_business_days`` business days away; **stalled**: no activity for more than
  ``stalled_after_days`` calendar days and not paused today; **awaiting approval**: a move or an
  exception waits for someone's approval. Closed cases carry no deadline and no flags.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from app.domain.business_days import (
    DateRange,
    HolidayCalendar,
    add_business_days,
    business_days_between,
)
from app.domain.records import Case, CaseStatus, LabelledEnum
from app.domain.words.phrases import Phrase, Term
from app.domain.words.translation import N_, language_of, translate

if TYPE_CHECKING:
    from app.domain.escalation.policy import Policy


class Flag(LabelledEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    STALLED = "stalled"
    AWAITING_APPROVAL = "awaiting_approval"


class DeadlineKind(LabelledEnum):
    STAGE = "stage"
    CHECK_IN = "check_in"


@dataclass(frozen=True)
class Deadline:
    """One dated obligation on a case, with the words to show for it."""

    due_on: date
    kind: DeadlineKind
    description: str  # e.g. "Leave Coaching" or "Next check-in"


@dataclass(frozen=True)
class FlagSettings:
    """The policy's numbers for flags; `Policy.flag_settings` builds one."""

    calendar: HolidayCalendar = HolidayCalendar()
    due_soon_business_days: int = 5
    stalled_after_days: int = 21


class Schedule(NamedTuple):
    """What `EscalationService.deadline()` returns: unpack as ``due, left, flags``."""

    next_due: date | None
    days_left: int | None
    flags: frozenset[Flag]


def stage_deadline(
    entered_on: date,
    business_days: int,
    calendar: HolidayCalendar,
    pauses: Sequence[DateRange] = (),
    extra_business_days: int = 0,
) -> date:
    """The last day to leave the stage: paused days and holidays do not count."""
    return add_business_days(entered_on, business_days + extra_business_days, calendar, pauses)


def next_check_in(
    last_contact_on: date,
    cadence_business_days: int,
    calendar: HolidayCalendar,
    pauses: Sequence[DateRange] = (),
) -> date | None:
    """When the next check-in is due; None when the stage asks for no regular check-ins."""
    if cadence_business_days <= 0:
        return None
    return add_business_days(last_contact_on, cadence_business_days, calendar, pauses)


def deadlines_for(
    policy: Policy,
    case: Case,
    *,
    pauses: Sequence[DateRange] = (),
    extra_business_days: int = 0,
    last_contact_on: date | None = None,
) -> list[Deadline]:
    """Every dated obligation of an open case in its current stage, earliest first."""
    if case.status is CaseStatus.CLOSED or case.stage not in policy.stage_keys:
        return []
    stage = policy.stage(case.stage)
    entered = case.stage_entered_on or case.opened_on
    out = [
        Deadline(
            stage_deadline(
                entered,
                stage.deadline_for(case.track),
                policy.calendar,
                pauses,
                extra_business_days,
            ),
            DeadlineKind.STAGE,
            N_("Conclude the case")
            if stage.key == policy.stage_keys[-1]
            else Phrase(N_("Leave {stage}"), stage=Term(stage.name)),
        )
    ]
    contact = max(entered, last_contact_on) if last_contact_on else entered
    check_in = next_check_in(contact, stage.check_in_for(case.track), policy.calendar, pauses)
    if check_in is not None:
        out.append(Deadline(check_in, DeadlineKind.CHECK_IN, N_("Next check-in")))
    return sorted(out, key=lambda d: (d.due_on, d.kind.value))


def next_deadline(deadlines: Iterable[Deadline]) -> Deadline | None:
    found = sorted(deadlines, key=lambda d: (d.due_on, d.kind.value))
    return found[0] if found else None


def days_left(
    due_on: date | None,
    on: date,
    calendar: HolidayCalendar,
    pauses: Sequence[DateRange] = (),
) -> int | None:
    """Business days from ``on`` to ``due_on`` on which the case's clock runs (paused days do
    not count): 0 on the day, negative once overdue (at least -1, even on the weekend right
    after a Friday deadline)."""
    if due_on is None:
        return None
    left = business_days_between(on, due_on, calendar, pauses)
    return min(left, -1) if due_on < on else left


def due_soon_bound(on: date, settings: FlagSettings) -> date:
    """First day that is no longer 'due soon' (for SQL: ``next_due_on < bound``)."""
    return add_business_days(on, settings.due_soon_business_days + 1, settings.calendar)


def stalled_since(on: date, settings: FlagSettings) -> date:
    """A case is stalled when its last activity is before this day."""
    return on - timedelta(days=settings.stalled_after_days)


def case_flags(
    on: date,
    *,
    next_due_on: date | None,
    last_activity_on: date | None,
    awaiting_approval: bool = False,
    paused: bool = False,
    closed: bool = False,
    settings: FlagSettings = FlagSettings(),
) -> frozenset[Flag]:
    """The flags of one case on ``on``; see the module docstring for each definition."""
    if closed:
        return frozenset()
    flags: set[Flag] = set()
    if next_due_on is not None:
        if next_due_on < on:
            flags.add(Flag.OVERDUE)
        elif next_due_on < due_soon_bound(on, settings):
            flags.add(Flag.DUE_SOON)
    if (
        not paused
        and last_activity_on is not None
        and last_activity_on < stalled_since(on, settings)
    ):
        flags.add(Flag.STALLED)
    if awaiting_approval:
        flags.add(Flag.AWAITING_APPROVAL)
    return frozenset(flags)


def flag_words(flags: Iterable[Flag], language: str | None = None) -> str:
    """'Overdue, awaiting approval' in a fixed order; '' when there are none. In a language
    other than English each flag reads as its catalogue label (German keeps its capitals)."""
    order = list(Flag)
    ordered = sorted(flags, key=order.index)
    if language_of(language) != "en":
        return ", ".join(translate(language, f.label) for f in ordered)
    text = ", ".join(f.label.lower() for f in ordered)
    return text[:1].upper() + text[1:]
