"""Reminders in the .ics export: check-ins, stage deadlines and micro-goal due dates.

All-day events with neutral titles — the kind of reminder and the case reference, never a
name, a stage (a "Formal concern" in a shared calendar says too much) or a goal's text.
UIDs are stable per case and obligation, so a re-export moves the reminder instead of adding
another; SEQUENCE grows with the export time so calendars accept the move. Casepath sends
nothing to anyone: the officer imports the file into their own calendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from app.domain.words.translation import N_, translate

if TYPE_CHECKING:  # icalendar is imported only when an .ics file is written
    from icalendar import Event

MAX_ALARM_MINUTES = 7 * 24 * 60  # a week before
TITLES = {
    "check_in": N_("Check-in due"),
    "stage_deadline": N_("Stage deadline"),
    "micro_goal": N_("Micro-goal due"),
}


@dataclass(frozen=True)
class Reminder:
    kind: str  # a key of TITLES
    on: date
    reference: str
    key: str  # stable per obligation: "<case id>" or a micro-goal's uid

    @property
    def uid(self) -> str:
        return f"{self.kind}-{self.key}@casepath"

    @property
    def title(self) -> str:
        return self.title_in("en")

    def title_in(self, language: str) -> str:
        return f"{translate(language, TITLES[self.kind])} – {self.reference}"


def check_alarm_minutes(minutes: int | None) -> None:
    """None (no alarm) or 0 … a week; anything else raises ValueError with a clear message."""
    if minutes is None:
        return
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise ValueError("The alarm must be a whole number of minutes.")
    if not 0 <= minutes <= MAX_ALARM_MINUTES:
        raise ValueError(
            f"The alarm must be 0 to {MAX_ALARM_MINUTES} minutes (a week) before, not {minutes}."
        )


def add_alarm(event: Event, minutes: int | None) -> None:
    """A display alarm ``minutes`` before the event's start, with a neutral text."""
    if minutes is None:
        return
    from icalendar import Alarm

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", timedelta(minutes=-minutes))
    alarm.add("description", str(event.get("summary", "Casepath")))
    event.add_component(alarm)


def reminder_event(
    item: Reminder, stamp: datetime, alarm_minutes: int | None, language: str = "en"
) -> Event:
    from icalendar import Event

    ev = Event()
    ev.add("uid", item.uid)
    ev.add("dtstamp", stamp)
    ev.add("sequence", int(stamp.timestamp()) // 60)
    ev.add("dtstart", item.on)
    ev.add("dtend", item.on + timedelta(days=1))
    ev.add("summary", item.title_in(language))
    ev.add("class", "CONFIDENTIAL")
    ev.add("transp", "TRANSPARENT")  # a reminder, not a meeting: the day stays free
    case = translate(language, "Case {reference}.").format(reference=item.reference)
    ev.add("description", f"{case} {translate(language, 'Details are in Casepath.')}")
    add_alarm(ev, alarm_minutes)
    return ev
