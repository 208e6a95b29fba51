"""The plan editor and the Plan tab, driven the way an officer would use them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QTableView, QTabWidget

from app.domain.plans.plans import Direction, MicroGoal, MicroGoalStatus, PlanStatus
from app.models.plans.plan_outline_model import (
    GOAL,
    GROUP,
    OBJECTIVE,
    OBJECTIVES_GROUP,
    PROBLEM_MARK,
    RESOURCE,
    OutlineRef,
    PlanOutlineModel,
)
from app.views.plans.plan_dialog import PlanDialog
from app.views.plans.plan_paths import friendly_field
from app.views.plans.plan_tab import PlanTab
from app.views.plans.progress_dialog import ProgressDialog
from tests.factories import open_case
from tests.plan_factories import objective, plan


@pytest.fixture
def case(services):
    return open_case(services, stage="improvement_plan")


def test_new_plan_built_in_the_outline_and_form(qtbot, services, case):
    dialog = PlanDialog(services, case.id)
    qtbot.addWidget(dialog)
    assert dialog.manager.text() == "Ola Nordmann"  # the employee's manager
    assert dialog.hr_officer.text() == "Hana Officer"
    assert not dialog.can_save
    assert "Objectives" in dialog.status.text()  # named quietly, not yet in red
    assert not dialog.findChildren(QTabWidget) and not dialog.findChildren(QTableView)
    dialog.starts_on.setDate(QDate(2026, 3, 16))
    dialog.ends_on.setDate(QDate(2026, 6, 12))
    dialog.sponsor.setText("Ingrid Lindqvist")
    row = dialog.add_objective()
    form = dialog.objective_form
    assert dialog.details.currentWidget() is form and form.title.hasFocus() or row == 0
    form.title.setText("Close more tickets")
    form.measure.setText("Tickets closed per week")
    form.baseline.setText("28")
    form.target.setText("40")
    form.stretch.setText("45")
    assert dialog.add_micro_goal() == 0
    assert dialog.details.currentWidget() is dialog.goal_form
    dialog.goal_form.title.setText("Clear the old backlog")
    dialog.add_resource()
    dialog.resource_form.provider.setText("Ola Nordmann")
    dialog.resource_form.description.setText("Weekly coaching")
    outline = dialog.outline
    texts = [outline.index_of(r).data() for r in outline.all_refs()]
    assert texts == [
        "Objectives",
        "Close more tickets",
        "Clear the old backlog",
        "Resources",
        "Coaching sessions: Weekly coaching",
    ]
    assert dialog.can_save, dialog.status.text()
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


def test_problems_beside_fields_marks_in_the_outline_and_no_save(qtbot, services, case):
    dialog = PlanDialog(services, case.id)
    qtbot.addWidget(dialog)
    dialog.add_objective()
    form = dialog.objective_form
    assert dialog.message_for("objective.title") == ""  # calm: nothing said before typing
    form.title.setText("Fewer errors")
    form.measure.setText("Errors per 100 invoices")
    form.baseline.setText("6")
    form.target.setText("2")  # wrong way round for higher-is-better
    assert not dialog.can_save
    assert "must be above" in dialog.message_for("objective.target")
    line = dialog.outline.index_of(dialog.line)
    assert line.data().startswith(PROBLEM_MARK)
    assert "Objective 1, target" in dialog.status.text()
    form.direction.set_value(Direction.LOWER_IS_BETTER)
    assert dialog.message_for("objective.target") == ""
    assert not dialog.outline.index_of(dialog.line).data().startswith(PROBLEM_MARK)
    form.stretch.setText("a bit")  # kept as typed, said in words
    assert "as a number" in dialog.message_for("objective.stretch_target")
    assert form.stretch.text() == "a bit"
    dialog.select(OutlineRef(GROUP, OBJECTIVES_GROUP))
    dialog.select(OutlineRef(OBJECTIVE, 0))
    assert form.stretch.text() == "a bit"  # nothing typed is lost when moving around
    form.stretch.clear()
    dialog.ends_on.setDate(QDate(2026, 5, 1))  # the objective's date is now outside
    dialog.accept()  # refused: the dialog stays open and nothing is stored
    assert "outside the plan period" in dialog.message_for("objective.due_on")
    assert dialog.result() == 0 and "Not saved yet" in dialog.status.text()
    assert services.plans.active(case.id) is None


def test_outline_add_remove_and_reorder_from_the_keyboard(qtbot, services, case):
    dialog = PlanDialog(services, case.id, services.plans.create(plan(case)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    first, second = (g.title for g in dialog.outline.objectives()[0].micro_goals)
    dialog.select(OutlineRef(GOAL, 0, 0))
    dialog.tree.setFocus()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    goals = [g.title for g in dialog.outline.objectives()[0].micro_goals]
    assert goals == [second, first] and dialog.line == OutlineRef(GOAL, 0, 1)
    click_ref = dialog.line
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [g.title for g in dialog.outline.objectives()[0].micro_goals] == [first, second]
    assert click_ref != dialog.line
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Delete)
    assert [g.title for g in dialog.outline.objectives()[0].micro_goals] == [second]
    qtbot.mouseClick(dialog.add_goal_button, Qt.MouseButton.LeftButton)
    assert len(dialog.outline.objectives()[0].micro_goals) == 2
    qtbot.keyClicks(dialog.goal_form.title, "Shadow a senior analyst")
    dialog.select(OutlineRef(RESOURCE, 1))
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    assert dialog.outline.resources()[0].kind.value == "training"
    assert dialog.can_save, dialog.status.text()
    dialog.accept()
    stored = services.plans.active(case.id)
    assert [g.title for g in stored.objectives[0].micro_goals] == [
        second,
        "Shadow a senior analyst",
    ]
    assert stored.resources[0].kind.value == "training"


def test_editing_an_agreed_plan_is_a_revision(qtbot, services, case):
    v1 = services.plans.create(plan(case, agreed_on=date(2026, 3, 13), employee_agreed=True))
    tab = PlanTab(services, case.id)
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.revise_button.isVisibleTo(tab) and not tab.edit_button.isVisibleTo(tab)
    dialog = tab.edit_plan()
    assert dialog.mode == "revise" and dialog.windowTitle() == "Revise coaching plan v1"
    assert not dialog.can_save  # nothing changed, no reason yet
    dialog.select(OutlineRef(OBJECTIVE, 0))
    dialog.objective_form.target.setText("42")
    dialog.agreed_on.setDate(QDate(2026, 3, 12))
    assert (
        "before the previous one" in dialog.message_for("agreed_on")
        or "before the previous one" in dialog.status.text()
    )
    dialog.agreed_on.setDate(QDate(2026, 3, 16))
    assert not dialog.can_save
    dialog.reason.setText("Workload reduced")
    assert dialog.can_save, dialog.status.text()
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


def test_outline_model_passes_the_model_tester(qtmodeltester):
    model = PlanOutlineModel()
    model.set_plan([objective(), objective("Fewer reopened tickets")], plan(1).resources)
    qtmodeltester.check(model, force_py=True)
    model.add_objective(objective("Third"))
    model.add_goal(2, MicroGoal("A step", date(2026, 4, 1)))
    model.move(OutlineRef(OBJECTIVE, 2), -1)
    model.remove(OutlineRef(OBJECTIVE, 0))
    model.remove(OutlineRef(RESOURCE, 0))
    qtmodeltester.check(model, force_py=True)
    assert [o.title for o in model.objectives()] == ["Third", "Fewer reopened tickets"]
    assert model.rowCount(model.index_of(OutlineRef(OBJECTIVE, 0))) == 3


def test_plan_tab_ticks_off_micro_goals_and_records_progress(qtbot, services, case):
    services.plans.create(plan(case, agreed_on=date(2026, 3, 13), employee_agreed=True))
    tab = PlanTab(services, case.id)
    qtbot.addWidget(tab)
    tab.refresh()
    assert not tab.findChildren(QTabWidget)  # no tabs inside the Plan tab
    assert tab.outline.rowCount(tab.outline.index_of(OutlineRef(OBJECTIVE, 0))) == 2
    assert not tab.done_button.isEnabled()  # nothing chosen yet
    tab.tree.setCurrentIndex(tab.outline.index_of(OutlineRef(GOAL, 0, 0)))
    assert tab.done_button.isEnabled()
    assert tab.mark(MicroGoalStatus.DONE, "Cleared early")
    goal = services.plans.active(case.id).objectives[0].micro_goals[0]
    assert (goal.status, goal.note) == (MicroGoalStatus.DONE, "Cleared early")
    assert services.plans.active(case.id).version == 1  # tracking, not a revision

    dialog = tab.add_progress()
    assert isinstance(dialog, ProgressDialog)
    dialog.value.setText("36")
    dialog.note.setPlainText("Backlog under 20 tickets")
    dialog.milestone.setChecked(True)
    assert dialog.can_save, dialog.status.text()
    dialog.accept()
    assert tab.progress.model.rowCount() == 1
    assert tab.progress.model.index(0, 4).data() == "★ achieved"
    assert "36" in tab.progress.model.index(0, 2).data()
    assert "(done)" in tab.outline.index_of(OutlineRef(GOAL, 0, 0)).data()


def test_progress_form_refuses_a_non_number(qtbot, services, case):
    p = services.plans.create(plan(case))
    dialog = ProgressDialog(services, case.id, p)
    qtbot.addWidget(dialog)
    dialog.note.setPlainText("ok")
    dialog.value.setText("about thirty")
    assert not dialog.can_save
    assert "number" in dialog.status.text()


def test_tab_clears_on_lock(qtbot, services, case):
    services.plans.create(plan(case))
    tab = PlanTab(services, case.id)
    qtbot.addWidget(tab)
    tab.refresh()
    objectives = tab.outline.index_of(OutlineRef(GROUP, OBJECTIVES_GROUP))
    assert tab.outline.rowCount(objectives) == 1
    tab.clear()
    assert tab.outline.rowCount(objectives) == 0
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


def test_tab_goes_from_the_outline_to_the_chosen_lines_fields(qtbot, services, case):
    dialog = PlanDialog(services, case.id, services.plans.create(plan(case)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.select(OutlineRef(OBJECTIVE, 0))
    dialog.tree.setFocus()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.objective_form.title
    fields = [w for _n, _l, w in dialog.objective_form.fields]
    assert all(w.accessibleName() for w in fields)  # a screen reader names every field
