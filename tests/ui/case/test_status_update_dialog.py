"""The status update dialog: read-only text, Copy, Print and Save driven as an officer does."""

from __future__ import annotations

import io
from datetime import timedelta

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from app.services.cases.status_update import status_update
from app.views.calibration.status_update_dialog import StatusUpdateDialog, show_status_update
from app.views.settings_store import SettingsStore
from tests.factories import conversation, open_case


def test_copy_print_and_save(qtbot, services, clock, tmp_path, monkeypatch):
    case = open_case(services)
    services.cases.add(
        conversation(
            case,
            clock.today() - timedelta(days=2),
            summary="Private summary about health",
            agreed_actions=("Weekly check-in on ticket volume",),
        )
    )
    monkeypatch.setattr(
        "app.views.widgets.base_dialog.SettingsStore",
        lambda: SettingsStore.in_file(tmp_path / "s.ini"),
    )
    host = QWidget()
    qtbot.addWidget(host)
    dialog = show_status_update(host, services, case.id)
    assert isinstance(dialog, StatusUpdateDialog) and dialog.isVisible()
    assert dialog.text_view.isReadOnly()
    text = dialog.text_view.toPlainText()
    assert text == status_update(services, case.id)
    assert "Weekly check-in on ticket volume" in text and "Private summary" not in text

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == text

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_text(printer)
    pdf = PdfReader(io.BytesIO((tmp_path / "printed.pdf").read_bytes()))
    assert case.reference in pdf.pages[0].extract_text()

    out = tmp_path / "status.txt"
    assert dialog.save_text(out) == out
    assert out.read_text("utf-8") == text and out.stat().st_mode & 0o777 == 0o600
    assert "case.status_update" in [e.action for e in services.vault.audit_events("case", case.id)]
    warnings = []
    monkeypatch.setattr(
        "app.views.calibration.status_update_dialog.QMessageBox.warning",
        lambda *a: warnings.append(a[2]),
    )
    assert dialog.save_text(out) is None  # never over an existing file
    assert warnings and "already exists" in warnings[0]
    dialog.reject()
    assert not dialog.isVisible()
