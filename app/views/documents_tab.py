"""The Documents tab of a case: generated packs, an in-app preview, Print…, Save as….

Packs live inside the vault. The preview loads the stored bytes through a `QBuffer` into a
`QPdfDocument` (no file is written); printing renders each page to an image at up to 300 dpi
and paints it on the printer the officer chose in the standard print dialog; Save as… writes
only where the officer asks, optionally AES-256 protected. A new pack is built on a worker
thread with its progress shown in the tab. A redacted summary is chosen in `RedactionDialog`
(format, opted-in free text, generalised departments), then built, verified and written on a
worker thread; a verifier refusal is shown and leaves no file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QDate,
    QIODevice,
    QLocale,
    QObject,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.models.record_table_model import RecordColumn, when
from app.services.document_service import (
    DocumentError,
    MeetingDetails,
    MeetingType,
    PageSize,
    RedactionOptions,
    RedactionRefused,
    StoredPack,
    UnprintableText,
)
from app.services.errors import VaultError
from app.views.background import BackgroundOp
from app.views.base_dialog import BaseDialog
from app.views.case_tab import CaseTab
from app.views.record_list_section import RecordListSection
from app.views.redaction_dialog import RedactionDialog

PRINT_DPI = 300  # enough for text on paper; a 1200 dpi page image would need ~0.5 GB


def default_page_size() -> PageSize:
    us = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return PageSize.LETTER if us else PageSize.A4


class NewPackDialog(BaseDialog):
    """Which meeting the pack is for; date, place and people come from the case by default."""

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New documentation pack")
        self.meeting = QComboBox()
        for m in MeetingType:
            self.meeting.addItem(m.label, m)
        self.from_case = QCheckBox(
            "Date and place from the case (the next scheduled review, else today)"
        )
        self.from_case.setChecked(True)
        self.meeting_date = QDateEdit()
        self.meeting_date.setCalendarPopup(True)
        self.meeting_date.setDisplayFormat("yyyy-MM-dd")
        day = today or date.today()
        self.meeting_date.setDate(QDate(day.year, day.month, day.day))
        self.place = QLineEdit()
        self.place.setPlaceholderText("Room, building or call link")
        self.page_size = QComboBox()
        for size in PageSize:
            self.page_size.addItem(size.label, size)
        self.page_size.setCurrentIndex(list(PageSize).index(default_page_size()))
        form = QFormLayout()
        form.addRow("Meeting", self.meeting)
        form.addRow("", self.from_case)
        form.addRow("Date", self.meeting_date)
        form.addRow("Place", self.place)
        form.addRow("Paper", self.page_size)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Build pack")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.from_case.toggled.connect(self._sync)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._sync()

    def _sync(self) -> None:
        manual = not self.from_case.isChecked()
        self.meeting_date.setEnabled(manual)
        self.place.setEnabled(manual)

    def details(self) -> MeetingDetails:
        meeting = self.meeting.currentData()
        if self.from_case.isChecked():
            return MeetingDetails(meeting)
        return MeetingDetails(
            meeting,
            meeting_date=self.meeting_date.date().toPython(),
            place=self.place.text().strip(),
        )

    def chosen_page_size(self) -> PageSize:
        return self.page_size.currentData()


class _ProgressRelay(QObject):
    """Lives on the GUI thread; the worker's progress calls arrive here queued."""

    progressed = Signal(float, str)


def print_pdf(document: QPdfDocument, printer: QPrinter, dpi: int = PRINT_DPI) -> int:
    """Paint the document's pages (the printer's page range, if set) on ``printer``.

    Returns the number of pages sent. Each page is rendered at up to ``dpi`` and scaled to the
    printable area keeping its proportions.
    """
    count = document.pageCount()
    first = max(1, printer.fromPage() or 1)
    last = min(count, printer.toPage() or count)
    if count == 0 or first > last:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("The printer could not be started.")
    sent = 0
    try:
        for number in range(first, last + 1):
            if sent:
                printer.newPage()
            points = document.pagePointSize(number - 1)
            scale = min(dpi, printer.resolution()) / 72.0
            image = document.render(
                number - 1, QSize(round(points.width() * scale), round(points.height() * scale))
            )
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), image)
            sent += 1
    finally:
        painter.end()
    return sent


