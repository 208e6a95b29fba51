"""Journeys: File → Handover (key, hand a case over, import the acknowledgement, import a
bundle, a refused bundle) and the Employees window's subject access export, in the real
window; results checked through the services."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.domain.records import Officer
from app.services.services import create_vault
from app.vault.vault import CaseHandedOver
from app.views.employees.employees_window import EmployeesWindow
from app.views.handover.handover_dialogs import HandoverExportDialog, HandoverKeyDialog
from tests.factories import employee, observation, open_case
from tests.journeys.walk import answer_modal, click, dialog, trigger, type_text


def _other_vault(tmp_path, name, passphrase, clock):
    return create_vault(tmp_path / f"{name}.casepath", passphrase, Officer(name=name), clock)


def test_hand_a_case_over_and_import_the_acknowledgement(
    qtbot, unlocked, tmp_path, passphrase, clock, monkeypatch
):
    window, services = unlocked.main_window, unlocked.services
    case = open_case(services)
    services.cases.add(observation(case, date(2026, 3, 10)))
    receiver = _other_vault(tmp_path, "Bea Receiver", passphrase, clock)
    try:
        trigger(window, "handoverKeyAction")
        key_dialog = dialog(qtbot, window, HandoverKeyDialog)
        assert key_dialog.key.text() == services.handover.key()
        click(qtbot, key_dialog.copy_button)
        assert QGuiApplication.clipboard().text().startswith("age1")
        key_dialog.reject()

        window.open_case(case.id)
        trigger(window, "handoverExportAction")
        export = dialog(qtbot, window, HandoverExportDialog)
        assert export.references.text() == case.reference  # the open case is filled in
        assert not export.export_button.isEnabled()
        type_text(qtbot, export.recipient, "age1notakey")
        bundle = tmp_path / "handover.bundle"
        type_text(qtbot, export.target, str(bundle))
        click(qtbot, export.export_button)
        assert "not a handover key" in export.error.text() and not bundle.exists()
        export.recipient.clear()
        type_text(qtbot, export.recipient, receiver.handover.key())
        with qtbot.waitSignal(export.accepted, timeout=10_000):
            click(qtbot, export.export_button)
        assert bundle.exists()
        assert "handover bundle" in window.handover_actions.last_message

        ack = tmp_path / "handover.ack"
        receiver.handover.import_bundle(bundle, ack)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(ack), ""))
        trigger(window, "handoverAckAction")
        assert "read-only" in window.handover_actions.last_message
        assert services.handover.handed_over_on(case.id)
        workspace = window.open_case(case.id)
        assert "Handed over" in workspace.header.handover.text()
        assert not workspace.advance_button.isEnabled()  # read-only, as for a closed case
        try:
            services.cases.add(observation(case, date(2026, 3, 11)))
            raise AssertionError("a handed-over case took a write")
        except CaseHandedOver as exc:
            assert "read-only" in str(exc)
    finally:
        receiver.close()


def test_import_a_bundle_and_refuse_a_bad_one(
    qtbot, unlocked, tmp_path, passphrase, clock, monkeypatch
):
    window, services = unlocked.main_window, unlocked.services
    sender = _other_vault(tmp_path, "Ann Sender", passphrase, clock)
    try:
        emp = sender.employees.add(employee("E7001", "Łukasz Żółć"))
        case = sender.cases.open_case(
            emp.id, stage="early_conversation", opened_on=date(2026, 3, 2), reference="C-2026-0700"
        )
        sender.cases.add(observation(case, date(2026, 3, 5)))
        bundle = tmp_path / "incoming.bundle"
        sender.handover.export([case.reference], services.handover.key(), bundle)
    finally:
        sender.close()

    bad = tmp_path / "bad.bundle"
    bad.write_bytes(bundle.read_bytes()[:200])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    answer_modal(QMessageBox, lambda box: box.accept())
    trigger(window, "handoverImportAction")
    qtbot.waitUntil(lambda: "damaged or incomplete" in window.handover_actions.last_message)
    assert services.employees.by_number("E7001") is None  # nothing imported

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bundle), ""))
    trigger(window, "handoverImportAction")
    assert "C-2026-0700" in window.handover_actions.last_message
    assert (tmp_path / "incoming.bundle.ack").exists()
    moved = services.cases.by_reference("C-2026-0700")
    workspace = window.open_case(moved.id)
    assert "Received from Ann Sender" in workspace.header.handover.text()
    assert services.vault.verify().ok


def test_subject_access_export_from_the_employees_window(qtbot, unlocked, tmp_path, monkeypatch):
    window, services = unlocked.main_window, unlocked.services
    case = open_case(services, "Zoë Ångström", "E1001")
    services.cases.add(observation(case, date(2026, 3, 5), text="Calls answered on time."))
    trigger(window, "employeesAction")
    employees = dialog(qtbot, window, EmployeesWindow)
    assert not employees.sar_button.isEnabled()  # nobody selected yet
    employees.select_employee(case.employee_id)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    click(qtbot, employees.sar_button)
    folder = tmp_path / "subject-access-E1001-2026-03-16"
    assert (folder / "subject-access-E1001.pdf").exists()
    assert "Read the attached files" in employees.status.text()
    assert any(e.action == "employee.subject_access" for e in services.vault.audit_events())
