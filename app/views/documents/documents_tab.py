"""The Documents tab of a case: generated packs, an in-app preview, Print…, Save as….

Packs live inside the vault. The preview (`PackPreview`: fit width, zoom, page n of N) loads
the stored bytes through a `QBuffer` into a `QPdfDocument` (no file is written). Print… hands
the PDF itself to a CUPS queue, writes it unchanged for "print to file", or renders it at the
printer's resolution elsewhere (`documents.pack_printing`). Save as… writes only where the
officer asks (0600, optionally AES-256 protected). A new pack is built on a worker thread with
its progress shown in the tab. A redacted summary is chosen in `RedactionDialog` (format,
opted-in free text, generalised departments), then built, verified and written on a worker
thread (`RedactedSummaryExport`); a verifier refusal is shown and leaves no file.

Buttons are connected through lambdas: ``clicked(bool)`` must never land in a ``path`` or
``printer`` parameter.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.models.case.record_table_model import RecordColumn, when
from app.models.ui_formats import ui_error, ui_label
from app.services.documents.document_service import (
    DocumentError,
    MeetingDetails,
    MeetingType,
    PageSize,
    RedactionOptions,
    StoredPack,
    UnprintableText,
)
from app.services.errors import VaultError
from app.views.case.tabs.case_tab import CaseTab
from app.views.documents import pack_printing
from app.views.documents.new_pack_dialog import NewPackDialog, default_page_size
from app.views.documents.pack_preview import PackPreview
from app.views.documents.redacted_export import RedactedSummaryExport
from app.views.widgets.background import BackgroundOp
from app.views.widgets.record_list_section import RecordListSection

__all__ = ["DocumentsTab", "NewPackDialog", "default_page_size"]


class _ProgressRelay(QObject):
    """Lives on the GUI thread; the worker's progress calls arrive here queued."""

    progressed = Signal(float, str)


