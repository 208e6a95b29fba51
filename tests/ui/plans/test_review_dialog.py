"""Scheduling and recording reviews through the dialogs; the Reviews tab and the agenda."""

from __future__ import annotations

from datetime import date

import pytest
from icalendar import Calendar
from PySide6.QtCore import QDate, QTime

from app.domain.plans.reviews import Assessment, ReviewDecision, ReviewStatus
from app.domain.records import Track
from app.views.reviews.agenda_window import AgendaWindow
from app.views.reviews.review_dialog import ReviewDialog
from app.views.reviews.review_outcome_dialog import ReviewOutcomeDialog
from app.views.reviews.reviews_tab import ReviewsTab
from app.views.settings_store import SettingsStore
from tests.factories import open_case
from tests.plan_factories import plan, review


@pytest.fixture
def case(services):
    return open_case(services, stage="improvement_plan")


def test_schedule_one_review(qtbot, services, case):
    dialog = ReviewDialog(services, case.id)
    qtbot.addWidget(dialog)
    assert dialog.employee.text() == "Zoë Ångström"
    assert dialog.supervisor.text() == "Ola Nordmann"
    assert not dialog.can_save  # no place or link yet
    dialog.day.setDate(QDate(2026, 3, 24))
    dialog.time.setTime(QTime(14, 30))
    dialog.call_link.setText("meet me")
    assert "https://" in dialog.message_for("call_link")
    dialog.call_link.setText("https://meet.example.com/abc")
    assert dialog.can_save, dialog.status.text()
    dialog.accept()
    (stored,) = services.reviews.for_case(case.id)
    assert stored.starts_at.isoformat() == "2026-03-24T14:30:00"
    assert stored.timezone == "Europe/London"


def test_high_stakes_needs_an_observer_before_save(qtbot, services):
    case = open_case(services, stage="improvement_plan", track=Track.HIGH_STAKES)
    dialog = ReviewDialog(services, case.id)
    qtbot.addWidget(dialog)
    dialog.location.setText("Room 4")
    dialog.hr.setText("")
    assert not dialog.can_save
    assert "high-stakes" not in dialog.status.text()  # calm until Save is pressed
    assert "Neutral observer" in dialog.status.text()
    dialog.accept()  # refused: every problem is now said beside its field and above Save
    assert dialog.isVisible() or dialog.result() == 0
    assert "high-stakes" in dialog.status.text() and "high-stakes" in dialog.message_for(
        "participants.observer"
    )
    assert services.reviews.for_case(case.id) == []
    dialog.observer.setText("Ola Nordmann")  # the supervisor is not neutral
    assert "someone other than" in dialog.status.text()
    dialog.observer.setText("Sam Lee")
    assert dialog.can_save, dialog.status.text()
    dialog.accept()
    assert [p.name for p in services.reviews.for_case(case.id)[0].participants][-1] == "Sam Lee"


def test_schedule_a_series_with_preview(qtbot, services, case):
    dialog = ReviewDialog(services, case.id)
    qtbot.addWidget(dialog)
    dialog.location.setText("Room 4")
    dialog.day.setDate(QDate(2026, 3, 20))
    dialog.repeat.setChecked(True)
    dialog.until.setDate(QDate(2026, 5, 1))
    preview = dialog.preview.text()
    # every 10 working days; Good Friday and Easter Monday are skipped
    assert preview == "3 reviews: Fri 20 Mar, Tue 7 Apr, Tue 21 Apr"
    dialog.accept()
    assert [r.on for r in services.reviews.for_case(case.id)] == [
        date(2026, 3, 20),
        date(2026, 4, 7),
        date(2026, 4, 21),
    ]


