"""View → Audit trail: over the real main window, the officer filters the trail by case,
officer, action and dates, reads an event in words, and exports what is shown as CSV."""

from __future__ import annotations

import csv
import re
import stat
from datetime import timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog

from app.views.audit.audit_window import AuditWindow
from tests.factories import conversation, open_case
from tests.journeys.walk import click, trigger, type_text
from tests.journeys.walk import dialog as walk_dialog


def test_the_audit_trail_is_filtered_read_and_exported(qtbot, unlocked, tmp_path, monkeypatch):
    window = unlocked.main_window
    services = window.services
    case = open_case(services)
    other = open_case(services, number="E2002", name="Ola Nordmann")
    services.cases.add(conversation(case, services.clock.today() - timedelta(days=2)))
    services.cases.add(conversation(other, services.clock.today() - timedelta(days=1)))

    trigger(window, "auditTrailAction")
    audit = walk_dialog(qtbot, window, AuditWindow)
    everything = audit.model.rowCount()
    assert everything == len(services.vault.audit_events())

    type_text(qtbot, audit.case_edit, case.reference)
    click(qtbot, audit.show_button)
    shown = [audit.model.row_at(r) for r in range(audit.model.rowCount())]
    assert shown and all(r["case"] == case.reference for r in shown)
    assert {r["action"] for r in shown} >= {"case.open", "conversation.add"}

    audit.action_combo.setCurrentIndex(audit.action_combo.findData("conversation.add"))
    click(qtbot, audit.show_button)
    assert audit.model.rowCount() == 1
    # The selected (newest) event, in words, with the facts the chain holds.
    text = audit.detail.toPlainText()
    assert text.startswith("Hana Officer recorded conversation ") and case.reference in text
    assert "Event hash: " in text and not re.search(r"\d\d-\d\dT\d\d", text)  # no ISO stamp

    audit.officer_combo.setCurrentIndex(audit.officer_combo.findData("Hana Officer"))
    audit.from_check.setChecked(True)
    audit.from_date.setDate(QDate.currentDate().addDays(1))  # nothing after today
    click(qtbot, audit.show_button)
    assert audit.model.rowCount() == 0
    assert audit.summary.text() == "No event matches these filters."

    type_text(qtbot, audit.case_edit, "-NOPE")
    click(qtbot, audit.show_button)
    assert "No case with reference" in audit.message.text()

    click(qtbot, audit.clear_button)
    assert audit.model.rowCount() == everything
    target = tmp_path / "trail.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    click(qtbot, audit.export_button)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    rows = list(csv.reader(target.open(encoding="utf-8", newline="")))
    assert rows[0][:5] == ["seq", "at", "when", "officer", "action"]
    assert len(rows) == everything + 1
    assert services.vault.audit_events()[-1].action == "audit.export"  # the export is audited
    assert "written to trail.csv" in audit.summary.text()
    audit.close()
