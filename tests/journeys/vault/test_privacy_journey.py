"""Journeys through the privacy duties: the officer reads the cases due for deletion, places and
lifts a legal hold from the case view, erases a due case from the list, a case from its view and
an employee from the employees window — each confirmation naming what goes. Results are read
back through the services, and the audit chain still verifies."""

from __future__ import annotations

from datetime import date

from app.domain.records import Outcome
from app.views.employees.employees_window import EmployeesWindow
from app.views.privacy.erase_dialog import EraseDialog
from app.views.privacy.hold_dialog import HoldDialog
from app.views.privacy.retention_window import RetentionWindow
from tests.factories import conversation, open_case
from tests.journeys.walk import click, dialog, find_action, trigger, type_text
from tests.privacy_factories import close_case, closed_case


def _case_tabs(window) -> list[int]:
    return [w.case_id for w in window.workspaces()]


def test_due_list_hold_lift_and_erase_a_due_case(qtbot, unlocked):
    window = unlocked.main_window
    services = unlocked.services
    zoe = closed_case(services, "E1001", "Zoë Ångström", date(2024, 1, 5), Outcome.IMPROVED)
    recent = closed_case(services, "E1002", "Łukasz Żółć", date(2026, 1, 5), Outcome.IMPROVED)
    window.refresh()

    trigger(window, "retentionAction")
    due = dialog(qtbot, window, RetentionWindow)
    assert due.model.rowCount() == 1 and due.model.entry(0).case.case_id == zoe.id
    assert due.model.index(0, 1).data() == "Zoë Ångström"
    assert due.model.index(0, 4).data() == "1 year"
    assert "Improved and closed: 1 year" in due.rules_label.text()

    workspace = window.open_case(zoe.id)
    trigger(workspace, "placeHoldAction")
    hold = dialog(qtbot, window, HoldDialog)
    assert not hold.ok_button.isEnabled() and "Give the reason" in hold.message.text()
    type_text(qtbot, hold.reason_edit, "Employment tribunal claim")
    click(qtbot, hold.ok_button)
    qtbot.waitUntil(lambda: services.holds.active(zoe.id) is not None)
    assert services.holds.active(zoe.id).reason == "Employment tribunal claim"
    assert "Employment tribunal claim" in workspace.records_menu.hold_label.text()
    assert not find_action(workspace, "eraseCaseAction").isEnabled()

    due.refresh()
    assert due.model.rowCount() == 0
    assert due.held_label.text() == "Kept under legal hold although due: 1 case."

    trigger(workspace, "liftHoldAction")
    lift = dialog(qtbot, window, HoldDialog)
    assert "Employment tribunal claim" in lift.findChildren(type(lift.message))[0].text()
    type_text(qtbot, lift.reason_edit, "Claim withdrawn")
    click(qtbot, lift.ok_button)
    qtbot.waitUntil(lambda: services.holds.active(zoe.id) is None)
    assert services.holds.history(zoe.id)[0].release_reason == "Claim withdrawn"

    due.refresh()
    assert due.model.rowCount() == 1
    click(qtbot, due.erase_button)
    confirm = dialog(qtbot, due, EraseDialog)
    assert f"Case {zoe.reference} of Zoë Ångström (E1001)" in confirm.preview.title
    assert "1 case" in confirm.findChild(type(confirm.message), "eraseWhatGoes").text()
    assert not confirm.erase_button.isEnabled()
    type_text(qtbot, confirm.confirm_edit, "C-WRONG")
    assert not confirm.erase_button.isEnabled()
    confirm.confirm_edit.clear()
    type_text(qtbot, confirm.confirm_edit, zoe.reference)
    click(qtbot, confirm.erase_button)
    qtbot.waitUntil(lambda: not services.cases.exists_id(zoe.id))
    qtbot.waitUntil(lambda: zoe.id not in _case_tabs(window))  # its view closed
    assert due.model.rowCount() == 0
    assert services.cases.exists_id(recent.id)
    (event,) = [e for e in services.vault.audit_events("erasure")]
    assert event.action == "erasure.case"
    assert services.vault.verify().ok


def test_erase_a_case_from_its_view_and_an_employee_from_the_list(qtbot, unlocked):
    window = unlocked.main_window
    services = unlocked.services
    case = open_case(services, name="Иван Петров", number="E2001")
    services.cases.add(conversation(case, date(2026, 3, 2), attendees=("Иван Петров",)))
    held = open_case(services, name="李小龙", number="E2002")
    services.holds.place(held.id, "Grievance appeal")
    other = open_case(services, name="محمد", number="E2003")
    other = close_case(services, other, date(2026, 2, 1), Outcome.REASSIGNMENT)
    window.refresh()

    workspace = window.open_case(case.id)
    trigger(workspace, "eraseCaseAction")
    confirm = dialog(qtbot, window, EraseDialog)
    assert "1 conversation" in confirm.findChild(type(confirm.message), "eraseWhatGoes").text()
    type_text(qtbot, confirm.confirm_edit, case.reference.lower())  # case does not matter
    click(qtbot, confirm.erase_button)
    qtbot.waitUntil(lambda: not services.cases.exists_id(case.id))
    qtbot.waitUntil(lambda: case.id not in _case_tabs(window))
    assert services.employees.by_number("E2001") is not None  # only the case went

    trigger(window, "employeesAction")
    employees = dialog(qtbot, window, EmployeesWindow)
    employees.select_employee(services.employees.by_number("E2002").id)
    click(qtbot, employees.erase_button)
    refused = dialog(qtbot, employees, EraseDialog)
    assert "Grievance appeal" in refused.message.text()
    assert not refused.confirm_edit.isEnabled() and not refused.erase_button.isEnabled()
    refused.reject()

    employees.select_employee(services.employees.by_number("E2003").id)
    click(qtbot, employees.erase_button)
    confirm = dialog(qtbot, employees, EraseDialog)
    assert "and every case about them" in confirm.preview.title
    type_text(qtbot, confirm.confirm_edit, "E2003")
    click(qtbot, confirm.erase_button)
    qtbot.waitUntil(lambda: services.employees.by_number("E2003") is None)
    assert not services.cases.exists_id(other.id)
    assert services.cases.exists_id(held.id)
    assert services.vault.verify().ok
