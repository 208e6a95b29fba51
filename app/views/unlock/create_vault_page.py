"""The 'create a new vault' page of the unlock window: file, officer, passphrase twice."""

from __future__ import annotations

import getpass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.passphrase_strength import assess
from app.models.theme import tone
from app.views.unlock.passphrase_field import PassphraseField

VAULT_SUFFIX = ".casepath"
_METER_TONES = ("error", "exception", "warning", "success", "success")


def _default_officer_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


class CreateVaultPage(QWidget):
    """Emits ``create_requested(path, passphrase, officer_name)`` once everything is valid."""

    create_requested = Signal(Path, str, str)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Where to keep the new vault file"))
        self.path_edit.setAccessibleName(self.tr("New vault file"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(choose)

        self.name_edit = QLineEdit(_default_officer_name())
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.passphrase = PassphraseField(self.tr("New passphrase"))
        self.repeat = PassphraseField(self.tr("Repeat the passphrase"))

        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setFixedHeight(8)
        self.meter_label = QLabel()
        self.hints = QLabel()
        self.hints.setWordWrap(True)
        self.caps_warning = QLabel(self.tr("Caps Lock is on."))
        self.caps_warning.setObjectName("capsWarning")
        self.caps_warning.setVisible(False)
        self.errors = QLabel()
        self.errors.setObjectName("fieldError")
        self.errors.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Vault file"), path_row)
        form.addRow(self.tr("Your name"), self.name_edit)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Repeat"), self.repeat)
        meter_row = QHBoxLayout()
        meter_row.addWidget(self.meter, 1)
        meter_row.addWidget(self.meter_label)
        form.addRow(self.tr("Strength"), meter_row)

        self.create_button = QPushButton(self.tr("Create vault"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._submit)
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(self.back_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hints)
        layout.addWidget(self.caps_warning)
        layout.addWidget(self.errors)
        note = QLabel(self.tr("Nobody can recover a forgotten passphrase: keep it somewhere safe."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addLayout(buttons)

        for widget in (self.path_edit, self.name_edit, self.passphrase, self.repeat):
            widget.textChanged.connect(self.revalidate)
        for field in (self.passphrase, self.repeat):
            field.caps_lock_changed.connect(
                lambda f=field: self.caps_warning.setVisible(bool(f.caps_lock))
            )
            field.returnPressed.connect(self._submit)
        self.revalidate()

    # -- validation as the user types --------------------------------------------------------
    def problems(self) -> list[str]:
        found: list[str] = []
        path = self.path_edit.text().strip()
        if not path:
            found.append(self.tr("Choose where to keep the vault file."))
        elif Path(path).exists():
            found.append(self.tr("That file already exists; Casepath never overwrites a file."))
        elif not Path(path).parent.is_dir():
            found.append(self.tr("That folder does not exist."))
        if not self.name_edit.text().strip():
            found.append(self.tr("Enter your name: every change in the vault records who made it."))
        report = assess(
            self.passphrase.text(),
            self.repeat.text(),
            [self.name_edit.text(), Path(path).stem if path else ""],
        )
        return found + report.errors

    def revalidate(self) -> None:
        report = assess(self.passphrase.text(), None, [self.name_edit.text()])
        has_text = bool(self.passphrase.text())
        self.meter.setValue(report.score if has_text else 0)
        colour = tone(_METER_TONES[report.score]).name()
        self.meter.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        self.meter_label.setText(report.label if has_text else "")
        self.hints.setText(" ".join(report.hints) if has_text else "")
        problems = self.problems()
        # Only complain about fields the user has touched, so a fresh page is not a wall of red.
        shown = [p for p in problems if has_text or "passphrase" not in p.lower()]
        self.errors.setText("\n".join(shown) if (has_text or self.path_edit.text()) else "")
        self.create_button.setEnabled(not problems)

    def show_error(self, text: str) -> None:
        self.errors.setText(text)

    def set_busy(self, busy: bool) -> None:
        for widget in (
            self.path_edit,
            self.name_edit,
            self.passphrase,
            self.repeat,
            self.create_button,
        ):
            widget.setEnabled(not busy)
        if not busy:
            self.revalidate()

    def reset(self) -> None:
        self.passphrase.wipe()
        self.repeat.wipe()
        self.errors.clear()
        self.revalidate()

    # -- actions ---------------------------------------------------------------------------------
    def _choose_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New vault file"),
            str(Path.home() / (self.tr("cases") + VAULT_SUFFIX)),
            self.tr("Casepath vaults (%1)").replace("%1", f"*{VAULT_SUFFIX}"),
        )
        if path:
            if not path.endswith(VAULT_SUFFIX):
                path += VAULT_SUFFIX
            self.path_edit.setText(path)

    def _submit(self) -> None:
        if self.problems():
            self.revalidate()
            return
        self.create_requested.emit(
            Path(self.path_edit.text().strip()),
            self.passphrase.text(),
            self.name_edit.text().strip(),
        )

    def focus_first(self) -> None:
        target = self.path_edit if not self.path_edit.text() else self.passphrase
        target.setFocus(Qt.FocusReason.OtherFocusReason)
