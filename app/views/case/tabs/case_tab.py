"""What every tab of the case view has in common.

A tab is constructed ``Tab(services, case_id, parent)``, shows its data in `refresh()`, forgets
it in `clear()` (on lock: nothing of the case may stay on screen) and emits `changed` after it
stored something, so the case view can refresh the header and the other tabs.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QTextBrowser, QWidget


def detail_browser() -> QTextBrowser:
    browser = QTextBrowser()
    browser.setOpenLinks(False)
    browser.setPlaceholderText(
        QCoreApplication.translate("CaseTab", "Select a line above to see it in full.")
    )
    browser.setAccessibleName(QCoreApplication.translate("CaseTab", "The selected line in full"))
    return browser


class CaseTab(QWidget):
    changed = Signal()
    history_requested = Signal(object)  # a record whose versions the case view should show

    def __init__(self, services: Any, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.case_id = case_id
        self.read_only = False
        self._dialogs: list[QDialog] = []

    def refresh(self) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        """Subclasses blank their widgets, then call this."""
        self.close_dialogs()
        self.services = None

    def set_read_only(self, read_only: bool) -> None:
        """A closed case is shown but not changed."""
        self.read_only = read_only

    @property
    def open_dialogs(self) -> list[QDialog]:
        return list(self._dialogs)

    def run_dialog(self, dialog: QDialog) -> QDialog:
        """Open a record dialog (window-modal, not blocking); when it saves, refresh and tell
        the case view. Returns the dialog; `close_dialogs` closes it on lock."""
        self._dialogs.append(dialog)

        def saved() -> None:
            if self.services is not None:
                self.refresh()
                self.changed.emit()

        def finished() -> None:
            if dialog in self._dialogs:
                self._dialogs.remove(dialog)
            dialog.deleteLater()

        dialog.accepted.connect(saved)
        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def close_dialogs(self) -> None:
        """Close every dialog this tab opened, unsaved (the vault is locking)."""
        for dialog in list(self._dialogs):
            dialog.reject()
        self._dialogs = []

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)
