"""The life of one app session: unlock → work → lock → unlock again, and exit.

Locking (inactivity, Ctrl+L, suspend) does, in order: stop the auto-lock, dismiss any modal
dialog, blank and close every window that shows case data, remove attachment temp files,
close the vault, clear the clipboard if it still holds Casepath's text, and show the unlock
window again. Nothing of the vault's content is left in a widget or model afterwards.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog

from app.views.auto_lock import AutoLock
from app.views.backup.backup_actions import backup_on_close
from app.views.main_window import MainWindow
from app.views.page_check_watch import PageCheckWatch
from app.views.settings_store import SettingsStore
from app.views.unlock.unlock_window import Creator, Opener, UnlockWindow
from app.views.widgets.clipboard_guard import ClipboardGuard

log = logging.getLogger(__name__)


class SessionController(QObject):
    unlocked = Signal()
    locked = Signal(str)  # the reason

    def __init__(
        self,
        settings: SettingsStore,
        opener: Opener,
        creator: Creator,
        demo_passphrase: str | None = None,
        now: Callable[[], float] | None = None,
        quit_app: Callable[[], None] | None = None,
        watch_system: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.services: Any = None
        self.main_window: MainWindow | None = None
        self.clipboard_guard = ClipboardGuard(self, watch=True)
        lock_kwargs = {"now": now} if now is not None else {}
        self.auto_lock = AutoLock(
            settings.auto_lock_minutes, self, watch_system=watch_system, **lock_kwargs
        )
        self.auto_lock.lock_requested.connect(self.lock)
        self.unlock_window = UnlockWindow(settings, opener, creator, demo_passphrase)
        self.unlock_window.unlocked.connect(self._unlocked)
        self.unlock_window.quit_requested.connect(self.quit)
        self._quit_app = quit_app or QApplication.quit
        self._quitting = False
        self.page_check_watch: PageCheckWatch | None = None

    def start(self, vault_path: Path | None = None) -> None:
        if vault_path is not None:
            self.unlock_window.set_vault_path(vault_path)
        self.unlock_window.show_locked()

    @property
    def is_locked(self) -> bool:
        return self.services is None

    # -- unlocking --------------------------------------------------------------------------------
    def _unlocked(self, services: Any) -> None:
        self.services = services
        self.main_window = MainWindow(services, self.settings, self.clipboard_guard)
        self.main_window.lock_requested.connect(self.lock)
        self.main_window.quit_requested.connect(self.quit)
        self.main_window.auto_lock_changed.connect(self.auto_lock.set_minutes)
        self.main_window.show()
        self.unlock_window.hide_for_session()
        self.auto_lock.set_minutes(self.settings.auto_lock_minutes)
        self.auto_lock.arm()
        # Every page's HMAC, in the background now that the list is up (cancelled by a lock).
        self.page_check_watch = PageCheckWatch(self, services, self._vault_damaged)
        self.page_check_watch.start()
        self.unlocked.emit()

    def _vault_damaged(self, _report: object) -> None:
        if self.main_window is not None:
            self.main_window.show_vault_damage()

    # -- locking ----------------------------------------------------------------------------------
    def lock(self, reason: str = "request") -> None:
        if self.is_locked:
            return
        self.auto_lock.disarm()
        path = Path(self.services.vault.path)
        # The unlock window first, so the application never has zero windows.
        self.unlock_window.show_locked(path)
        self._dismiss_modal_dialogs()
        self._close_case_windows()
        self._close_vault()
        self.clipboard_guard.clear()
        self.locked.emit(reason)
        log.info("locked (%s)", reason)

    def _dismiss_modal_dialogs(self) -> None:
        for _ in range(20):  # a dialog may have opened another
            modal = QApplication.activeModalWidget()
            if modal is None or modal is self.unlock_window:
                return
            if isinstance(modal, QDialog):
                modal.reject()
            modal.close()
            modal.hide()

    def _close_case_windows(self) -> None:
        window, self.main_window = self.main_window, None
        if window is not None:
            window.clear()
            window.save_layout()
            window.close_quietly()
            window.deleteLater()
        # Any other top-level window (a dialog or viewer opened without a parent).
        for widget in QApplication.topLevelWidgets():
            if widget is self.unlock_window or not widget.isVisible():
                continue
            if self.unlock_window.isAncestorOf(widget):
                continue
            widget.close()

    def _close_vault(self) -> None:
        services, self.services = self.services, None
        backup_on_close(services, self.settings)  # at most once a day; never raises
        try:  # Services.close() also removes the attachment viewing copies
            services.close()
        except Exception:  # noqa: BLE001 - locking must finish whatever the vault says
            log.warning("closing the vault failed; the session is locked anyway")

    # -- exit -------------------------------------------------------------------------------------
    def quit(self) -> None:
        if self._quitting:
            return
        self._quitting = True
        self.shutdown()
        self._quit_app()

    def shutdown(self) -> None:
        """On exit: the same clean-up as a lock, without showing the unlock window again."""
        self.auto_lock.shutdown()
        if self.services is not None:
            self._dismiss_modal_dialogs()
            self._close_case_windows()
            self._close_vault()
        self.clipboard_guard.clear()
        self.unlock_window.hide()
