"""Journey: an officer opens a case, builds a pack for the meeting, reads it, prints it, saves
it, exports a redacted summary, and gets a clear message where a choice cannot work.

Everything goes through the real window: the case list (Enter opens), the case view's tab bar,
the Documents tab's buttons, the dialogs they open. Results are checked in the vault and in
the files, read back with pypdf.
"""

from __future__ import annotations

import io
import re
import stat
from datetime import timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from app.domain.records import Officer
from app.services.documents.document_service import MeetingType, PageSize
from app.services.services import create_vault
from app.vault.audit import audit_log
from app.views.documents import pack_printing
from app.views.documents.documents_tab import DocumentsTab
from app.views.documents.new_pack_dialog import NewPackDialog
from app.views.documents.redaction_dialog import RedactionDialog
from app.views.main_window import MainWindow
from app.views.settings_store import SettingsStore
from tests.factories import conversation, employee, indicator, open_case
from tests.journeys.walk import click, seen

LETTER = (612.0, 792.0)


@pytest.fixture
def services(vault_path, clock, passphrase):
    """A fresh vault with an officer whose surname is an ordinary name (the last test covers an
    officer surnamed "Officer", a word the summary's own labels print)."""
    svc = create_vault(vault_path, passphrase, Officer(name="Hana Kowalczyk"), clock=clock)
    yield svc
    if svc.vault.is_open:
        svc.close()


@pytest.fixture
def warnings(monkeypatch):
    """Message boxes the tab shows (a real one would block the test), as (title, text)."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "app.views.case.tabs.case_tab.QMessageBox.warning",
        lambda parent, t, text: shown.append((t, text)),
    )
    return shown


@pytest.fixture
def window(qtbot, services, tmp_path):
    today = services.clock.today()
    case = open_case(services, opened_on=today - timedelta(days=20))
    services.cases.add(conversation(case, today - timedelta(days=6)))
    services.cases.add(indicator(case, today - timedelta(days=8)))
    w = MainWindow(services, SettingsStore.in_file(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.journey_case = case
    return w


def _open_documents(qtbot, window) -> DocumentsTab:
    """Select the (only) listed case, press Enter, click the case view's Documents tab."""
    table = window.case_list.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    workspace = window.tabs.currentWidget()
    assert window.tabs.count() == 2 and workspace in window.workspaces()
    docs = workspace.tab("Documents")
    bar = workspace.tabs.tabBar()
    index = workspace.tabs.indexOf(docs)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert workspace.tabs.currentWidget() is docs
    qtbot.waitExposed(docs)
    return docs


def _click(qtbot, button) -> None:
    click(qtbot, button)


def _text(pdf_bytes: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf_bytes))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


