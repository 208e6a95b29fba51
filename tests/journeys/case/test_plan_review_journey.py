"""Journey: working a plan and its reviews from the case view — progress, a micro-goal that
cannot be missed before its date, then done, a revision after agreement, a review cancelled
with a reason and the reviews exported to a calendar. Results are read back through the
services and the .ics file."""

from __future__ import annotations

from datetime import date

from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from app.domain.plans.plans import MicroGoalStatus, PlanStatus
from app.domain.plans.reviews import ReviewStatus
from app.models.plans.plan_outline_model import GOAL, OBJECTIVE, OutlineRef
from app.views.case.case_workspace import CaseWorkspace
from app.views.plans.plan_dialog import PlanDialog
from app.views.plans.progress_dialog import ProgressDialog
from tests.factories import open_case
from tests.journeys.walk import answer_modal, click, click_line, dialog, type_text
from tests.plan_factories import plan, review


def _open(qtbot, window, services):
    case = open_case(services, stage="improvement_plan")
    services.plans.create(plan(case, agreed_on=date(2026, 3, 13), employee_agreed=True))
    services.reviews.schedule(review(case, on=date(2026, 3, 20)))
    window.refresh_everything()
    window.case_list.table.selectRow(0)
    qtbot.keyClick(window.case_list.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), CaseWorkspace))
    return case, window.tabs.currentWidget()


def test_plan_progress_missed_goal_revision_and_reviews(qtbot, unlocked, tmp_path, monkeypatch):
    window, services = unlocked.main_window, unlocked.services
    warnings: list[str] = []
    monkeypatch.setattr(
        "app.views.case.tabs.case_tab.QMessageBox.warning",
        lambda parent, t, text: warnings.append(text),
    )
    case, ws = _open(qtbot, window, services)
    tab = ws.tab("Plan")
    ws.tabs.setCurrentWidget(tab)

    click(qtbot, tab.progress_button)
    progress = dialog(qtbot, ws, ProgressDialog)
    type_text(qtbot, progress.value, "lots")  # not a number: said inline, not saved
    assert progress.message_for("value")
    progress.value.clear()
    type_text(qtbot, progress.value, "33")
    type_text(qtbot, progress.note, "Backlog halved.")
    click(qtbot, progress.save_button)
    assert not progress.isVisible(), progress.status.text()
    assert services.plans.progress(case.id)[-1].value == 33.0

    click_line(qtbot, tab.tree, tab.outline.index_of(OutlineRef(GOAL, 0, 0)))
    missed = tab.missed_button

    def answer(box):
        box.setTextValue("Two weeks of sick leave")
        box.accept()

    answer_modal(QInputDialog, answer)
    click(qtbot, missed)  # not due yet: refused with the reason, nothing changes
    assert "cannot be missed yet" in warnings.pop()
    click(qtbot, tab.done_button)
    assert not warnings, warnings
    goal = services.plans.active(case.id).objectives[0].micro_goals[0]
    assert goal.status is MicroGoalStatus.DONE

    click(qtbot, tab.revise_button)
    revise = dialog(qtbot, ws, PlanDialog)
    assert not revise.can_save  # a revision needs a change and a reason
    click_line(qtbot, revise.tree, revise.outline.index_of(OutlineRef(OBJECTIVE, 0)))
    revise.objective_form.target.clear()
    type_text(qtbot, revise.objective_form.target, "42")
    type_text(qtbot, revise.reason, "Workload reduced")
    click(qtbot, revise.save_button)
    versions = services.plans.versions(case.id)
    assert [v.status for v in versions] == [PlanStatus.SUPERSEDED, PlanStatus.ACTIVE]
    assert versions[1].objectives[0].target == 42.0

    reviews = ws.tab("Reviews")
    ws.tabs.setCurrentWidget(reviews)
    reviews.reviews.view.selectRow(0)
    out = tmp_path / "reviews.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))

    def neutral(box):
        texts.append(box.text())
        box.button(QMessageBox.StandardButton.Save).click()

    texts: list[str] = []
    answer_modal(QMessageBox, neutral)
    click(qtbot, reviews.export_button)
    assert "no names" in texts[0]
    calendar = Calendar.from_ical(out.read_bytes())
    (event,) = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert case.reference in str(event["SUMMARY"]) and "Zoë" not in out.read_text("utf-8")

    def cancel(box):
        box.setTextValue("The manager is away")
        box.accept()

    answer_modal(QInputDialog, cancel)
    click(qtbot, reviews.cancel_button)
    assert services.reviews.for_case(case.id)[0].status is ReviewStatus.CANCELLED