def test_record_outcome_through_the_dialog(qtbot, services, case):
    p = services.plans.create(plan(case, agreed_on=date(2026, 3, 13), employee_agreed=True))
    r = services.reviews.schedule(review(case, on=date(2026, 3, 16)))
    dialog = ReviewOutcomeDialog(services, r)
    qtbot.addWidget(dialog)
    dialog.summary.setPlainText("Good progress on the backlog.")
    assert not dialog.can_save
    assert "Assess every objective" not in dialog.status.text()
    dialog.accept()  # Save explains what is missing
    assert "Assess every objective" in dialog.status.text()
    dialog.set_assessment(0, Assessment.PROGRESSING, "Halfway there")
    _uid, _combo, _comment, target, stretch = dialog.rows[0]
    target.setText("38")
    stretch.setText("36")
    assert "go beyond its target" in dialog.status.text()
    stretch.setText("42")
    dialog.decision.setCurrentIndex(dialog.decision.findData(ReviewDecision.CONTINUE.value))
    assert dialog.can_save, dialog.status.text()
    dialog.accept()
    assert services.reviews.get(r.id).status is ReviewStatus.HELD
    outcome = services.reviews.outcome_for(r.id)
    assert outcome.assessments[0].comment == "Halfway there"
    assert services.plans.active(case.id).objectives[0].target == 38.0
    assert services.plans.active(case.id).version == p.version + 1
    assert services.reviews.facts(case.id)["review_held"]


def test_outcome_warns_when_the_observer_was_absent_on_high_stakes(qtbot, services):
    case = open_case(services, stage="formal_review", track=Track.HIGH_STAKES)
    services.plans.create(plan(case))
    r = services.reviews.schedule(review(case, on=date(2026, 3, 16)))
    dialog = ReviewOutcomeDialog(services, r)
    qtbot.addWidget(dialog)
    dialog.set_assessment(0, Assessment.MET)
    dialog.summary.setPlainText("Met.")
    observer_check = next(c for c, p in dialog.attended if p.role.neutral)
    observer_check.setChecked(False)
    assert "does not satisfy the policy" in dialog.status.text()


def test_reviews_tab_lists_cancels_and_exports(qtbot, services, case, tmp_path):
    services.plans.create(plan(case))
    first = services.reviews.schedule(review(case, on=date(2026, 3, 20)))
    services.reviews.schedule(review(case, on=date(2026, 4, 7)))
    tab = ReviewsTab(services, case.id)
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.reviews.model.rowCount() == 2
    tab.reviews.select_id(first.id)
    assert tab.outcome_button.isEnabled() and tab.cancel_button.isEnabled()
    assert "Agenda" in tab.detail.toPlainText()
    assert "Close more tickets" in tab.detail.toPlainText()
    assert tab.cancel_selected("Employee on leave")
    assert services.reviews.get(first.id).status is ReviewStatus.CANCELLED
    tab.reviews.view.clearSelection()
    out = tmp_path / "case.ics"
    SettingsStore().calendar_reminders = False  # the reviews alone
    assert tab.export_calendar(out, include_names=False) == 2
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert sorted(str(e["status"]) for e in events) == ["CANCELLED", "CONFIRMED"]
    SettingsStore().calendar_reminders = True  # plus check-ins, deadlines, micro-goals
    assert tab.export_calendar(out, include_names=False) > 2
    tab.clear()
    assert tab.reviews.model.rowCount() == 0


def test_agenda_window_shows_overdue_and_opens_cases(qtbot, services, case, clock):
    services.plans.create(plan(case))
    services.reviews.schedule(review(case, on=date(2026, 3, 18)))
    clock.set(date(2026, 3, 30))
    window = AgendaWindow(services)
    qtbot.addWidget(window)
    assert window.model.rowCount() == 3  # the review and two micro-goals in 4 weeks
    assert "2 overdue" in window.summary.text()
    with qtbot.waitSignal(window.case_activated) as signal:
        window.view.doubleClicked.emit(window.proxy.index(0, 0))
    assert signal.args == [case.id]
    window.close()
    assert window.model.rowCount() == 0 and window.services is None
