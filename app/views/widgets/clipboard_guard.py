"""Copying case text safely: what Casepath puts on the clipboard does not linger.

The clipboard is cleared 30 seconds after a copy and on lock or exit, but only if it still
holds what Casepath put there — text the user copied since from another program is left alone.
Only a digest of the copied text is kept to recognise it.

With ``watch=True`` (the session's guard) a copy made by ANY Casepath widget — Ctrl+C in a
text field, a table, a text browser — is noticed through ``QClipboard.dataChanged`` and
guarded too, so no view has to remember to call ``copy()``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 30_000


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


class ClipboardGuard(QObject):
    def __init__(
        self,
        parent: QObject | None = None,
        clear_after_ms: int = CLEAR_AFTER_MS,
        clipboard: QClipboard | None = None,
        watch: bool = False,
        copied_by_us: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._clipboard = clipboard or QGuiApplication.clipboard()
        self._ours: bytes | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear)
        # Whether a clipboard change came from Casepath (tests replace it: in one process
        # "another program" cannot be simulated).
        self.copied_by_us = copied_by_us or self._copied_by_us
        if watch:
            self._clipboard.dataChanged.connect(self._changed)

    @property
    def holds_ours(self) -> bool:
        """True while the clipboard still holds the last text Casepath copied."""
        return self._ours is not None and _digest(self._clipboard.text()) == self._ours

    def copy(self, text: str) -> None:
        """Put ``text`` on the clipboard and schedule its removal."""
        self._clipboard.setText(text)
        self._ours = _digest(text)
        self._timer.start()

    def _changed(self) -> None:
        """Someone changed the clipboard: guard it if the change came from Casepath."""
        text = self._clipboard.text()
        if not text or (self._ours is not None and _digest(text) == self._ours):
            return
        if self.copied_by_us():
            self._ours = _digest(text)
            self._timer.start()
        else:
            self._ours = None  # another program's text: never ours to clear
            self._timer.stop()

    def _copied_by_us(self) -> bool:
        """X11 and Windows report ownership; elsewhere a change while Casepath is the active
        application is taken to be Casepath's (another program's copy happens while it is)."""
        return self._clipboard.ownsClipboard() or (
            QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        )

    def clear(self) -> bool:
        """Clear the clipboard if it still holds our text; returns whether it did."""
        self._timer.stop()
        cleared = self.holds_ours
        if cleared:
            self._clipboard.clear()
        self._ours = None
        return cleared

    @staticmethod
    def of(widget: QObject) -> ClipboardGuard:
        """The guard of the window ``widget`` lives in (walks up the parents).

        The main window owns the guard that lock and exit clear; a widget outside any main
        window gets its own guard, parented to it.
        """
        obj: QObject | None = widget
        while obj is not None:
            guard = getattr(obj, "clipboard_guard", None)
            if isinstance(guard, ClipboardGuard):
                return guard
            obj = obj.parent()
        return ClipboardGuard(widget)
