"""The plan editor and the Plan tab, driven the way an officer would use them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush

from app.domain.plans import MicroGoalStatus, PlanStatus
from app.models.theme import problem_background
from app.views.plans.plan_dialog import PlanDialog, ProgressDialog, friendly_field
from app.views.plans.plan_tab import PlanTab
from tests.factories import open_case
from tests.plan_factories import plan

EDIT = Qt.ItemDataRole.EditRole


@pytest.fixture
def case(services):
    return open_case(services, stage="improvement_plan")


def set_cell(model, row, field, value):
    col = [c.field for c in model.columns].index(field)
    assert model.setData(model.index(row, col), value, EDIT), field
    return model.index(row, col)


def test_new_plan_built_in_the_editor(qtbot, services, case):
    dialog = PlanDialog(services, case.id)
    qtbot.addWidget(dialog)
    assert dialog.manager.text() == "Ola Nordmann"  # the employee's manager
    assert dialog.hr_officer.text() == "Hana Officer"
    assert not dialog.save_button.isEnabled()
    assert "at least one objective" in dialog.status.text()
    dialog.starts_on.setDate(QDate(2026, 3, 16))
    dialog.ends_on.setDate(QDate(2026, 6, 12))
    dialog.sponsor.setText("Ingrid Lindqvist")
    row = dialog.add_objective()
    objectives = dialog.objectives.model
    set_cell(objectives, row, "title", "Close more tickets")
    set_cell(objectives, row, "measure", "Tickets closed per week")
    set_cell(objectives, row, "baseline", "28")
    set_cell(objectives, row, "target", "40")
    set_cell(objectives, row, "stretch_target", "45")
    goal = dialog.add_micro_goal()
    set_cell(dialog.goals.model, goal, "title", "Clear the old backlog")
    dialog.add_resource()
    set_cell(dialog.resources.model, 0, "provider", "Ola Nordmann")
    set_cell(dialog.resources.model, 0, "description", "Weekly coaching")
    assert dialog.report.ok, dialog.status.text()
    assert dialog.save_button.isEnabled()
    dialog.accept()
    stored = services.plans.active(case.id)
    assert stored is not None and stored.version == 1
    obj = stored.objectives[0]
    assert (obj.title, obj.baseline, obj.target, obj.stretch_target) == (
        "Close more tickets",
        28.0,
        40.0,
        45.0,
    )
    assert obj.micro_goals[0].title == "Clear the old backlog"
    assert stored.resources[0].provider == "Ola Nordmann"
    assert stored.executive_sponsor == "Ingrid Lindqvist"


def test_inline_errors_on_cells_and_no_save(qtbot, services, case):
    dialog = PlanDialog(services, case.id)
    qtbot.addWidget(dialog)
    row = dialog.add_objective()
    objectives = dialog.objectives.model
    set_cell(objectives, row, "title", "Fewer errors")
    set_cell(objectives, row, "measure", "Errors per 100 invoices")
    set_cell(objectives, row, "baseline", "6")
    cell = set_cell(objectives, row, "target", "2")  # wrong way round for higher-is-better
    assert not dialog.save_button.isEnabled()
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == QBrush(problem_background())
    assert "Objective 1, target" in dialog.status.text()
    set_cell(objectives, row, "direction", "lower_is_better")
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is None
    dialog.ends_on.setDate(QDate(2026, 5, 1))  # the objective's date is now outside
    assert "outside the plan period" in cell.model().index(row, 7).data(Qt.ItemDataRole.ToolTipRole)
    dialog.accept()  # refused: the dialog stays open and nothing is stored
    assert dialog.result() == 0
    assert services.plans.active(case.id) is None


def test_editing_an_agreed_plan_is_a_revision(qtbot, services, case):
    v1 = services.plans.create(plan(case, agreed_on=date(2026, 3, 13), employee_agreed=True))
    tab = PlanTab(services, case.id)
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.revise_button.isVisibleTo(tab) and not tab.edit_button.isVisibleTo(tab)
    dialog = tab.edit_plan()
    assert dialog.mode == "revise" and dialog.windowTitle() == "Revise coaching plan v1"
    assert not dialog.save_button.isEnabled()  # nothing changed, no reason yet
    set_cell(dialog.objectives.model, 0, "target", "42")
    dialog.agreed_on.setDate(QDate(2026, 3, 12))
    assert (
        "before the previous one" in dialog.message_for("agreed_on")
        or "before the previous one" in dialog.status.text()
    )
    dialog.agreed_on.setDate(QDate(2026, 3, 16))
    assert not dialog.save_button.isEnabled()
    dialog.reason.setText("Workload reduced")
    assert dialog.save_button.isEnabled(), dialog.status.text()
    dialog.accept()
    versions = services.plans.versions(case.id)
    assert [(v.version, v.status) for v in versions] == [
        (1, PlanStatus.SUPERSEDED),
        (2, PlanStatus.ACTIVE),
    ]
    assert versions[1].objectives[0].target == 42.0
    assert versions[0].objectives[0].target == 40.0
    assert "Revision v2" in tab.header.text()
    history = tab.history.model.records()
    assert [r.plan.version for r in history] == [1, 2]
    tab.history.select_id(None)
    tab._show_version(history[1])
    assert "target: 40 → 42" in tab.detail.toPlainText()
    assert v1.id == versions[0].id


def test_plan_tab_ticks_off_micro_goals_and_records_progress(qtbot, services, case):
    services.plans.create(plan(case, agreed_on=date(2026, 3, 13), employee_agreed=True))
    tab = PlanTab(services, case.id)
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.goals.model.rowCount() == 2
    tab.goals.view.selectRow(0)
    assert tab.mark(MicroGoalStatus.DONE, "Cleared early")
    goal = services.plans.active(case.id).objectives[0].micro_goals[0]
    assert (goal.status, goal.note) == (MicroGoalStatus.DONE, "Cleared early")
    assert services.plans.active(case.id).version == 1  # tracking, not a revision

    dialog = tab.add_progress()
    assert isinstance(dialog, ProgressDialog)
    dialog.value.setText("36")
    dialog.note.setPlainText("Backlog under 20 tickets")
    dialog.milestone.setChecked(True)
    assert dialog.save_button.isEnabled(), dialog.status.text()
    dialog.accept()
    assert tab.progress.model.rowCount() == 1
    assert tab.progress.model.index(0, 4).data() == "★ achieved"
    assert "36" in tab.objectives.model.index(0, 2).data()


def test_progress_form_refuses_a_non_number(qtbot, services, case):
    p = services.plans.create(plan(case))
    dialog = ProgressDialog(services, case.id, p)
    qtbot.addWidget(dialog)
    dialog.note.setPlainText("ok")
    dialog.value.setText("about thirty")
    assert not dialog.save_button.isEnabled()
    assert "number" in dialog.status.text()


def test_tab_clears_on_lock(qtbot, services, case):
    services.plans.create(plan(case))
    tab = PlanTab(services, case.id)
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.objectives.model.rowCount() == 1
    tab.clear()
    assert tab.objectives.model.rowCount() == 0
    assert tab.detail.toPlainText() == "" and tab.header.text() == ""
    assert tab.services is None


def test_friendly_field_names():
    assert (
        friendly_field("objectives[0].micro_goals[1].due_on") == "Objective 1, micro-goal 2, date"
    )
    assert friendly_field("resources[2].provider") == "Resource 3, provider"
    assert friendly_field("manager") == "manager"


def test_earlier_version_edit_is_not_offered(qtbot, services, case):
    v1 = services.plans.create(plan(case, agreed_on=date(2026, 3, 13), employee_agreed=True))
    services.plans.revise(replace(v1, ends_on=date(2026, 6, 5)), "Longer", date(2026, 3, 16), True)
    tab = PlanTab(services, case.id)
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.plan.version == 2  # the editor always opens the current version
