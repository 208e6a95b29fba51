"""The files attached to one conversation, indicator or observation, and what to do with them.

Open writes a private copy (0600 in a 0700 folder) and hands it to the system viewer; the
copy is removed when the case closes, on lock and on exit. Save as… writes where the officer
chooses. File dialogs and the viewer are attributes so tests can replace them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.attachments import Attachment, AttachmentOwner
from app.domain.words.wording import file_kind
from app.models.case.record_table_model import RecordColumn, RecordTableModel, when
from app.models.ui_formats import ui_error, ui_formats
from app.services.errors import VaultError
from app.views.widgets.record_list_section import RecordTableView, compact_rows


def attachment_columns() -> tuple[RecordColumn, ...]:
    """The columns of a file list, titled in the interface language."""
    by = QCoreApplication.translate("AttachmentsPanel", "%1 by %2")
    return (
        RecordColumn(QCoreApplication.translate("AttachmentsPanel", "File"), lambda a: a.filename),
        RecordColumn(
            QCoreApplication.translate("AttachmentsPanel", "Type"),
            lambda a: file_kind(a.media_type, ui_formats().language),
        ),
        RecordColumn(
            QCoreApplication.translate("AttachmentsPanel", "Size"),
            lambda a: a.size_label,
            sort=lambda a: a.size,
        ),
        RecordColumn(
            QCoreApplication.translate("AttachmentsPanel", "Added"),
            lambda a: by.replace("%1", when(a.added_at)).replace("%2", a.added_by),
            sort=lambda a: a.added_at,
        ),
    )


def _ask_open_files(parent: QWidget) -> list[str]:
    files, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("AttachmentsPanel", "Attach evidence files"),
        str(Path.home()),
        QCoreApplication.translate("AttachmentsPanel", "Evidence")
        + " (*.pdf *.png *.jpg *.jpeg *.gif *.webp *.heic *.eml *.msg *.doc *.docx "
        "*.odt *.rtf *.txt *.xlsx *.xls *.ods *.csv);;"
        + QCoreApplication.translate("AttachmentsPanel", "All files")
        + " (*)",
    )
    return files


def _ask_save_file(parent: QWidget, suggested: str) -> str:
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("AttachmentsPanel", "Save attachment as"),
        str(Path.home() / suggested),
    )
    return path


class AttachmentsPanel(QWidget):
    """Lists and manages the files of one owner record; empty when no record is chosen."""

    changed = Signal()

    # Replaceable in tests: no real dialogs or desktop viewers.
    ask_open_files = staticmethod(_ask_open_files)
    ask_save_file = staticmethod(_ask_save_file)
    open_url = staticmethod(QDesktopServices.openUrl)

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.owner: tuple[AttachmentOwner, int] | None = None
        self.read_only = False
        self.model = RecordTableModel(attachment_columns(), self)
        self.title = QLabel(self.tr("Files"))
        self.title.setObjectName("attachmentsTitle")
        self.view = RecordTableView()  # Enter opens the file, like a double-click
        self.view.setAccessibleName(self.tr("Files"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        compact_rows(self.view)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _i: self.open_selected())
        self.view.activated_row.connect(lambda _i: self.open_selected())
        self.view.setMinimumHeight(80)
        self.add_button = QPushButton(self.tr("Attach file…"))
        self.open_button = QPushButton(self.tr("Open"))
        self.save_button = QPushButton(self.tr("Save as…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(self.attach_files)
        self.open_button.clicked.connect(self.open_selected)
        self.save_button.clicked.connect(self.save_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.open_button, self.save_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    # -- showing -------------------------------------------------------------------------
    def set_owner(self, owner_type: AttachmentOwner | None, owner_id: int | None) -> None:
        self.owner = (owner_type, owner_id) if owner_type and owner_id else None
        self.refresh()

    def refresh(self) -> None:
        if self.owner is None or self.services is None:
            self.model.clear()
            self.title.setText(self.tr("Files — choose a record above to see or attach its files"))
        else:
            self.model.set_records(self.services.attachments.for_owner(*self.owner))
            count = self.model.rowCount()
            titles = {
                AttachmentOwner.CONVERSATION: self.tr("Files attached to this conversation (%1)"),
                AttachmentOwner.INDICATOR: self.tr("Files attached to this indicator (%1)"),
                AttachmentOwner.OBSERVATION: self.tr("Files attached to this observation (%1)"),
            }
            self.title.setText(titles[self.owner[0]].replace("%1", str(count)))
        self._update_buttons()

    def clear(self) -> None:
        self.services = None
        self.owner = None
        self.model.clear()
        self.title.setText(self.tr("Files"))
        self._update_buttons()

    def selected(self) -> Attachment | None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            return self.model.record_at(rows[0].row())
        return None

    def set_read_only(self, read_only: bool) -> None:
        """A closed case: its files can be opened and saved, not added or removed."""
        self.read_only = read_only
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_owner = self.owner is not None and self.services is not None
        has_selection = self.selected() is not None
        self.add_button.setEnabled(has_owner and not self.read_only)
        self.remove_button.setEnabled(has_owner and has_selection and not self.read_only)
        for b in (self.open_button, self.save_button):
            b.setEnabled(has_owner and has_selection)

    # -- actions -------------------------------------------------------------------------
    def attach_files(self) -> None:
        if self.owner is None:
            return
        added = 0
        for name in self.ask_open_files(self):
            try:
                self.services.attachments.add_file(self.owner[0], self.owner[1], Path(name))
                added += 1
            except VaultError as exc:
                self._warn(self.tr("The file was not attached"), ui_error(exc))
        if added:
            self.refresh()
            self.changed.emit()

    def open_selected(self) -> None:
        att = self.selected()
        if att is None:
            return
        try:
            path = self.services.attachments.open_for_viewing(att.id)
        except VaultError as exc:
            self._warn(self.tr("The file cannot be opened"), ui_error(exc))
            return
        if not self.open_url(QUrl.fromLocalFile(str(path))):
            self._warn(
                self.tr("No viewer"),
                self.tr(
                    "No program is set up to open %1 files. "
                    "Use 'Save as…' and open the copy yourself."
                ).replace("%1", file_kind(att.media_type)),
            )

    def save_selected(self) -> None:
        att = self.selected()
        if att is None:
            return
        target = self.ask_save_file(self, att.filename)
        if not target:
            return
        try:
            self.services.attachments.save_as(att.id, Path(target))
        except VaultError as exc:
            self._warn(self.tr("The file was not saved"), ui_error(exc))

    def remove_selected(self) -> None:
        att = self.selected()
        if att is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove file"),
            self.tr(
                "Remove %1 from the case? The audit log keeps a record that it "
                "was attached and removed."
            ).replace("%1", att.filename),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.services.attachments.remove(att.id)
        except VaultError as exc:
            self._warn(self.tr("The file was not removed"), ui_error(exc))
            return
        self.refresh()
        self.changed.emit()

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)
