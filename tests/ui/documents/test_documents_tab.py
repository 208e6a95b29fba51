"""The Documents tab: build a pack in the background, preview it, print it, save it.

Every button is clicked (not only its slot called): ``clicked(bool)`` once landed in the
``path`` / ``printer`` parameters and every button ended in "Something went wrong".
"""

from __future__ import annotations

import io
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QInputDialog

from app.domain.records import Officer
from app.services.documents.document_service import MeetingDetails, MeetingType, PageSize
from app.services.services import create_vault
from app.views.case.case_workspace import CaseWorkspace
from app.views.documents import pack_printing
from app.views.documents.documents_tab import DocumentsTab
from app.views.documents.new_pack_dialog import NewPackDialog
from app.views.documents.redaction_dialog import RedactionDialog
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


def test_build_pack_button_opens_the_dialog_and_builds_what_it_says(qtbot, tab, docs_services):
    qtbot.mouseClick(tab.packs.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.findChild(NewPackDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.meeting.set_value(MeetingType.OUTCOME)
    dialog.page_size.set_value(PageSize.LETTER)
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.operation is not None and tab.operation.done, timeout=60_000)
    assert tab.operation.error is None, tab.operation.error
    assert not tab.warnings
    (pack,) = docs_services.documents.packs(tab.case_id)
    assert (pack.meeting_type, pack.page_size) == ("outcome", "letter")
    assert tab.packs.selected().id == pack.id


def _pdf_printer(path, mode=QPrinter.PrinterMode.ScreenResolution) -> QPrinter:
    printer = QPrinter(mode)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


POINTS = {PageSize.A4: (595.28, 841.89), PageSize.LETTER: (612.0, 792.0)}


def _assert_pages(path, count, size):
    from pypdf import PdfReader

    pages = PdfReader(path).pages
    assert len(pages) == count
    for page in pages:
        box = page.mediabox
        assert abs(float(box.width) - POINTS[size][0]) <= 1
        assert abs(float(box.height) - POINTS[size][1]) <= 1


@pytest.mark.parametrize("size", [PageSize.A4, PageSize.LETTER])
def test_print_button_to_a_pdf_printer_gives_the_packs_own_pages(
    qtbot, tab, tmp_path, monkeypatch, size
):
    from pypdf import PdfReader

    _build(qtbot, tab, size=size)
    out = tmp_path / "printed.pdf"

    class PrintToFile:
        """The print dialog, answered "Print to file" by the officer."""

        DialogCode = pack_printing.QPrintDialog.DialogCode

        def __init__(self, printer, parent):
            self.printer = printer
            assert printer.pageLayout().pageSize().id() == pack_printing._PAGE_SIZES[size]

        def setWindowTitle(self, title): ...  # noqa: N802
        def setObjectName(self, name): ...  # noqa: N802
        def setMinMax(self, low, high): ...  # noqa: N802

        def exec(self):
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(out))
            return self.DialogCode.Accepted

    monkeypatch.setattr(pack_printing, "QPrintDialog", PrintToFile)
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    assert not tab.warnings, tab.warnings
    count = tab.document.pageCount()
    _assert_pages(out, count, size)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = PdfReader(out).pages[0].extract_text()
    assert tab.packs.selected().integrity_code in text  # vector: the text is still text
    assert "written to" in tab.export_status.text()


def test_print_a_page_range_to_file(qtbot, tab, tmp_path):
    _build(qtbot, tab)
    printer = _pdf_printer(tmp_path / "two.pdf")
    printer.setFromTo(2, 3)
    assert tab.print_selected(printer) == 2
    _assert_pages(tmp_path / "two.pdf", 2, PageSize.A4)


