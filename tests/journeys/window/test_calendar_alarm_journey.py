"""Journey: the officer sets the calendar reminder alarm in Preferences, and both .ics exports
(a case's Reviews tab and the agenda window) carry that alarm; "No alarm" removes it again.
Results are read back from the exported files."""

from __future__ import annotations

from datetime import date, timedelta

from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.views.case.case_workspace import CaseWorkspace
from app.views.preferences.preferences_dialog import PreferencesDialog
from app.views.reviews.agenda_window import AgendaWindow
from tests.factories import open_case
from tests.journeys.walk import answer_modal, click, dialog, trigger, type_text
from tests.plan_factories import plan, review


def _set_alarm(qtbot, window, text: str, reminders: bool = False) -> None:
    trigger(window, "preferencesAction")
    prefs = dialog(qtbot, window, PreferencesDialog)
    prefs.alarm_minutes.selectAll()
    type_text(qtbot, prefs.alarm_minutes, text)
    if prefs.calendar_reminders.isChecked() != reminders:
        click(qtbot, prefs.calendar_reminders)
    prefs.accept()
    qtbot.waitUntil(lambda: not prefs.isVisible())


def _export(qtbot, button, out, monkeypatch) -> list:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    answer_modal(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Save).click())
    click(qtbot, button)
    qtbot.waitUntil(out.exists)
    return [c for c in Calendar.from_ical(out.read_bytes()).walk() if c.name == "VEVENT"]


def _triggers(events) -> list:
    return [a["TRIGGER"].dt for e in events for a in e.walk("VALARM")]


def test_the_alarm_set_in_preferences_reaches_every_calendar_export(
    qtbot, unlocked, tmp_path, monkeypatch
):
    window, services = unlocked.main_window, unlocked.services
    case = open_case(services, stage="improvement_plan")
    services.plans.create(plan(case, agreed_on=date(2026, 3, 13), employee_agreed=True))
    services.reviews.schedule(review(case, on=date(2026, 3, 20)))
    _set_alarm(qtbot, window, "45")
    assert window.settings_store.calendar_alarm_minutes == 45

    window.refresh_everything()
    window.case_list.table.selectRow(0)
    qtbot.keyClick(window.case_list.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), CaseWorkspace))
    ws = window.tabs.currentWidget()
    reviews = ws.tab("Reviews")
    ws.tabs.setCurrentWidget(reviews)
    reviews.reviews.view.clearSelection()
    events = _export(qtbot, reviews.export_button, tmp_path / "case.ics", monkeypatch)
    assert len(events) == 1
    assert _triggers(events) == [timedelta(minutes=-45)]
    (alarm,) = events[0].walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"

    trigger(window, "agendaAction")
    agenda = dialog(qtbot, window, AgendaWindow)
    events = _export(qtbot, agenda.export_button, tmp_path / "agenda.ics", monkeypatch)
    assert len(events) == 1 and _triggers(events) == [timedelta(minutes=-45)]
    agenda.close()

    _set_alarm(qtbot, window, "0")  # rings as the review starts
    assert window.settings_store.calendar_alarm_minutes == 0
    events = _export(qtbot, reviews.export_button, tmp_path / "start.ics", monkeypatch)
    assert _triggers(events) == [timedelta(0)]

    trigger(window, "preferencesAction")
    prefs = dialog(qtbot, window, PreferencesDialog)
    prefs.alarm_minutes.setValue(prefs.alarm_minutes.minimum())
    assert prefs.alarm_minutes.text() == "No alarm"
    prefs.accept()
    assert window.settings_store.calendar_alarm_minutes is None
    events = _export(qtbot, reviews.export_button, tmp_path / "none.ics", monkeypatch)
    assert len(events) == 1 and _triggers(events) == []


def test_reminders_join_the_export_unless_turned_off_in_preferences(
    qtbot, unlocked, tmp_path, monkeypatch
):
    """Check-ins, stage deadlines and micro-goal due dates go into the window's .ics export
    as neutral all-day entries, with the officer's alarm; Preferences can leave them out."""
    window, services = unlocked.main_window, unlocked.services
    case = open_case(services, stage="improvement_plan")
    services.plans.create(plan(case, agreed_on=date(2026, 3, 13), employee_agreed=True))
    services.reviews.schedule(review(case, on=date(2026, 3, 20)))
    assert window.settings_store.calendar_reminders  # on by default
    _set_alarm(qtbot, window, "30", reminders=True)

    trigger(window, "agendaAction")
    agenda = dialog(qtbot, window, AgendaWindow)
    events = _export(qtbot, agenda.export_button, tmp_path / "with.ics", monkeypatch)
    agenda.close()
    all_day = [e for e in events if not hasattr(e["DTSTART"].dt, "hour")]
    timed = [e for e in events if hasattr(e["DTSTART"].dt, "hour")]
    assert len(timed) == 1 and len(all_day) >= 1
    assert all(case.reference in str(e["SUMMARY"]) for e in all_day)
    assert "Ångström" not in out_text(tmp_path / "with.ics")  # neutral titles
    assert _triggers(all_day) == [timedelta(minutes=-30)] * len(all_day)

    _set_alarm(qtbot, window, "30", reminders=False)
    assert not window.settings_store.calendar_reminders
    trigger(window, "agendaAction")
    agenda = dialog(qtbot, window, AgendaWindow)
    events = _export(qtbot, agenda.export_button, tmp_path / "without.ics", monkeypatch)
    agenda.close()
    assert len(events) == 1


def out_text(path) -> str:
    return path.read_text(encoding="utf-8")