class DocumentsTab(CaseTab):
    """Lists the case's packs; shows, prints, saves and builds them."""

    def __init__(self, services: Any, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(services, case_id, parent)
        self._buffer: QBuffer | None = None
        self._redaction: tuple[str, RedactionOptions] = ("pdf", RedactionOptions())
        self._op: BackgroundOp | None = None
        self.packs = RecordListSection(
            "Documentation packs",
            (
                RecordColumn(
                    "Generated",
                    lambda p: when(p.created_at),
                    sort=lambda p: p.created_at.isoformat(),
                ),
                RecordColumn("Meeting", lambda p: MeetingType(p.meeting_type).label),
                RecordColumn("Meeting date", lambda p: when(p.meeting_date)),
                RecordColumn("Paper", lambda p: PageSize(p.page_size).label),
                RecordColumn("Integrity code", lambda p: p.integrity_code),
                RecordColumn("By", lambda p: p.created_by),
            ),
            "New pack…",
            stretch_column=1,
            extra_buttons=[
                ("Print…", lambda: self.print_selected()),
                ("Save as…", lambda: self.save_selected()),
                ("Save protected…", lambda: self.save_selected_protected()),
                ("Redacted summary…", lambda: self.export_redacted()),
            ],
        )
        self.packs.set_empty_text("No pack generated yet.")
        self.packs.edit_button.hide()  # a generated pack is never edited: build a new one
        (self.print_button, self.save_button, self.protect_button, self.redact_button) = (
            self.packs.extra_buttons
        )
        self.packs.new_requested.connect(self.new_pack)
        self.packs.selection_changed.connect(self._selected)
        self.packs.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)

        self.document = QPdfDocument(self)
        self.preview = QPdfView()
        self.preview.setDocument(self.document)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress_label = QLabel()
        busy = QHBoxLayout()
        busy.addWidget(self.progress_label)
        busy.addWidget(self.progress, 1)
        self.busy_row = QWidget()
        self.busy_row.setLayout(busy)
        self.busy_row.hide()
        self.export_status = QLabel()
        self.export_status.setWordWrap(True)
        self.export_status.hide()
        self.relay = _ProgressRelay(self)
        self.relay.progressed.connect(self._progressed)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("documentsSplitter")
        splitter.addWidget(self.packs)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.busy_row)
        layout.addWidget(self.export_status)
        layout.addWidget(splitter)
        self._update_buttons()

    # -- showing -------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.services is None:
            return
        packs = self.services.documents.packs(self.case_id)
        keep = getattr(self.packs.selected(), "id", None)
        if keep is None and packs:
            keep = max(p.id for p in packs)  # the newest pack is previewed without a click
        self.packs.set_records(packs, keep_id=keep)
        self._update_buttons()

    def clear(self) -> None:
        self._unload()
        self.packs.clear()
        self.busy_row.hide()
        self.export_status.clear()
        self.export_status.hide()
        super().clear()
        self._update_buttons()

    def set_read_only(self, read_only: bool) -> None:
        # Packs and summaries do not change the case: a closed case still gets them
        # (an appeal, an audit), so nothing is disabled here.
        self.read_only = read_only

    def _selected(self, pack: StoredPack | None) -> None:
        self._unload()
        if pack is not None and self.services is not None:
            self._load(self.services.documents.pdf(pack.id))
        self._update_buttons()

    def _load(self, pdf: bytes) -> None:
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self.document.load(buffer)

    def _unload(self) -> None:
        """Forget the shown pack: the document, its buffer and the bytes in it."""
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())
            self._buffer.deleteLater()
            self._buffer = None

    def _update_buttons(self) -> None:
        chosen = self.packs.selected() is not None and self.services is not None
        idle = self._op is None or not self._op.running
        for button in (self.print_button, self.save_button, self.protect_button):
            button.setEnabled(chosen)
        self.packs.new_button.setEnabled(self.services is not None and idle)
        self.redact_button.setEnabled(self.services is not None and idle)

    # -- building ------------------------------------------------------------------------
    def new_pack(self) -> NewPackDialog | None:
        if self.services is None:
            return None
        dialog = NewPackDialog(self, self.services.clock.today())
        self._dialogs.append(dialog)

        def finished(result: int) -> None:
            if dialog in self._dialogs:
                self._dialogs.remove(dialog)
            if result and self.services is not None:
                self.build(dialog.details(), dialog.chosen_page_size())
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def build(self, meeting: MeetingDetails, page_size: PageSize) -> BackgroundOp | None:
        """Generate on a worker thread; the new pack is selected when it is stored."""
        if self.services is None:
            return None
        documents, case_id, relay = self.services.documents, self.case_id, self.relay

        def work() -> StoredPack:
            return documents.generate(
                case_id, meeting, page_size, progress=lambda f, m: relay.progressed.emit(f, m)
            )

        self._op = BackgroundOp(self, work, self._built, self._failed, "Building the pack…")
        self._op.start()
        self._update_buttons()
        return self._op

    @property
    def operation(self) -> BackgroundOp | None:
        """The latest background operation (a pack build or a summary export)."""
        return self._op

    def show_busy(self, text: str) -> None:
        self.progress.setRange(0, 100)
        self.progress_label.setText(text)
        self.progress.setValue(0)
        self.busy_row.show()

    def hide_busy(self) -> None:
        self.busy_row.hide()
        self._update_buttons()

    def _progressed(self, fraction: float, message: str) -> None:
        self.progress.setValue(round(fraction * 100))
        self.progress_label.setText(message)

    def _built(self, pack: StoredPack) -> None:
        if self.services is None:
            return
        self.refresh()
        self.packs.select_id(pack.id)
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        if self.services is None:
            return
        if isinstance(exc, UnprintableText | VaultError | DocumentError | ValueError):
            self.warn("Pack not built", str(exc))
        else:
            self.warn(
                "Pack not built",
                f"Something went wrong ({type(exc).__name__}); nothing was stored. Try again.",
            )

    # -- printing and saving -------------------------------------------------------------
    def print_selected(self, printer: QPrinter | None = None) -> int:
        """Print through the standard dialog (or straight to ``printer``, for tests)."""
        if self.packs.selected() is None or self.document.pageCount() == 0:
            return 0
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            dialog.setWindowTitle("Print documentation pack")
            dialog.setMinMax(1, self.document.pageCount())
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return 0
        try:
            return print_pdf(self.document, printer)
        except OSError as exc:
            self.warn("Not printed", str(exc))
            return 0

    def save_selected(self, path: Path | None = None, password: str | None = None) -> Path | None:
        pack = self.packs.selected()
        if pack is None or self.services is None:
            return None
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self,
                "Save documentation pack",
                f"{pack.integrity_code}.pdf",
                "PDF documents (*.pdf)",
            )
            if not name:
                return None
            path = Path(name)
        try:
            # The file dialog already asked before replacing an existing file.
            return self.services.documents.export_pack(pack.id, path, password, overwrite=True)
        except (VaultError, OSError) as exc:
            self.warn("Pack not saved", str(exc))
            return None

    def save_selected_protected(
        self, path: Path | None = None, password: str | None = None
    ) -> Path | None:
        if self.packs.selected() is None:
            return None
        if password is None:
            password, ok = QInputDialog.getText(
                self,
                "Protect the PDF",
                "Password to open the PDF (at least 8 characters; "
                "send it separately from the file):",
                QLineEdit.EchoMode.Password,
            )
            if not ok or not password:
                return None
        return self.save_selected(path, password)

    def export_redacted(self) -> RedactionDialog | None:
        """Ask what the summary may hold, then where to write it; the export runs in the
        background. Returns the (window-modal, non-blocking) dialog."""
        if self.services is None:
            return None
        kind, options = self._redaction
        dialog = RedactionDialog(self, kind=kind, options=options)
        self._dialogs.append(dialog)

        def finished(result: int) -> None:
            if dialog in self._dialogs:
                self._dialogs.remove(dialog)
            if result and self.services is not None:
                self._redaction = (dialog.kind(), dialog.options())
                chosen = self.ask_redacted_path(dialog.kind())
                if chosen is not None:
                    self.write_redacted(chosen[0], dialog.options(), overwrite=chosen[1])
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def ask_redacted_path(self, kind: str) -> tuple[Path, bool] | None:
        """Where to write, from the standard file dialog: (path, may overwrite) or None.

        A name typed without the format's suffix gets it; the dialog's "replace?" question
        was about the typed name, so an existing file under the new name is not replaced.
        """
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Export redacted summary",
            f"redacted-summary.{kind}",
            _SUMMARY_FILTERS[kind],
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() == f".{kind}":
            return path, True
        return path.with_name(f"{path.name}.{kind}"), False

    def write_redacted(
        self, path: Path, options: RedactionOptions, overwrite: bool = False
    ) -> BackgroundOp | None:
        """Build, verify and write the summary on a worker thread (format from the suffix)."""
        if self.services is None:
            return None
        documents, case_id, size = self.services.documents, self.case_id, default_page_size()

        def work() -> Path:
            return documents.export_redacted(case_id, path, options, size, overwrite=overwrite)

        self.export_status.hide()
        self._op = BackgroundOp(
            self, work, self._exported, self._export_failed, "Exporting the redacted summary…"
        )
        self._op.start()
        self.progress.setRange(0, 0)  # no progress steps to report: a busy bar
        self._update_buttons()
        return self._op

    def _exported(self, path: Path) -> None:
        if self.services is None:
            return
        self.export_status.setText(
            f"Redacted summary written to {path}. The verifier checked it: it names no one "
            "in the vault."
        )
        self.export_status.show()

    def _export_failed(self, exc: BaseException) -> None:
        if self.services is None:
            return
        if isinstance(exc, RedactionRefused):
            self.warn("Summary refused by the verifier", str(exc))
        elif isinstance(exc, UnprintableText | VaultError | DocumentError | OSError | ValueError):
            self.warn("Summary not exported", str(exc))
        else:
            self.warn(
                "Summary not exported",
                f"Something went wrong ({type(exc).__name__}); nothing was written. Try again.",
            )


_SUMMARY_FILTERS = {
    "pdf": "PDF documents (*.pdf)",
    "csv": "CSV spreadsheets (*.csv)",
    "json": "JSON files (*.json)",
}