def test_documents_journey(window, qtbot, services, tmp_path, monkeypatch, warnings):
    case = window.journey_case
    docs = _open_documents(qtbot, window)
    assert docs.packs.model.rowCount() == 0

    # Build pack…: the dialog, filled as an officer does, then the background build.
    _click(qtbot, docs.findChild(type(docs.packs.new_button), "newPackButton"))
    dialog = docs.findChild(NewPackDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    seen(dialog)
    dialog.meeting.set_value(MeetingType.FORMAL_CONCERN)
    qtbot.mouseClick(dialog.from_case, Qt.MouseButton.LeftButton)  # untick: say where
    assert dialog.place.isEnabled()
    qtbot.keyClicks(dialog.place, "x" * 250)  # too long for the pack's header line
    assert len(dialog.place.text()) == 200 and dialog.place.maxLength() == 200
    dialog.place.clear()
    qtbot.keyClicks(dialog.place, "Room 4.12, Harbour House")
    dialog.page_size.set_value(PageSize.LETTER)
    _click(qtbot, dialog.build_button)
    qtbot.waitUntil(lambda: docs.operation is not None and docs.operation.done, timeout=60_000)
    assert docs.operation.error is None, docs.operation.error
    assert not warnings, warnings

    (pack,) = services.documents.packs(case.id)
    assert (pack.meeting_type, pack.page_size) == ("formal_concern", "letter")
    stored = services.documents.pdf(pack.id)
    assert "Room 4.12, Harbour House" in _text(stored)
    pages = len(PdfReader(io.BytesIO(stored)).pages)

    # The preview shows it at once: page 1 of N, fit to width, next page works.
    qtbot.waitUntil(lambda: docs.preview.page_count() == pages)
    assert docs.preview.page_label.text() == f"Page 1 of {pages}"
    assert docs.preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    _click(qtbot, docs.preview.next_button)
    assert docs.preview.page_label.text() == f"Page 2 of {pages}"
    _click(qtbot, docs.preview.previous_button)
    assert docs.preview.page_label.text() == f"Page 1 of {pages}"
    fit = docs.preview.zoom()
    _click(qtbot, docs.preview.zoom_in_button)
    assert docs.preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert docs.preview.view.zoomFactor() > fit
    _click(qtbot, docs.preview.zoom_out_button)
    _click(qtbot, docs.preview.zoom_out_button)
    assert docs.preview.view.zoomFactor() < fit
    _click(qtbot, docs.preview.whole_page_button)
    assert docs.preview.view.zoomMode() == QPdfView.ZoomMode.FitInView
    _click(qtbot, docs.preview.fit_button)
    assert docs.preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth

    # Print…: the officer picks "Print to file (PDF)" in the print dialog.
    printed = tmp_path / "printed.pdf"

    class PrintDialog:
        DialogCode = pack_printing.QPrintDialog.DialogCode
        shown: list[QPrinter] = []

        def __init__(self, printer, parent):
            self.printer = printer

        def setWindowTitle(self, title): ...  # noqa: N802
        def setObjectName(self, name): ...  # noqa: N802
        def setMinMax(self, low, high): ...  # noqa: N802

        def exec(self):
            PrintDialog.shown.append(self.printer)
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(printed))
            return self.DialogCode.Accepted

    monkeypatch.setattr(pack_printing, "QPrintDialog", PrintDialog)
    _click(qtbot, docs.print_button)
    assert len(PrintDialog.shown) == 1 and not warnings, warnings
    out = PdfReader(printed)
    assert len(out.pages) == pages
    for page in out.pages:
        assert abs(float(page.mediabox.width) - LETTER[0]) <= 1
        assert abs(float(page.mediabox.height) - LETTER[1]) <= 1
    assert pack.integrity_code in out.pages[0].extract_text()
    assert stat.S_IMODE(printed.stat().st_mode) == 0o600
    printed_events = [e for e in services.vault.audit_events() if e.action == "pack.print"]
    assert len(printed_events) == 1  # audited, without content

    # Save as…
    saved = tmp_path / "formal-concern.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(saved), ""))
    _click(qtbot, docs.save_button)
    assert not warnings, warnings
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert saved.read_bytes() == stored and len(PdfReader(saved).pages) == pages
    actions = [e.action for e in audit_log.events(services.vault.conn, "pack", pack.id)]
    assert actions == ["pack.generate", "pack.view", "pack.print", "pack.export"]

    # Redacted summary…: tick one free-text field, export as PDF.
    summary = tmp_path / "summary.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(summary), a[3]))
    _click(qtbot, docs.redact_button)
    redaction = docs.findChild(RedactionDialog)
    assert redaction is not None
    qtbot.waitExposed(redaction)
    seen(redaction)
    box = redaction.field_boxes["conversation_summaries"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()
    _click(qtbot, redaction.export_button)
    qtbot.waitUntil(lambda: docs.operation.done, timeout=60_000)
    assert docs.operation.error is None, docs.operation.error
    text = _text(summary.read_bytes())
    assert "Employee A" in text and "missed deadlines" in text
    assert "Zoë" not in text and "Ångström" not in text
    assert stat.S_IMODE(summary.stat().st_mode) == 0o600
    assert "written to" in docs.export_status.text()

    # A bad choice: Save as… onto a folder, and into a folder that does not exist.
    folder = tmp_path / "a folder.pdf"
    folder.mkdir()
    (folder / "keep.txt").write_text("not lost")
    for target in (folder, tmp_path / "missing" / "pack.pdf"):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target: (str(t), ""))
        _click(qtbot, docs.save_button)
    assert [t for t, _ in warnings] == ["Pack not saved", "Pack not saved"]
    assert "folder" in warnings[0][1] and "does not exist" in warnings[1][1]
    assert (folder / "keep.txt").read_text() == "not lost"
    assert saved.read_bytes() == stored  # the earlier copy is untouched
    assert not list(tmp_path.rglob("*.partial"))
    assert [e.action for e in audit_log.events(services.vault.conn, "pack", pack.id)] == actions
    assert window.isVisible() and docs.packs.model.rowCount() == 1


