"""The status update of a case, for the officer to copy, print or save — never sent.

Read-only text from `app.services.cases.status_update` (stage, next step and date, open actions;
no notes). Open it with `show_status_update` (window-modal ``open()``, not ``exec()``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.ui_formats import ui_error
from app.services.cases.status_update import save_status_update, status_update
from app.services.errors import VaultError
from app.views.widgets.base_dialog import BaseDialog
from app.views.widgets.clipboard_guard import ClipboardGuard


class StatusUpdateDialog(BaseDialog):
    def __init__(
        self, services: Any, case_id: int, parent: QWidget | None = None, settings: Any = None
    ) -> None:
        super().__init__(parent, settings)
        self.setObjectName("statusUpdateDialog")
        self.services = services
        self.case_id = case_id
        self.text = status_update(services, case_id)
        self.setWindowTitle(self.tr("Status update"))
        hint = QLabel(
            self.tr(
                "A short neutral status for the manager or sponsor: no notes. Casepath sends "
                "nothing; copy it into your own message or print it."
            )
        )
        hint.setWordWrap(True)
        self.text_view = QPlainTextEdit(self.text)
        self.text_view.setObjectName("statusUpdateText")
        self.text_view.setAccessibleName(self.tr("Status update text"))
        self.text_view.setReadOnly(True)
        self.text_view.setFont(QFont("monospace"))
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setObjectName("copyStatusUpdate")
        self.copy_button.clicked.connect(lambda: self.copy_text())
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printStatusUpdate")
        self.print_button.clicked.connect(lambda: self.print_text())
        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.setObjectName("saveStatusUpdate")
        self.save_button.clicked.connect(lambda: self.save_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for b in (self.copy_button, self.print_button, self.save_button):
            buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.text_view, 1)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def copy_text(self) -> None:
        """Onto the clipboard, cleared again after 30 seconds and on lock (ClipboardGuard)."""
        ClipboardGuard.of(self).copy(self.text)

    def print_text(self, printer: QPrinter | None = None) -> bool:
        """As text through the standard print dialog (or straight to ``printer``, for tests)."""
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            dialog.setWindowTitle(self.tr("Print status update"))
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return False
        document = QTextDocument()
        document.setPlainText(self.text)
        document.print_(printer)
        return True

    def save_text(self, path: str | Path | None = None) -> Path | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save status update"), "status-update.txt"
            )
            if not path:
                return None
        try:
            return save_status_update(self.services, self.case_id, Path(path))
        except VaultError as exc:
            QMessageBox.warning(self, self.tr("Status update not saved"), ui_error(exc))
            return None


def show_status_update(parent: QWidget, services: Any, case_id: int) -> StatusUpdateDialog:
    """Open the dialog window-modally and return it (the caller need not keep it)."""
    dialog = StatusUpdateDialog(services, case_id, parent)
    dialog.open()
    return dialog
