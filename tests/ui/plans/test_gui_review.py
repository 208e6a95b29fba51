"""Defects found in the GUI review: each test failed before its fix."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.domain.attachments import AttachmentOwner
from app.domain.records import Officer
from app.models.case.attention_model import AttentionListModel
from app.models.roles import CaseColumn, RecordRole
from app.services.cases.attention import needs_attention
from app.services.services import create_vault, open_vault
from app.views.case.tabs.attachments_panel import AttachmentsPanel
from app.views.main_window import MainWindow
from app.views.reviews.agenda_window import show_agenda
from app.views.session_controller import SessionController
from tests.factories import conversation, open_case
from tests.plan_factories import plan, review


@pytest.fixture
def cases(services):
    return [
        open_case(services, name="Zoë Ångström", number="E1"),
        open_case(services, name="Łukasz Żółć", number="E2", stage="coaching"),
    ]


@pytest.fixture
def window(qtbot, services, cases, settings_store):
    w = MainWindow(services, settings_store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _names(window) -> set[str]:
    model = window.case_list.model
    return {model.index(r, CaseColumn.EMPLOYEE).data() for r in range(model.rowCount())}


def _header_text(workspace) -> str:
    return " ".join(label.text() for label in workspace.header.findChildren(QLabel))


def test_renaming_an_employee_updates_the_case_list(qtbot, window, services, cases):
    workspace = window.open_case(cases[0].id)
    assert "Zoë Ångström" in _header_text(workspace)
    window.show_employees()
    employees = window.employees_window
    employees.select_employee(services.employees.by_number("E1").id)
    dialog = employees.edit_employee(employees.selected())
    dialog.name.setText("Zoë Ångström-Berg")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert services.employees.by_number("E1").name == "Zoë Ångström-Berg"
    assert "Zoë Ångström-Berg" in _names(window)
    assert "Zoë Ångström" not in _names(window)
    assert "Zoë Ångström-Berg" in _header_text(workspace)


def test_attention_model_passes_qtmodeltester(qtmodeltester, services, cases):
    model = AttentionListModel()
    lists = needs_attention(services, services.clock.today())
    model.set_items([item for found in lists for item in found.items])
    qtmodeltester.check(model, force_py=True)
    model.clear()
    qtmodeltester.check(model, force_py=True)


def test_ctrl_w_closes_the_current_case_view(qtbot, window, cases):
    workspace = window.open_case(cases[1].id)
    assert window.tabs.count() == 2 and window.tabs.currentWidget() is workspace
    workspace.tab("Timeline").setFocus()
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.count() == 1
    # On the Cases tab Ctrl+W does nothing (the list is not a closable view).
    qtbot.keyClick(window.case_list.table, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.count() == 1 and window.isVisible()


def test_open_agenda_follows_a_change_made_in_a_case_view(qtbot, window, services):
    case = open_case(services, name="Ana Lima", number="E9", stage="improvement_plan")
    services.plans.create(plan(case))
    services.reviews.schedule(review(case, on=date(2026, 3, 18)))
    agenda = show_agenda(window)
    (entry,) = _agenda_reviews(agenda)
    workspace = window.open_case(case.id)
    tab = workspace.tab("Reviews")
    tab.reviews.select_id(entry.review_id)
    assert tab.cancel_selected(reason="The employee is on leave.")
    assert _agenda_reviews(agenda) == []


def _agenda_reviews(agenda) -> list:
    model = agenda.model
    entries = [model.index(r, 0).data(RecordRole) for r in range(model.rowCount())]
    return [e for e in entries if e.kind == "review"]


def test_lock_closes_agenda_employees_and_case_dialogs(
    qtbot, settings_store, vault_path, passphrase, clock
):
    svc = create_vault(vault_path, passphrase, Officer(name="Hana Officer"), clock=clock)
    case = open_case(svc, name="Zoë Ångström", number="E1", stage="improvement_plan")
    svc.plans.create(plan(case))
    svc.reviews.schedule(review(case, on=date(2026, 3, 18)))
    svc.close()
    controller = SessionController(
        settings_store,
        lambda p, pw: open_vault(p, pw, clock),
        lambda p, pw, name: create_vault(p, pw, Officer(name=name), clock),
        quit_app=lambda: None,
        watch_system=False,
    )
    qtbot.addWidget(controller.unlock_window)
    controller.start(vault_path)
    controller.unlock_window.passphrase.setText(passphrase)
    with qtbot.waitSignal(controller.unlocked, timeout=10_000):
        controller.unlock_window.unlock()
    window = controller.main_window
    agenda = show_agenda(window)
    window.show_employees()
    employees = window.employees_window
    edit = employees.edit_employee(employees.model.record_at(0))
    workspace = window.open_case(case.id)
    plan_dialog = workspace.tab("Plan").edit_plan()
    models = [agenda.model, employees.model, window.case_list.model]
    assert all(m.rowCount() > 0 for m in models)
    try:
        controller.lock("request")
        for dialog in (edit, plan_dialog):
            assert not dialog.isVisible()
        assert not agenda.isVisible() and not employees.isVisible()
        assert all(m.rowCount() == 0 for m in models)
        visible = {w for w in QApplication.topLevelWidgets() if w.isVisible()}
        assert visible == {controller.unlock_window}
        assert "Zoë" not in controller.unlock_window.windowTitle()
    finally:
        controller.shutdown()


def test_enter_opens_the_selected_attachment(qtbot, services, cases, clock, monkeypatch):
    stored = services.cases.add(conversation(cases[0], clock.today()))
    services.attachments.add_bytes(AttachmentOwner.CONVERSATION, stored.id, "a.pdf", b"%PDF-1.4")
    panel = AttachmentsPanel(services)
    qtbot.addWidget(panel)
    opened: list[str] = []
    monkeypatch.setattr(
        AttachmentsPanel, "open_url", staticmethod(lambda url: opened.append(url) or True)
    )
    panel.set_owner(AttachmentOwner.CONVERSATION, stored.id)
    panel.view.selectRow(0)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert len(opened) == 1
    panel.clear()
