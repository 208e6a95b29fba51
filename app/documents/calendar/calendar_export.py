"""Formal reviews as an iCalendar (.ics) file that Outlook, Google Calendar and Thunderbird accept.

- Each review's UID is derived from its stable ``uid`` (``<uid>@casepath``), and every change
  bumps its SEQUENCE, so importing a re-export updates the event instead of duplicating it; a
  cancelled review is exported with STATUS:CANCELLED so calendars remove it.
- Start and end carry the review's IANA time zone (``TZID=Europe/London``) with a matching
  VTIMEZONE written as yearly rules (see `vtimezone`), so the meeting keeps its wall-clock
  time across daylight-saving changes in Outlook as well as Google Calendar and Thunderbird.
- By default the title is neutral ("Formal review – C-2026-0007") and the event carries no
  employee name and no case content: calendars are shared, synced and previewed on lock
  screens. Only when the caller opts in (``include_names``) do participants and the agenda go in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from app.documents.calendar.calendar_reminders import (
    Reminder,
    add_alarm,
    check_alarm_minutes,
    reminder_event,
)
from app.domain.plans.reviews import Review, ReviewStatus
from app.domain.words.translation import translate

if TYPE_CHECKING:  # icalendar (~75 ms) is imported only when a file is written
    from icalendar import Calendar, Event, Timezone

PRODID = "-//Casepath//Formal reviews//EN"
UID_DOMAIN = "casepath"


@dataclass(frozen=True)
class ReviewEvent:
    """What one calendar event is made from. ``employee_name`` and ``agenda`` are used only
    when names are included."""

    review: Review
    reference: str
    employee_name: str = ""
    agenda: str = ""


def event_uid(review: Review) -> str:
    return f"{review.uid}@{UID_DOMAIN}"


def neutral_title(reference: str, language: str = "en") -> str:
    return translate(language, "Formal review – {reference}").format(reference=reference)


def build_calendar(
    events: Sequence[ReviewEvent],
    *,
    stamp: datetime,
    include_names: bool = False,
    reminders: Sequence[Reminder] = (),
    alarm_minutes: int | None = None,
    language: str = "en",
) -> Calendar:
    """One VCALENDAR with a VEVENT per review and per reminder, and a VTIMEZONE per zone
    used; with ``alarm_minutes`` every event carries a display alarm that long before. The
    texts are in ``language``, the vault's document language."""
    from icalendar import Calendar

    check_alarm_minutes(alarm_minutes)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    first: date | None = None
    last: date | None = None
    for item in events:
        ev = _event(item, stamp.astimezone(UTC), include_names, language)
        add_alarm(ev, alarm_minutes)
        cal.add_component(ev)
        first = min(first or item.review.on, item.review.on)
        last = max(last or item.review.on, item.review.on)
    for tzid in sorted({item.review.timezone for item in events}):
        cal.add_component(vtimezone(tzid, first.year, last.year))
    for reminder in reminders:
        stamped = stamp.astimezone(UTC)
        cal.add_component(reminder_event(reminder, stamped, alarm_minutes, language))
    return cal


# -- VTIMEZONE ----------------------------------------------------------------------------
# Outlook ignores VTIMEZONE observances listed by RDATE (events then shift by an hour), so
# each zone is described by yearly rules (RRULE FREQ=YEARLY;BYMONTH=…;BYDAY=…), as Outlook
# and Google write them. The rule is read from the zone's transitions and checked against
# the tz database for every exported year; a zone whose changes follow no such rule falls
# back to icalendar's list of transitions.


@dataclass(frozen=True)
class _Onset:
    month: int
    weekday: int  # Monday = 0
    nth: int  # 1..4, or -1 for the last one in the month
    local: time  # wall-clock time of the change, in the offset before it
    offset_from: timedelta
    offset_to: timedelta
    name: str


def _offset(zone: ZoneInfo, instant: datetime) -> timedelta:
    return instant.astimezone(zone).utcoffset() or timedelta(0)


