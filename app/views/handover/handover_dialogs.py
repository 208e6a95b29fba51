"""The two handover dialogs: this vault's key to give out, and handing cases over."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.theme import colour_css
from app.models.ui_formats import ui_error
from app.services.errors import VaultError
from app.views.widgets.base_dialog import BaseDialog


class HandoverKeyDialog(BaseDialog):
    """Shows this vault's public handover key; it is not secret, but read it out to the
    sender by phone too, so a key swapped in an e-mail is noticed."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Handover key — Casepath"))
        note = QLabel(
            self.tr(
                "Give this key to the officer who hands a case over to you. Only this vault "
                "can open a bundle made for it. The key is not secret; check it with the "
                "sender by phone."
            )
        )
        note.setWordWrap(True)
        self.key = QLineEdit(key)
        self.key.setObjectName("handoverKey")
        self.key.setAccessibleName(self.tr("Key to give the receiver"))
        self.key.setReadOnly(True)
        self.key.setMinimumWidth(520)
        self.copy_button = QPushButton(self.tr("Copy key"))
        self.copy_button.setObjectName("copyHandoverKey")
        self.copy_button.clicked.connect(self.copy_key)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.key, 1)
        row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def copy_key(self) -> None:
        QGuiApplication.clipboard().setText(self.key.text())  # a public key: nothing to guard


class HandoverExportDialog(BaseDialog):
    """Which cases, for which vault's key, into which file; refuses while anything is missing."""

    def __init__(self, services: Any, references: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.result_info = None
        self.setWindowTitle(self.tr("Hand cases over — Casepath"))
        note = QLabel(
            self.tr(
                "The bundle is encrypted for the receiving vault's key and carries each case's "
                "records, files and audit trail. The cases stay editable here until you import "
                "the receiver's acknowledgement; then they are read-only."
            )
        )
        note.setWordWrap(True)
        self.references = QLineEdit(references)
        self.references.setObjectName("handoverReferences")
        self.references.setPlaceholderText(self.tr("Case references, separated by spaces"))
        self.recipient = QLineEdit()
        self.recipient.setObjectName("handoverRecipient")
        self.recipient.setPlaceholderText(self.tr("age1… (the receiving vault's handover key)"))
        self.recipient.setMinimumWidth(520)  # the whole key stays readable
        self.target = QLineEdit()
        self.target.setObjectName("handoverTarget")
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.clicked.connect(self.choose_file)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(self.browse_button)
        self.error = QLabel()
        self.error.setObjectName("handoverError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(colour_css("error"))
        form = QFormLayout()
        form.addRow(self.tr("Cases"), self.references)
        form.addRow(self.tr("Receiver's key"), self.recipient)
        form.addRow(self.tr("Bundle file"), target_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("Export bundle"))
        self.export_button.setObjectName("exportBundleButton")
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        for field in (self.references, self.recipient, self.target):
            field.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        ready = all(f.text().strip() for f in (self.references, self.recipient, self.target))
        self.export_button.setEnabled(ready)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the handover bundle"), "", self.tr("Handover bundle (*.bundle)")
        )
        if path:
            self.target.setText(path)

    def export(self) -> None:
        from pathlib import Path

        try:
            self.result_info = self.services.handover.export(
                self.references.text().split(), self.recipient.text(), Path(self.target.text())
            )
        except VaultError as exc:
            self.error.setText(ui_error(exc))
            return
        self.accept()