@pytest.mark.parametrize("size", [PageSize.A4, PageSize.LETTER])
def test_rendered_printing_is_full_page_at_the_printer_resolution(qtbot, tab, tmp_path, size):
    """The route for printers that are neither CUPS queues nor files: no shrink, right paper."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    _build(qtbot, tab, size=size)
    out = tmp_path / "rendered.pdf"
    printer = pack_printing.prepare_printer(_pdf_printer(out), size)
    printer.setResolution(100)
    count = tab.document.pageCount()
    assert pack_printing.render_pages(tab.document, printer, 1, count) == count
    _assert_pages(out, count, size)
    # Drawn 1:1 over the whole sheet: the ink sits where it sits on the pack's page (a 4 %
    # shrink would move the right and bottom edges by ~6 px at this scale).
    printed = QPdfDocument()
    printed.load(str(out))
    small = QSize(*(round(p / 4) for p in POINTS[size]))
    want, got = _ink_box(tab.document.render(0, small)), _ink_box(printed.render(0, small))
    assert all(abs(w - g) <= 1 for w, g in zip(want, got, strict=True)), (want, got)
    assert want[2] - want[0] > small.width() * 0.7  # the box is the page's text block


def _ink_box(image) -> tuple[int, int, int, int]:
    """Left, top, right, bottom of the non-white pixels."""
    xs, ys = [], []
    for y in range(image.height()):
        for x in range(image.width()):
            if image.pixelColor(x, y).lightness() < 200:
                xs.append(x)
                ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


class CupsPrinter(QPrinter):
    """A printer as the print dialog returns it for a CUPS queue (none exists on CI)."""

    def __init__(self, queue: str) -> None:
        super().__init__(QPrinter.PrinterMode.HighResolution)
        self.queue = queue

    def outputFormat(self):  # noqa: N802 - what Qt reports for a real queue
        return QPrinter.OutputFormat.NativeFormat

    def printerName(self):  # noqa: N802
        return self.queue


@pytest.fixture
def fake_lp(tmp_path, monkeypatch):
    """An `lp` on PATH that records its arguments, the job file's mode and its bytes."""
    import sys

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "lp.log"
    script = bin_dir / "lp"
    script.write_text(
        f"#!{sys.executable}\n"
        "import os, sys, pathlib\n"
        f"log = pathlib.Path({str(log)!r})\n"
        "job = pathlib.Path(sys.argv[-1])\n"
        "log.write_text(repr(sys.argv[1:]) + '\\n' + oct(job.stat().st_mode & 0o777)"
        " + '\\n' + oct(job.parent.stat().st_mode & 0o777))\n"
        "(log.parent / 'spooled.pdf').write_bytes(job.read_bytes())\n"
        "if os.environ.get('FAKE_LP_FAIL'):\n"
        "    sys.stderr.write('lp: The printer or class does not exist.\\n'); sys.exit(1)\n"
    )
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:{__import__('os').environ['PATH']}")
    return log


def test_a_cups_queue_gets_the_pdf_through_lp_and_the_temp_file_goes(
    qtbot, tab, tmp_path, fake_lp, docs_services
):
    import ast

    _build(qtbot, tab)
    pack = tab.packs.selected()
    printer = CupsPrinter("Office_Laser")
    pack_printing.prepare_printer(printer, PageSize.A4)
    printer.setCopyCount(2)
    printer.setFromTo(2, 4)
    assert pack_printing.route(printer) == "lp"
    assert tab.print_selected(printer) == 3
    argv, mode, dir_mode = fake_lp.read_text().splitlines()
    args = ast.literal_eval(argv)
    assert args[:4] == ["-d", "Office_Laser", "-t", "Casepath documentation pack"]
    assert args[4:6] == ["-n", "2"] and "-P" in args and args[args.index("-P") + 1] == "2-4"
    assert "media=A4" in args and args[-2] == "--"
    job = Path(args[-1])
    assert job.name == "print-job.pdf"  # a neutral name: queues list it
    assert (mode, dir_mode) == ("0o600", "0o700")
    assert not job.exists() and not job.parent.exists()
    assert (tmp_path / "spooled.pdf").read_bytes() == docs_services.documents.pdf(pack.id)
    assert "sent to Office_Laser" in tab.export_status.text() and not tab.warnings


def test_a_refusing_queue_is_reported_and_leaves_no_file(qtbot, tab, fake_lp, monkeypatch):
    import ast

    monkeypatch.setenv("FAKE_LP_FAIL", "1")
    _build(qtbot, tab)
    assert tab.print_selected(CupsPrinter("Gone")) == 0
    ((title, message),) = tab.warnings
    assert title == "Not printed" and "does not exist" in message and "Gone" in message
    job = Path(ast.literal_eval(fake_lp.read_text().splitlines()[0])[-1])
    assert not job.exists()


def test_save_buttons_write_0600_files(qtbot, tab, tmp_path, monkeypatch):
    from pypdf import PdfReader

    _build(qtbot, tab, MeetingType.OUTCOME, PageSize.LETTER)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "clicked.pdf"), "")
    )
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "clicked.pdf"
    assert not tab.warnings, tab.warnings
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert not PdfReader(saved).is_encrypted
    assert not list(tmp_path.glob(".*.partial"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "locked"), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("a long password", True))
    qtbot.mouseClick(tab.protect_button, Qt.MouseButton.LeftButton)
    locked = tmp_path / "locked.pdf"  # the suffix is added
    reader = PdfReader(io.BytesIO(locked.read_bytes()))
    assert reader.is_encrypted and reader.decrypt("a long password")
    assert stat.S_IMODE(locked.stat().st_mode) == 0o600
    assert "protected" in tab.export_status.text()


def test_saving_into_a_missing_folder_or_onto_a_folder_says_so(qtbot, tab, tmp_path):
    _build(qtbot, tab)
    assert tab.save_selected(tmp_path / "nowhere" / "p.pdf") is None
    assert "does not exist" in tab.warnings[-1][1]
    (tmp_path / "folder.pdf").mkdir()
    assert tab.save_selected(tmp_path / "folder.pdf") is None
    assert "folder" in tab.warnings[-1][1] and (tmp_path / "folder.pdf").is_dir()
    assert not list(tmp_path.rglob("*.partial"))


