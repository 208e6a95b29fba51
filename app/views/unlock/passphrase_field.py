"""A passphrase entry that hides what is typed and notices Caps Lock."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from app.domain.passphrase_strength import caps_lock_from_key


class PassphraseField(QLineEdit):
    """``caps_lock_changed`` fires when typing reveals Caps Lock turning on or off; read
    ``caps_lock`` for the state. (No bool argument: PySide6 6.12 drops a reference to
    True/False on every Python-side ``emit`` of a bool, which ends in a crash.)"""

    caps_lock_changed = Signal()

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        placeholder = placeholder or self.tr("Passphrase")

        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setPlaceholderText(placeholder)
        self.setAccessibleName(placeholder)
        # The passphrase never leaves this widget by copy or drag.
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setDragEnabled(False)
        self.caps_lock: bool | None = None
        self.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.KeyPress:
            self._note_key(event)  # type: ignore[arg-type]
        return False

    def _note_key(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_CapsLock:
            state = None if self.caps_lock is None else not self.caps_lock
        else:
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            state = caps_lock_from_key(event.text(), shift)
        if state is not None and state != self.caps_lock:
            self.caps_lock = state
            self.caps_lock_changed.emit()

    def wipe(self) -> None:
        """Clear the text (Qt keeps no undo history of a password field's contents)."""
        self.clear()