def test_a_name_the_pack_cannot_lay_out_is_explained(window, qtbot, services, warnings):
    """Hebrew, Arabic, Devanagari and Thai are shaped now; a script with no font in the pack
    (Syriac) is refused with a message that says why, and nothing is stored."""
    emp = services.employees.add(employee("E7001", "ܫܠܡܐ ܐܚܐ", department="Finance"))
    services.cases.open_case(
        emp.id, stage="early_conversation", opened_on=services.clock.today() - timedelta(days=3)
    )
    window.refresh()
    qtbot.keyClicks(window.case_list.filter_bar.search, "E7001")
    docs = _open_documents(qtbot, window)
    assert services.cases.get(docs.case_id).employee_id == emp.id
    _click(qtbot, docs.packs.new_button)
    dialog = docs.findChild(NewPackDialog)
    qtbot.waitExposed(dialog)
    seen(dialog)
    _click(qtbot, dialog.build_button)
    qtbot.waitUntil(lambda: docs.operation is not None and docs.operation.done, timeout=60_000)
    assert len(warnings) == 1
    title, message = warnings[0]
    assert title == "Pack not built" and "right-to-left" in message
    assert services.documents.packs(docs.case_id) == []
    assert window.isVisible() and docs.packs.new_button.isEnabled()


def test_an_officer_surnamed_officer_gets_a_summary(tmp_path, clock, passphrase):
    from app.services.documents.document_service import RedactionOptions

    svc = create_vault(
        tmp_path / "o.casepath", passphrase, Officer(name="Hana Officer"), clock=clock
    )
    try:
        case = open_case(svc, opened_on=clock.today() - timedelta(days=9))
        svc.documents.export_redacted(case.id, tmp_path / "s.pdf", RedactionOptions())
    finally:
        svc.close()


def test_a_pack_with_the_case_audit_appended(window, qtbot, services, warnings):
    """The pack dialog's "Append the case's audit trail": the pack ends with every event of
    the case in words, up to the chain head it prints; showing it is itself audited."""
    case = window.journey_case
    docs = _open_documents(qtbot, window)
    _click(qtbot, docs.packs.new_button)
    dialog = docs.findChild(NewPackDialog)
    qtbot.waitExposed(dialog)
    seen(dialog)
    assert not dialog.with_audit.isChecked()  # off unless asked
    dialog.with_audit.click()  # as a click on its box (the form may place it off-centre)
    assert dialog.details().with_audit
    _click(qtbot, dialog.build_button)
    qtbot.waitUntil(lambda: docs.operation is not None and docs.operation.done, timeout=60_000)
    assert docs.operation.error is None and not warnings
    (pack,) = services.documents.packs(case.id)
    text = _text(services.documents.pdf(pack.id))
    assert "Audit trail of this case" in text
    assert f"Hana Kowalczyk opened case {case.reference}." in text
    assert f"Audit chain event {pack.head_seq} · {pack.head_hash[:16]}" in text
    qtbot.waitUntil(lambda: docs.preview.page_count() > 0)
    viewed = [e.action for e in audit_log.events(services.vault.conn, "pack", pack.id)]
    assert viewed == ["pack.generate", "pack.view"]
