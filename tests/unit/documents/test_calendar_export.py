"""The .ics export read back with icalendar: UIDs, sequence, time zones, neutral titles."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from app.documents.calendar.calendar_export import ReviewEvent, event_uid, to_ics
from app.domain.plans.reviews import ReviewStatus
from tests.factories import open_case
from tests.plan_factories import plan, review

STAMP = datetime(2026, 3, 16, 9, 0, tzinfo=UTC)


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def events(cal: Calendar) -> list:
    return [c for c in cal.walk("VEVENT")]


def test_single_review_field_by_field():
    r = review(
        7,
        on=date(2026, 3, 20),
        at=time(10, 0),
        uid="abc123",
        sequence=2,
        call_link="https://meet.example.com/xyz",
    )
    cal = parse(
        to_ics([ReviewEvent(r, "C-2026-0007", "Zoë Ångström", "1. Secret agenda")], stamp=STAMP)
    )
    assert str(cal["version"]) == "2.0"
    assert str(cal["prodid"]).startswith("-//Casepath")
    (ev,) = events(cal)
    assert str(ev["uid"]) == "abc123@casepath"
    assert str(ev["summary"]) == "Formal review – C-2026-0007"
    assert int(ev["sequence"]) == 2
    start = ev.decoded("dtstart")
    assert start == datetime(2026, 3, 20, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    assert ev["dtstart"].params["TZID"] == "Europe/London"
    assert ev.decoded("dtend") - start == timedelta(hours=1)
    assert ev.decoded("dtstamp") == STAMP
    assert str(ev["location"]) == "Meeting room 4.12"
    assert str(ev["url"]) == "https://meet.example.com/xyz"
    assert str(ev["status"]) == "CONFIRMED"
    assert str(ev["class"]) == "CONFIDENTIAL"
    (tz,) = cal.walk("VTIMEZONE")
    assert str(tz["tzid"]) == "Europe/London"
    assert {c.name for c in tz.subcomponents} == {"STANDARD", "DAYLIGHT"}


def test_default_export_carries_no_names_or_case_content():
    r = review(7, uid="u1")
    data = to_ics(
        [ReviewEvent(r, "C-2026-0007", "Zoë Ångström", "Close more tickets")], stamp=STAMP
    )
    text = data.decode("utf-8")
    for secret in ("Zoë", "Ångström", "Ola Nordmann", "Sam Lee", "Close more tickets"):
        assert secret not in text
    (ev,) = events(parse(data))
    assert "Details are in Casepath" in str(ev["description"])


def test_opting_in_adds_names_and_agenda():
    r = review(7, uid="u1")
    (ev,) = events(
        parse(
            to_ics(
                [ReviewEvent(r, "C-2026-0007", "Zoë Ångström", "1. Close more tickets")],
                stamp=STAMP,
                include_names=True,
            )
        )
    )
    assert str(ev["summary"]) == "Formal review – Zoë Ångström (C-2026-0007)"
    description = str(ev["description"])
    assert "Employee: Zoë Ångström" in description
    assert "Neutral observer: Sam Lee" in description
    assert "1. Close more tickets" in description


def test_daylight_saving_keeps_the_wall_clock_time():
    before = review(1, on=date(2026, 3, 27), uid="a")  # GMT
    after = review(1, on=date(2026, 4, 3), uid="b")  # BST
    ny = review(1, on=date(2026, 3, 27), uid="c", timezone="America/New_York")
    cal = parse(to_ics([ReviewEvent(x, "C-2026-0001") for x in (before, after, ny)], stamp=STAMP))
    starts = {str(e["uid"]): e.decoded("dtstart") for e in events(cal)}
    assert starts["a@casepath"].astimezone(UTC).hour == 10
    assert starts["b@casepath"].astimezone(UTC).hour == 9
    assert starts["c@casepath"].astimezone(UTC).hour == 14
    assert {str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")} == {
        "Europe/London",
        "America/New_York",
    }


def test_cancelled_review_is_exported_as_cancelled():
    r = review(1, uid="gone", status=ReviewStatus.CANCELLED, note="sick", sequence=3)
    (ev,) = events(parse(to_ics([ReviewEvent(r, "C-2026-0001")], stamp=STAMP)))
    assert str(ev["status"]) == "CANCELLED" and int(ev["sequence"]) == 3


@pytest.fixture
def case(services):
    return open_case(services, stage="improvement_plan")


def test_re_export_updates_instead_of_duplicating(services, case, tmp_path):
    services.plans.create(plan(case))
    first = services.reviews.schedule(review(case, on=date(2026, 3, 20)))
    services.reviews.schedule(review(case, on=date(2026, 4, 7)))
    out = tmp_path / "reviews.ics"
    assert services.reviews.export_ics(out) == 2
    before = {str(e["uid"]): int(e["sequence"]) for e in events(parse(out.read_bytes()))}
    services.reviews.reschedule(
        replace(first, starts_at=first.starts_at + timedelta(days=3)), "Room unavailable"
    )
    assert services.reviews.export_ics(out) == 2
    after = {str(e["uid"]): e for e in events(parse(out.read_bytes()))}
    assert set(after) == set(before)  # same UIDs: calendars update, nothing duplicates
    moved = after[event_uid(first)]
    assert int(moved["sequence"]) == before[event_uid(first)] + 1
    assert moved.decoded("dtstart").date() == date(2026, 3, 23)
    assert "review.export_ics" in [e.action for e in services.vault.audit_events("review")]


def test_export_one_case_or_one_review(services, case, tmp_path):
    other = open_case(services, name="Иван Петров", number="E2002", stage="improvement_plan")
    mine = services.reviews.schedule(review(case, on=date(2026, 3, 20)))
    services.reviews.schedule(review(other, on=date(2026, 3, 20)))
    out = tmp_path / "one.ics"
    assert services.reviews.export_ics(out, case_id=case.id) == 1
    assert services.reviews.export_ics(out, review_id=mine.id) == 1
    (ev,) = events(parse(out.read_bytes()))
    assert str(ev["summary"]) == f"Formal review – {case.reference}"
    assert services.reviews.export_ics(tmp_path / "all.ics") == 2
    named = tmp_path / "named.ics"
    services.reviews.export_ics(named, case_id=other.id, include_names=True)
    assert "Иван Петров" in str(events(parse(named.read_bytes()))[0]["summary"])


@pytest.mark.parametrize(
    "tzid",
    [
        "Europe/London",
        "America/New_York",
        "Australia/Sydney",
        "Europe/Berlin",
        "Asia/Kolkata",
        "America/Santiago",
    ],
)
def test_vtimezone_uses_yearly_rules_that_match_the_tz_database(tzid):
    """Outlook shifts events by an hour when a VTIMEZONE lists changes by RDATE."""
    from app.documents.calendar.calendar_export import vtimezone

    tz = vtimezone(tzid, 2026, 2027)
    text = tz.to_ical().decode()
    assert "RDATE" not in text
    zone = ZoneInfo(tzid)
    if tzid != "Asia/Kolkata":
        assert text.count("RRULE:FREQ=YEARLY") == 2
    rebuilt = tz.to_tz(lookup_tzid=False)  # built from the VTIMEZONE text alone
    day = datetime(2025, 1, 3, 12, 0)
    while day.year < 2029:
        assert day.replace(tzinfo=rebuilt).utcoffset() == day.replace(tzinfo=zone).utcoffset()
        day += timedelta(days=5)


def test_zone_without_yearly_rule_falls_back_to_listed_changes():
    from app.documents.calendar.calendar_export import vtimezone

    text = vtimezone("Africa/Casablanca", 2026, 2026).to_ical().decode()
    assert "TZID:Africa/Casablanca" in text and "RDATE" in text
