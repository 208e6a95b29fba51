"""The File menu's backup actions, the "last verified backup" status, and backups on lock.

`install_backup_actions(window, file_menu, services, settings)` adds three actions:

- ``action_back_up_now``   File → Back up now (Ctrl+Shift+B): a fresh verified backup into
  the backup folder (asks for the folder the first time), in the background;
- ``action_restore_backup`` File → Restore from backup…: the `RestoreDialog`; restoring the
  open vault locks the window afterwards, so it is unlocked again from the restored file;
- ``action_backup_folder``  File → Backup folder…: where automatic backups go;

and to the window's status bar a label ``last_backup_label`` ("Last verified backup: …") and,
when the vault is damaged and open read-only, a banner ``damage_banner``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMenu, QMessageBox

from app.domain.escalation.flags import Flag
from app.models.theme import flag_colours
from app.models.ui_formats import ui_error, ui_formats
from app.services.auto_backup import AutoBackupResult, auto_backup, last_verified_backup
from app.services.errors import VaultError
from app.views.backup.restore_dialog import RestoreDialog
from app.views.settings_store import SettingsStore
from app.views.widgets.background import run_in_background

log = logging.getLogger(__name__)


def backup_on_close(services: Any, settings: SettingsStore) -> AutoBackupResult | None:
    """On lock and on close: today's automatic backup if a folder is set (never raises).

    A failure is logged by its type only (the message could name a file or a person) and the
    lock goes on: the status bar of the next session shows that no new backup was made.
    """
    folder = settings.backup_folder
    if folder is None or services is None or getattr(services, "skip_auto_backup", False):
        return None
    if getattr(services.vault, "read_only", False):
        return None  # a damaged vault is never backed up
    try:
        return auto_backup(services, folder)
    except Exception as exc:  # noqa: BLE001 - locking must finish whatever happens
        log.warning("automatic backup failed (%s)", type(exc).__name__)
        return None


class BackupActions(QObject):
    """Holds what the actions need; parented to the window, so it lives as long as it."""

    def __init__(
        self,
        window: QMainWindow,
        services: Callable[[], Any],
        settings: SettingsStore,
    ) -> None:
        super().__init__(window)
        self.setObjectName("backup_actions")
        self._window = window
        self._services = services
        self._settings = settings
        self.last_label = QLabel()
        self.last_label.setObjectName("last_backup_label")
        self.banner = QLabel()
        self.banner.setObjectName("damage_banner")
        fg, bg = flag_colours(Flag.OVERDUE)  # the strongest warning colours of the theme
        self.banner.setStyleSheet(
            f"QLabel {{ color: {fg.name()}; background: {bg.name()}; padding: 2px 6px; }}"
        )
        self.banner.hide()
        self.last_result: AutoBackupResult | None = None
        self.restore_dialog: RestoreDialog | None = None

    # -- status --------------------------------------------------------------------------------
    def refresh_status(self) -> None:
        services = self._services()
        if services is None:
            return
        when = last_verified_backup(self._settings.backup_folder, Path(services.vault.path))
        if when is None:
            text = self.tr("No verified backup yet (File → Back up now)")
        else:
            local = ui_formats().datetime(when)
            text = self.tr("Last verified backup: {0}").format(local)
        self.last_label.setText(text)
        damage = getattr(services.vault, "damage", None)
        if damage is not None:
            self.banner.setText(
                self.tr("Damaged vault, open read-only: {0}. Restore it from a backup.").format(
                    damage.summary()
                )
            )
            self.banner.show()
        else:
            self.banner.hide()

    # -- back up now ---------------------------------------------------------------------------
    def choose_folder(self) -> Path | None:
        start = str(self._settings.backup_folder or "")
        name = QFileDialog.getExistingDirectory(
            self._window, self.tr("Folder for automatic backups"), start
        )
        if not name:
            return None
        self._settings.backup_folder = Path(name)
        self.refresh_status()
        return Path(name)

    def back_up_now(self) -> None:
        services = self._services()
        if services is None:
            return
        folder = self._settings.backup_folder or self.choose_folder()
        if folder is None:
            return
        run_in_background(
            self._window,
            lambda: auto_backup(services, folder, force=True),
            self._backed_up,
            self._backup_failed,
            self.tr("Backing up and checking the copy…"),
        )

    def _backed_up(self, result: AutoBackupResult) -> None:
        self.last_result = result
        self.refresh_status()
        if result.made is not None:
            text = self.tr("Verified backup written: {0}").format(result.made.name)
            if result.head is not None:
                text += " " + self.tr("(audit chain to event {0}, {1})").format(
                    result.head[0], result.head[1][:16]
                )
            self._window.statusBar().showMessage(text, 8000)

    def _backup_failed(self, exc: BaseException) -> None:
        text = (
            ui_error(exc)
            if isinstance(exc, VaultError | OSError)
            else self.tr("The backup failed ({0}); nothing was written.").format(type(exc).__name__)
        )
        self._window.statusBar().showMessage(self.tr("Backup failed"), 8000)
        QMessageBox.warning(self._window, self.tr("Back up now"), text)

    # -- restore -------------------------------------------------------------------------------
    def open_restore(self) -> None:
        services = self._services()
        current = Path(services.vault.path) if services is not None else None
        dialog = RestoreDialog(self._window, self._settings, current, self._settings.backup_folder)
        dialog.accepted.connect(lambda: self._restored(dialog))
        self.restore_dialog = dialog
        dialog.open()

    def _restored(self, dialog: RestoreDialog) -> None:
        result = dialog.restored
        if result is None:
            return
        kept = (
            self.tr(" The vault that was there is kept as {0}.").format(result.kept.name)
            if result.kept
            else ""
        )
        services = self._services()
        replaced_open_vault = services is not None and _same(result.target, services.vault.path)
        if replaced_open_vault:
            services.skip_auto_backup = True  # the open connection now reads the kept file
            kept += self.tr(" Casepath locks now: unlock the restored vault with its passphrase.")
        self._window.statusBar().showMessage(
            self.tr("Restored {0}.").format(result.target.name) + kept, 15000
        )
        lock = getattr(self._window, "lock_requested", None)
        if replaced_open_vault and lock is not None:
            lock.emit("restore")


def _same(a: Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def install_backup_actions(
    window: QMainWindow,
    file_menu: QMenu,
    services: Callable[[], Any],
    settings: SettingsStore,
) -> list[QAction]:
    """Add the backup actions to ``file_menu`` and the backup status to the status bar.

    ``services`` returns the window's current `Services` (None once locked). Returns the new
    actions (each with an objectName) so the caller can place or test them.
    """
    controller = BackupActions(window, services, settings)
    back_up = QAction(QCoreApplication.translate("BackupActions", "&Back up now"), window)
    back_up.setObjectName("action_back_up_now")
    back_up.setShortcut(QKeySequence("Ctrl+Shift+B"))
    back_up.triggered.connect(lambda: controller.back_up_now())
    restore_action = QAction(
        QCoreApplication.translate("BackupActions", "&Restore from backup…"), window
    )
    restore_action.setObjectName("action_restore_backup")
    restore_action.triggered.connect(lambda: controller.open_restore())
    folder = QAction(QCoreApplication.translate("BackupActions", "Backup &folder…"), window)
    folder.setObjectName("action_backup_folder")
    folder.triggered.connect(lambda: controller.choose_folder())
    actions = [back_up, restore_action, folder]
    file_menu.addSeparator()
    for action in actions:
        file_menu.addAction(action)
    window.statusBar().addPermanentWidget(controller.banner)
    window.statusBar().addPermanentWidget(controller.last_label)
    controller.refresh_status()
    return actions