class DocumentsTab(CaseTab, RedactedSummaryExport):
    """Lists the case's packs; shows, prints, saves and builds them."""

    def __init__(self, services: Any, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(services, case_id, parent)
        self._buffer: QBuffer | None = None
        self._shown_id: int | None = None
        self._redaction: tuple[str, RedactionOptions] = ("pdf", RedactionOptions())
        self._op: BackgroundOp | None = None
        self.packs = RecordListSection(
            self.tr("Documentation packs"),
            (
                RecordColumn(
                    self.tr("Generated"),
                    lambda p: when(p.created_at),
                    sort=lambda p: p.created_at.isoformat(),
                ),
                RecordColumn(self.tr("Meeting"), lambda p: ui_label(MeetingType(p.meeting_type))),
                RecordColumn(self.tr("Integrity code"), lambda p: p.integrity_code),
                RecordColumn(self.tr("Meeting date"), lambda p: when(p.meeting_date)),
                RecordColumn(self.tr("Paper"), lambda p: ui_label(PageSize(p.page_size))),
                RecordColumn(self.tr("By"), lambda p: p.created_by),
            ),
            self.tr("Build pack…"),
            stretch_column=1,
            extra_buttons=[(self.tr("Redacted summary…"), lambda: self.export_redacted())],
        )
        self.packs.setObjectName("packList")
        self.packs.view.setObjectName("packTable")
        self.packs.view.setAccessibleName(self.tr("Documentation packs"))
        self.packs.set_empty_text(self.tr("No pack generated yet."))
        self.packs.edit_button.hide()  # a generated pack is never edited: build a new one
        self.packs.new_button.setObjectName("newPackButton")
        self.packs.new_button.setToolTip(
            self.tr("Build a documentation pack for a meeting from the case as it stands now")
        )
        (self.redact_button,) = self.packs.extra_buttons
        self.redact_button.setObjectName("redactedSummaryButton")
        self.redact_button.setToolTip(
            self.tr("Export a summary of the case that names nobody (verified before writing)")
        )
        self.packs.new_requested.connect(lambda: self.new_pack())
        self.packs.selection_changed.connect(self._selected)
        self.packs.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)

        self.document = QPdfDocument(self)
        self.preview = PackPreview(self.document)
        # What is done with the shown pack sits over it, like in a PDF viewer.
        self.print_button = self._pack_button(
            "printPackButton", self.tr("Print…"), lambda: self.print_selected()
        )
        self.save_button = self._pack_button(
            "savePackButton", self.tr("Save as…"), lambda: self.save_selected()
        )
        self.protect_button = self._pack_button(
            "savePackProtectedButton",
            self.tr("Save protected…"),
            lambda: self.save_selected_protected(),
        )
        self.protect_button.setToolTip(self.tr("Save a copy that opens only with a password"))
        for i, button in enumerate((self.print_button, self.save_button, self.protect_button)):
            self.preview.bar.insertWidget(i, button)
        self.progress = QProgressBar()
        self.progress.setObjectName("packProgress")
        self.progress.setRange(0, 100)
        self.progress_label = QLabel()
        busy = QHBoxLayout()
        busy.setContentsMargins(0, 0, 0, 0)
        busy.addWidget(self.progress_label)
        busy.addWidget(self.progress, 1)
        self.busy_row = QWidget()
        self.busy_row.setLayout(busy)
        self.busy_row.hide()
        self.export_status = QLabel()
        self.export_status.setObjectName("documentsStatus")
        self.export_status.setWordWrap(True)
        self.export_status.hide()
        self.relay = _ProgressRelay(self)
        self.relay.progressed.connect(self._progressed)

        # Pages are portrait: side by side, the preview gets the full height of the tab.
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.packs, 1)
        left_layout.addWidget(self.busy_row)
        left_layout.addWidget(self.export_status)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("documentsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([400, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self._update_buttons()

    def _pack_button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

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
        shown = pack is not None and pack.id == self._shown_id and self.document.pageCount()
        if not shown:  # a refresh keeps the page and zoom of the pack being read
            self._unload()
            if pack is not None and self.services is not None:
                self._load(self.services.documents.pdf(pack.id))
                self._shown_id = pack.id
                self._audit_view(pack.id)
        self._update_buttons()

    def _audit_view(self, pack_id: int) -> None:
        """Showing a stored pack is a read that matters: audited, without its content. A
        vault open read-only (damaged) cannot take the event; the pack is still shown."""
        with contextlib.suppress(VaultError):
            self.services.reads.pack_viewed(pack_id)

    def _load(self, pdf: bytes) -> None:
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self.document.load(buffer)

    def _unload(self) -> None:
        """Forget the shown pack: the document, its buffer and the bytes in it."""
        self._shown_id = None
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

        self._op = BackgroundOp(
            self, work, self._built, self._failed, self.tr("Building the pack…")
        )
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
            self.warn(self.tr("Pack not built"), ui_error(exc))
        else:
            self.warn(
                self.tr("Pack not built"),
                self.tr("Something went wrong (%1); nothing was stored. Try again.").replace(
                    "%1", type(exc).__name__
                ),
            )

    # -- printing and saving -------------------------------------------------------------
    def print_selected(self, printer: QPrinter | None = None) -> int:
        """Print through the standard dialog (or straight to ``printer``, for tests).

        Returns the number of pages sent (0 when cancelled or refused, with a message)."""
        pack = self.packs.selected()
        if pack is None or self.services is None or self.document.pageCount() == 0:
            return 0
        if printer is None:
            printer = pack_printing.choose_printer(
                self, PageSize(pack.page_size), self.document.pageCount()
            )
            if printer is None:
                return 0
        way = pack_printing.route(printer)
        try:
            sent = pack_printing.print_pack(
                self.services.documents.pdf(pack.id), self.document, printer
            )
        except (OSError, VaultError) as exc:
            self.warn(self.tr("Not printed"), ui_error(exc))
            return 0
        self.services.reads.pack_printed(pack.id, way, sent)  # audited, without content
        if way == "pdf-file":
            where = self.tr("written to {0}").format(printer.outputFileName())
        else:
            where = self.tr("sent to {0}").format(printer.printerName() or self.tr("the printer"))
        self._status(
            self.tr("%n pages of %1 %2.", "", sent)
            .replace("%1", pack.integrity_code)
            .replace("%2", where)
        )
        return sent

    def save_selected(self, path: Path | None = None, password: str | None = None) -> Path | None:
        """Save the selected pack where the officer chooses (or to ``path``, for tests)."""
        pack = self.packs.selected()
        if pack is None or self.services is None:
            return None
        overwrite = True  # a path given by a caller, or one the file dialog asked about
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save protected pack") if password else self.tr("Save documentation pack"),
                f"{pack.integrity_code}.pdf",
                self.tr("PDF documents (*.pdf)"),
            )
            if not name:
                return None
            path = Path(name)
            if path.suffix.lower() != ".pdf":
                # The dialog's "replace?" was about the typed name, not this one.
                path, overwrite = path.with_name(f"{path.name}.pdf"), False
        try:
            saved = self.services.documents.export_pack(pack.id, path, password, overwrite)
        except (VaultError, OSError) as exc:
            self.warn(self.tr("Pack not saved"), ui_error(exc))
            return None
        note = self.tr(" (protected: send the password separately)") if password else ""
        self._status(self.tr("Pack {0} saved to {1}{2}.").format(pack.integrity_code, saved, note))
        return saved

    def save_selected_protected(
        self, path: Path | None = None, password: str | None = None
    ) -> Path | None:
        if self.packs.selected() is None:
            return None
        if password is None:
            password, ok = QInputDialog.getText(
                self,
                self.tr("Protect the PDF"),
                self.tr(
                    "Password to open the PDF (at least 8 characters; "
                    "send it separately from the file):"
                ),
                QLineEdit.EchoMode.Password,
            )
            if not ok or not password:
                return None
        return self.save_selected(path, password)

    def _status(self, text: str) -> None:
        self.export_status.setText(text)
        self.export_status.show()
