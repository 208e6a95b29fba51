"""Reminders in the .ics export, read back with icalendar: neutral, stable, with an alarm."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from app.documents.calendar.calendar_export import ReviewEvent, to_ics
from app.documents.calendar.calendar_reminders import Reminder
from app.domain.escalation.flags import DeadlineKind
from tests.factories import open_case
from tests.plan_factories import plan, review

STAMP = datetime(2026, 3, 16, 9, 0, tzinfo=UTC)


def _events(data: bytes) -> dict[str, object]:
    return {str(e["uid"]): e for e in Calendar.from_ical(data).walk("VEVENT")}


def test_reminders_are_all_day_neutral_and_carry_the_alarm():
    data = to_ics(
        [ReviewEvent(review(7, on=date(2026, 3, 20), uid="r1"), "C-2026-0007", "Zoë Ångström")],
        stamp=STAMP,
        reminders=[
            Reminder("check_in", date(2026, 3, 23), "C-2026-0007", "7"),
            Reminder("stage_deadline", date(2026, 4, 13), "C-2026-0007", "7"),
            Reminder("micro_goal", date(2026, 3, 27), "C-2026-0007", "goal-uid-1"),
        ],
        alarm_minutes=90,
    )
    got = _events(data)
    assert set(got) == {
        "r1@casepath",
        "check_in-7@casepath",
        "stage_deadline-7@casepath",
        "micro_goal-goal-uid-1@casepath",
    }
    goal = got["micro_goal-goal-uid-1@casepath"]
    assert str(goal["summary"]) == "Micro-goal due – C-2026-0007"
    assert goal.decoded("dtstart") == date(2026, 3, 27)  # a date: an all-day event
    assert goal.decoded("dtend") == date(2026, 3, 28)
    assert str(got["check_in-7@casepath"]["summary"]) == "Check-in due – C-2026-0007"
    assert str(got["stage_deadline-7@casepath"]["summary"]) == "Stage deadline – C-2026-0007"
    for ev in got.values():
        (alarm,) = ev.walk("VALARM")
        assert str(alarm["action"]) == "DISPLAY"
        assert alarm.decoded("trigger") == timedelta(minutes=-90)
    assert "Zoë" not in data.decode("utf-8")
    without = _events(
        to_ics([], stamp=STAMP, reminders=[Reminder("check_in", date(2026, 3, 23), "C-1", "1")])
    )
    assert not next(iter(without.values())).walk("VALARM")  # no alarm unless asked


@pytest.mark.parametrize("bad", [-5, 10081, 2.5])
def test_alarm_out_of_bounds_is_refused(bad):
    with pytest.raises(ValueError, match="alarm must be"):
        to_ics([], stamp=STAMP, alarm_minutes=bad)


def test_export_adds_check_ins_stage_deadlines_and_micro_goals(services, tmp_path, clock):
    case = open_case(services, stage="improvement_plan")
    services.plans.create(plan(case))
    services.reviews.schedule(review(case, on=date(2026, 3, 20)))
    due = {d.kind: d.due_on for d in services.escalation.deadlines(case.id)}
    assert due[DeadlineKind.STAGE] >= clock.today() and due[DeadlineKind.CHECK_IN] >= clock.today()
    out = tmp_path / "all.ics"
    # One review, one stage deadline, one check-in, two micro-goals (27 March, 10 April).
    assert services.reviews.export_ics(out, reminders=True, alarm_minutes=30) == 5
    assert out.stat().st_mode & 0o777 == 0o600
    got = _events(out.read_bytes())
    stage = got[f"stage_deadline-{case.id}@casepath"]
    assert stage.decoded("dtstart") == due[DeadlineKind.STAGE]
    assert got[f"check_in-{case.id}@casepath"].decoded("dtstart") == due[DeadlineKind.CHECK_IN]
    goals = sorted(e.decoded("dtstart") for u, e in got.items() if u.startswith("micro_goal-"))
    assert goals == [date(2026, 3, 27), date(2026, 4, 10)]
    text = out.read_text("utf-8")
    for secret in ("Zoë", "Ångström", "Clear the backlog", "Improvement plan", "Ola Nordmann"):
        assert secret not in text, secret
    assert all(ev.walk("VALARM") for ev in got.values())
    # Re-exporting adds nothing: the same UIDs, so calendars update the events they have.
    again = tmp_path / "again.ics"
    services.reviews.export_ics(again, reminders=True)
    assert set(_events(again.read_bytes())) == set(got)
    # Without reminders the export is the reviews alone, as before.
    assert services.reviews.export_ics(tmp_path / "reviews.ics") == 1
    audited = [e for e in services.vault.audit_events("review") if e.action == "review.export_ics"]
    assert len(audited) == 3  # every export is audited


def test_cli_reminders_and_alarm(services, tmp_path, monkeypatch, passphrase, capsys):
    from app.cli import main

    case = open_case(services, stage="coaching")
    with services.vault.conn.transaction():  # the CLI runs on the real date
        services.vault.conn.execute(
            "UPDATE cases SET stage_entered_on = ? WHERE id = ?",
            (date.today().isoformat(), case.id),
        )
    vault = str(services.vault.path)
    services.close()
    monkeypatch.setenv("CASEPATH_PASSPHRASE", passphrase)
    out = tmp_path / "cal.ics"
    with pytest.raises(SystemExit):
        main(["ics", vault, "--out", str(out), "--reminders", "--alarm-minutes", "99999"])
    assert "alarm must be 0 to 10080 minutes" in capsys.readouterr().err
    assert not out.exists()
    assert main(["ics", vault, "--out", str(out), "--reminders", "--alarm-minutes", "15"]) == 0
    got = _events(out.read_bytes())
    assert f"stage_deadline-{case.id}@casepath" in got
    (alarm,) = got[f"stage_deadline-{case.id}@casepath"].walk("VALARM")
    assert alarm.decoded("trigger") == timedelta(minutes=-15)
