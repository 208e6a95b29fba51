"""The Documents tab: build a pack in the background, preview it, print it, save it."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from PySide6.QtPrintSupport import QPrinter

from app.domain.records import Officer
from app.services.document_service import MeetingDetails, MeetingType, PageSize
from app.services.services import create_vault
from app.views.case_workspace import CaseWorkspace
from app.views.documents_tab import DocumentsTab, NewPackDialog
from tests.factories import conversation, employee, indicator, open_case


@pytest.fixture
def docs_services(tmp_path, clock):
    svc = create_vault(
        tmp_path / "tab.casepath",
        "documents tab passphrase",
        Officer(name="Hana Kowalczyk"),
        clock=clock,
    )
    yield svc
    if svc.vault.is_open:
        svc.close()


@pytest.fixture
def tab(qtbot, docs_services, clock):
    case = open_case(docs_services, name="李小龙", opened_on=clock.today() - timedelta(days=9))
    docs_services.cases.add(conversation(case, clock.today() - timedelta(days=2)))
    docs_services.cases.add(indicator(case, clock.today() - timedelta(days=3)))
    widget = DocumentsTab(docs_services, case.id)
    qtbot.addWidget(widget)
    widget.warnings = []
    widget.warn = lambda title, text: widget.warnings.append((title, text))
    widget.refresh()
    return widget


def _build(qtbot, tab, meeting=MeetingType.REVIEW, size=PageSize.A4):
    op = tab.build(MeetingDetails(meeting), size)
    with qtbot.waitSignal(op.finished, timeout=60_000):
        pass
    return op


def test_building_a_pack_lists_and_previews_it(qtbot, qtmodeltester, tab):
    assert tab.packs.model.rowCount() == 0
    seen: list[int] = []
    tab.progress.valueChanged.connect(seen.append)
    op = _build(qtbot, tab)
    assert op.error is None, op.error
    assert tab.packs.model.rowCount() == 1
    pack = tab.packs.selected()
    assert pack is not None and pack.integrity_code.startswith("CP-")
    assert tab.document.pageCount() >= 5
    assert seen and max(seen) >= 90  # progress reached the tab while the worker ran
    assert not tab.busy_row.isVisible()
    qtmodeltester.check(tab.packs.model)


def test_print_renders_every_page(qtbot, tab, tmp_path):
    from pypdf import PdfReader

    _build(qtbot, tab)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    sent = tab.print_selected(printer)
    assert sent == tab.document.pageCount()
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == sent


def test_save_as_and_save_protected(qtbot, tab, tmp_path):
    from pypdf import PdfReader

    _build(qtbot, tab, MeetingType.OUTCOME, PageSize.LETTER)
    plain = tab.save_selected(tmp_path / "pack.pdf")
    assert plain is not None and not PdfReader(plain).is_encrypted
    protected = tab.save_selected_protected(tmp_path / "locked.pdf", "a long password")
    reader = PdfReader(io.BytesIO(protected.read_bytes()))
    assert reader.is_encrypted and reader.decrypt("a long password")
    assert tab.save_selected_protected(tmp_path / "weak.pdf", "short") is None
    assert "at least 8" in tab.warnings[-1][1]


def test_redacted_summary_export_from_the_tab(qtbot, tab, tmp_path):
    from app.services.document_service import RedactionOptions

    op = tab.write_redacted(tmp_path / "summary.csv", RedactionOptions())
    with qtbot.waitSignal(op.finished, timeout=60_000):
        pass
    out = op.result
    assert out == tmp_path / "summary.csv" and not tab.warnings
    text = out.read_text("utf-8")
    assert "Employee A" in text and "李小龙" not in text


def test_an_unprintable_name_is_reported_and_nothing_is_stored(qtbot, docs_services, clock):
    emp = docs_services.employees.add(employee("E9001", "ܫܠܡܐ ܐܚܐ"))  # Syriac: no font
    case = docs_services.cases.open_case(
        emp.id, stage="early_conversation", opened_on=clock.today() - timedelta(days=1)
    )
    widget = DocumentsTab(docs_services, case.id)
    qtbot.addWidget(widget)
    warnings: list[tuple[str, str]] = []
    widget.warn = lambda title, text: warnings.append((title, text))
    op = widget.build(MeetingDetails(MeetingType.REVIEW), PageSize.A4)
    with qtbot.waitSignal(op.finished, timeout=60_000):
        pass
    assert warnings and "right-to-left" in warnings[0][1]
    assert widget.packs.model.rowCount() == 0


def test_locking_forgets_the_preview(qtbot, tab):
    _build(qtbot, tab)
    assert tab.document.pageCount() > 0
    tab.clear()
    assert tab.document.pageCount() == 0 and tab.packs.model.rowCount() == 0
    assert tab.services is None and not tab.packs.new_button.isEnabled()


def test_new_pack_dialog_takes_the_meeting_from_the_case_unless_told(qtbot):
    dialog = NewPackDialog(today=date(2026, 3, 16))
    qtbot.addWidget(dialog)
    dialog.meeting.setCurrentIndex(list(MeetingType).index(MeetingType.FORMAL_CONCERN))
    assert dialog.details() == MeetingDetails(MeetingType.FORMAL_CONCERN)
    assert not dialog.meeting_date.isEnabled()
    dialog.from_case.setChecked(False)
    dialog.place.setText("  Room 3  ")
    assert dialog.details() == MeetingDetails(
        MeetingType.FORMAL_CONCERN, meeting_date=date(2026, 3, 16), place="Room 3"
    )


def test_the_case_view_has_a_documents_tab(qtbot, docs_services, clock):
    case = open_case(docs_services, opened_on=clock.today() - timedelta(days=3))
    view = CaseWorkspace(docs_services, case.id)
    qtbot.addWidget(view)
    assert isinstance(view.tab("Documents"), DocumentsTab)