def test_an_existing_file_under_an_added_suffix_is_kept(qtbot, tab, tmp_path, monkeypatch):
    _build(qtbot, tab)
    (tmp_path / "mine.pdf").write_bytes(b"the officer's own file")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "mine"), ""))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "already exists" in tab.warnings[-1][1]
    assert (tmp_path / "mine.pdf").read_bytes() == b"the officer's own file"


def test_redacted_summary_button_opens_the_dialog(qtbot, tab):
    qtbot.mouseClick(tab.redact_button, Qt.MouseButton.LeftButton)
    dialog = tab.findChild(RedactionDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


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
    from app.services.documents.document_service import RedactionOptions

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
    assert type(dialog.details().meeting_type) is MeetingType  # not the str Qt hands back
    dialog.page_size.setCurrentIndex(list(PageSize).index(PageSize.LETTER))
    assert dialog.chosen_page_size() is PageSize.LETTER
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


# -- the preview ----------------------------------------------------------------------------
@pytest.fixture
def shown_tab(qtbot, tab):
    tab.resize(1200, 760)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()  # shortcuts go to the active window (xcb has no window manager here)
    qtbot.waitActive(tab)
    _build(qtbot, tab)
    qtbot.waitUntil(lambda: tab.preview.page_count() > 0)
    return tab


def test_the_preview_fits_the_width_and_shows_page_n_of_n(shown_tab):
    from PySide6.QtPdfWidgets import QPdfView

    preview, count = shown_tab.preview, shown_tab.document.pageCount()
    assert count >= 5
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert preview.page_label.text() == f"Page 1 of {count}"
    assert not preview.previous_button.isEnabled() and preview.next_button.isEnabled()
    # The pages take most of the tab, not a strip under the list.
    area = shown_tab.width() * shown_tab.height()
    assert preview.view.width() * preview.view.height() > 0.5 * area
    assert preview.view.height() > 0.85 * shown_tab.height()


def test_next_and_previous_page_by_button_and_key(qtbot, shown_tab):
    preview, count = shown_tab.preview, shown_tab.document.pageCount()
    qtbot.mouseClick(preview.next_button, Qt.MouseButton.LeftButton)
    assert preview.current_page() == 1 and preview.navigator.currentPage() == 1
    assert preview.page_label.text() == f"Page 2 of {count}"
    preview.view.setFocus()
    qtbot.keyClick(preview.view, Qt.Key.Key_PageDown)
    assert preview.page_label.text() == f"Page 3 of {count}"
    qtbot.keyClick(preview.view, Qt.Key.Key_PageUp)
    qtbot.keyClick(preview.view, Qt.Key.Key_PageUp)
    assert preview.current_page() == 0 and not preview.previous_button.isEnabled()
    for _ in range(count + 2):
        qtbot.mouseClick(preview.next_button, Qt.MouseButton.LeftButton)
    assert preview.current_page() == count - 1 and not preview.next_button.isEnabled()
    assert preview.page_label.text() == f"Page {count} of {count}"


def test_zoom_in_and_out_by_button_and_key(qtbot, shown_tab):
    from PySide6.QtPdfWidgets import QPdfView

    preview = shown_tab.preview
    fit = preview.zoom()
    qtbot.mouseClick(preview.zoom_in_button, Qt.MouseButton.LeftButton)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert preview.view.zoomFactor() == pytest.approx(fit * 1.25)
    preview.view.setFocus()
    qtbot.keyClick(preview.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert preview.view.zoomFactor() == pytest.approx(fit * 1.25**2)
    qtbot.keyClick(preview.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(preview.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(preview.zoom_out_button, Qt.MouseButton.LeftButton)
    assert preview.view.zoomFactor() == pytest.approx(fit / 1.25)
    assert preview.zoom_label.text() == f"{round(fit / 1.25 * 100)} %"
    qtbot.mouseClick(preview.fit_button, Qt.MouseButton.LeftButton)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_zoom_keeps_the_page_being_read(qtbot, shown_tab):
    preview = shown_tab.preview
    preview.go_to(3)
    qtbot.mouseClick(preview.zoom_in_button, Qt.MouseButton.LeftButton)
    assert preview.current_page() == 3


def test_a_refresh_keeps_the_page_being_read(qtbot, shown_tab):
    preview = shown_tab.preview
    preview.go_to(2)
    qtbot.mouseClick(preview.zoom_in_button, Qt.MouseButton.LeftButton)
    zoom = preview.view.zoomFactor()
    shown_tab.refresh()  # what F5 or a change in another tab does
    assert preview.current_page() == 2 and preview.view.zoomFactor() == zoom
    shown_tab.clear()  # locking forgets it all
    assert preview.page_count() == 0 and preview.page_label.text() == "No pages"