def _transitions(zone: ZoneInfo, year: int) -> list[datetime]:
    """UTC instants (to the minute) at which the zone's offset changes during ``year``."""
    out = []
    day = datetime(year, 1, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    while day < end:
        nxt = day + timedelta(days=1)
        if _offset(zone, day) != _offset(zone, nxt):
            lo, hi = day, nxt
            while hi - lo > timedelta(minutes=1):
                mid = lo + (hi - lo) / 2
                if _offset(zone, mid) == _offset(zone, lo):
                    lo = mid
                else:
                    hi = mid
            out.append(hi.replace(second=0, microsecond=0))
        day = nxt
    return out


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _onsets(zone: ZoneInfo, year: int) -> list[_Onset]:
    out = []
    for instant in _transitions(zone, year):
        before = _offset(zone, instant - timedelta(minutes=1))
        after = _offset(zone, instant)
        local = (instant + before).replace(tzinfo=None)
        days_in_month = (
            date(local.year + local.month // 12, local.month % 12 + 1, 1) - timedelta(days=1)
        ).day
        nth = -1 if local.day + 7 > days_in_month else (local.day - 1) // 7 + 1
        out.append(
            _Onset(
                local.month,
                local.weekday(),
                nth,
                local.time(),
                before,
                after,
                instant.astimezone(zone).tzname() or "",
            )
        )
    return out


def _rule_holds(zone: ZoneInfo, onsets: list[_Onset], years: range) -> bool:
    for year in years:
        actual = _transitions(zone, year)
        expected = []
        for o in onsets:
            local = datetime.combine(_nth_weekday(year, o.month, o.weekday, o.nth), o.local)
            expected.append((local - o.offset_from).replace(tzinfo=UTC))
        if sorted(actual) != sorted(expected):
            return False
    return True


_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _fmt_offset(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


def vtimezone(tzid: str, first_year: int, last_year: int) -> Timezone:
    """A VTIMEZONE for ``tzid`` that is right for every year from ``first_year`` to
    ``last_year`` (plus one on either side), written with yearly rules where possible."""
    from icalendar import Timezone

    zone = ZoneInfo(tzid)
    years = range(first_year - 1, last_year + 2)
    onsets = _onsets(zone, first_year)
    if onsets and (len(onsets) != 2 or not _rule_holds(zone, onsets, years)):
        return Timezone.from_tzid(
            tzid, first_date=date(first_year - 1, 1, 1), last_date=date(last_year + 2, 1, 1)
        )
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}"]
    if not onsets:  # no daylight saving: one standard observance
        if any(_transitions(zone, y) for y in years):
            return Timezone.from_tzid(
                tzid, first_date=date(first_year - 1, 1, 1), last_date=date(last_year + 2, 1, 1)
            )
        moment = datetime(first_year, 1, 1, tzinfo=UTC)
        offset = _fmt_offset(_offset(zone, moment))
        lines += [
            "BEGIN:STANDARD",
            "DTSTART:19700101T000000",
            f"TZNAME:{moment.astimezone(zone).tzname() or tzid}",
            f"TZOFFSETFROM:{offset}",
            f"TZOFFSETTO:{offset}",
            "END:STANDARD",
        ]
    for o in sorted(onsets, key=lambda o: o.offset_to):
        kind = "DAYLIGHT" if o.offset_to > o.offset_from else "STANDARD"
        start = datetime.combine(_nth_weekday(1970, o.month, o.weekday, o.nth), o.local)
        lines += [
            f"BEGIN:{kind}",
            f"DTSTART:{start:%Y%m%dT%H%M%S}",
            f"RRULE:FREQ=YEARLY;BYMONTH={o.month};BYDAY={o.nth}{_BYDAY[o.weekday]}",
            f"TZNAME:{o.name}",
            f"TZOFFSETFROM:{_fmt_offset(o.offset_from)}",
            f"TZOFFSETTO:{_fmt_offset(o.offset_to)}",
            f"END:{kind}",
        ]
    lines.append("END:VTIMEZONE")
    return Timezone.from_ical("\r\n".join(lines) + "\r\n")


def _event(item: ReviewEvent, stamp: datetime, include_names: bool, language: str) -> Event:
    from icalendar import Event

    def _(message: str) -> str:
        return translate(language, message)

    r = item.review
    zone = ZoneInfo(r.timezone)
    start = r.starts_at.replace(tzinfo=zone)
    ev = Event()
    ev.add("uid", event_uid(r))
    ev.add("dtstamp", stamp)
    ev.add("sequence", r.sequence)
    ev.add("dtstart", start)
    ev.add("dtend", start + timedelta(minutes=r.duration_minutes))
    title = neutral_title(item.reference, language)
    if include_names and item.employee_name:
        title = _("Formal review – {name} ({reference})").format(
            name=item.employee_name, reference=item.reference
        )
    ev.add("summary", title)
    ev.add("class", "CONFIDENTIAL")
    ev.add("transp", "OPAQUE")
    ev.add("status", "CANCELLED" if r.status is ReviewStatus.CANCELLED else "CONFIRMED")
    if r.location.strip():
        ev.add("location", r.location.strip())
    if r.call_link.strip():
        ev.add("url", r.call_link.strip())
    lines = [_("Case {reference}.").format(reference=item.reference)]
    if r.call_link.strip():
        lines.append(_("Join: {link}").format(link=r.call_link.strip()))
    if include_names:
        # Names only, in the description: the vault knows no participant e-mail addresses,
        # and ATTENDEE lines without real addresses make Outlook offer to send invitations.
        lines += [f"{_(p.role.label)}: {p.name}" for p in r.participants]
        if item.agenda:
            lines += ["", _("Agenda"), item.agenda]
    else:
        lines.append(_("Details are in Casepath."))
    ev.add("description", "\n".join(lines))
    return ev


def to_ics(
    events: Sequence[ReviewEvent],
    *,
    stamp: datetime,
    include_names: bool = False,
    reminders: Sequence[Reminder] = (),
    alarm_minutes: int | None = None,
    language: str = "en",
) -> bytes:
    return build_calendar(
        events,
        stamp=stamp,
        include_names=include_names,
        reminders=reminders,
        alarm_minutes=alarm_minutes,
        language=language,
    ).to_ical()


def exportable(reviews: Iterable[Review]) -> list[Review]:
    """Scheduled and cancelled reviews (held ones are history, not calendar entries)."""
    return [r for r in reviews if r.status is not ReviewStatus.HELD]
