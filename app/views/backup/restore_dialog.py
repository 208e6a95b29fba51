"""File → Restore from backup…: check a backup, show what it holds, then restore it.

Restoring is refused until the chosen backup has been checked with its passphrase, so the
officer sees its cases, last change and audit head before anything moves. A vault already at
the target is kept beside it under a timestamped name (`app.services.restore_service`).
"""

from __future__ import annotations

from pathlib import Path

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

from app.models.ui_formats import ui_error
from app.services.errors import VaultError
from app.services.restore_service import (
    BackupSummary,
    RestoreResult,
    inspect_backup,
    restore_backup,
)
from app.views.settings_store import SettingsStore
from app.views.unlock.passphrase_field import PassphraseField
from app.views.widgets.background import run_in_background
from app.views.widgets.base_dialog import BaseDialog


def _path_row(edit: QLineEdit, browse: QPushButton) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(browse)
    return row


class RestoreDialog(BaseDialog):
    def __init__(
        self,
        parent: QWidget | None,
        settings: SettingsStore | None,
        target: Path | None = None,
        start_folder: Path | None = None,
    ) -> None:
        super().__init__(parent, settings)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setObjectName("restore_dialog")
        self.summary: BackupSummary | None = None
        self.restored: RestoreResult | None = None
        self._start_folder = start_folder

        self.backup_path = QLineEdit()
        self.backup_path.setObjectName("restore_backup_path")
        browse_backup = QPushButton(self.tr("Choose…"))
        browse_backup.setObjectName("restore_browse_backup")
        browse_backup.clicked.connect(lambda: self._choose_backup())
        self.passphrase = PassphraseField(self.tr("The backup's passphrase"))
        self.passphrase.setObjectName("restore_passphrase")
        self.target_path = QLineEdit(str(target) if target else "")
        self.target_path.setObjectName("restore_target_path")
        browse_target = QPushButton(self.tr("Choose…"))
        browse_target.setObjectName("restore_browse_target")
        browse_target.clicked.connect(lambda: self._choose_target())

        form = QFormLayout()
        form.addRow(self.tr("Backup file"), _path_row(self.backup_path, browse_backup))
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Restore as"), _path_row(self.target_path, browse_target))

        self.check_button = QPushButton(self.tr("Check backup"))
        self.check_button.setObjectName("restore_check")
        self.check_button.clicked.connect(lambda: self.check())
        self.details = QLabel(self.tr("Choose a backup and check it before restoring."))
        self.details.setObjectName("restore_details")
        self.details.setWordWrap(True)
        note = QLabel(
            self.tr(
                "A vault already at that name is kept beside it, renamed with the date and "
                "time; nothing is overwritten. The restored vault opens with the backup's "
                "passphrase."
            )
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("restore_confirm")
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(lambda: self.start_restore())
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.check_button)
        layout.addWidget(self.details)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        for edit in (self.backup_path, self.passphrase, self.target_path):
            edit.textChanged.connect(lambda _text: self._forget_check())

    # -- choosing files ------------------------------------------------------------------------
    def _choose_backup(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup"),
            str(self._start_folder or ""),
            self.tr("Casepath vaults (*.casepath);;All files (*)"),
        )
        if name:
            self.backup_path.setText(name)

    def _choose_target(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Restore as"),
            self.target_path.text(),
            self.tr("Casepath vaults (*.casepath)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # it is kept, never overwritten
        )
        if name:
            self.target_path.setText(name)

    # -- checking and restoring -----------------------------------------------------------------
    def _forget_check(self) -> None:
        self.summary = None
        self.restore_button.setEnabled(False)

    def _inputs(self) -> tuple[Path, str, Path] | None:
        backup, target = self.backup_path.text().strip(), self.target_path.text().strip()
        if not backup:
            self.details.setText(self.tr("Choose the backup file first."))
            return None
        if not self.passphrase.text():
            self.details.setText(self.tr("Type the backup's passphrase."))
            return None
        if not target:
            self.details.setText(self.tr("Choose where to restore the vault."))
            return None
        return Path(backup), self.passphrase.text(), Path(target)

    def check(self) -> None:
        inputs = self._inputs()
        if inputs is None:
            return
        backup, passphrase, _target = inputs
        self.details.setText(self.tr("Checking every page and the audit chain…"))
        self.check_button.setEnabled(False)
        run_in_background(
            self,
            lambda: inspect_backup(backup, passphrase),
            self._checked,
            self._failed,
            self.tr("Checking the backup…"),
        )

    def _checked(self, summary: BackupSummary) -> None:
        self.check_button.setEnabled(True)
        self.summary = summary
        self.details.setText("\n".join(summary.lines()))
        self.restore_button.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.restore_button.setEnabled(self.summary is not None)
        if isinstance(exc, VaultError | OSError):
            self.details.setText(ui_error(exc))
        else:
            self.details.setText(
                self.tr("The backup could not be checked ({0}).").format(type(exc).__name__)
            )

    def start_restore(self) -> None:
        inputs = self._inputs()
        if inputs is None or self.summary is None:
            return
        backup, passphrase, target = inputs
        self.restore_button.setEnabled(False)
        self.details.setText(self.tr("Restoring…"))
        run_in_background(
            self,
            lambda: restore_backup(backup, target, passphrase),
            self._restored_ok,
            self._failed,
            self.tr("Restoring the vault…"),
        )

    def _restored_ok(self, result: RestoreResult) -> None:
        self.restored = result
        self.accept()
