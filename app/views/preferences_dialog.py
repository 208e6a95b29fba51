"""Preferences: how long Casepath waits before locking itself."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from app.views.base_dialog import BaseDialog
from app.views.settings_store import MAX_AUTO_LOCK_MINUTES, MIN_AUTO_LOCK_MINUTES, SettingsStore


class PreferencesDialog(BaseDialog):
    def __init__(self, settings: SettingsStore, parent: QWidget | None = None) -> None:
        super().__init__(parent, settings)
        self.setWindowTitle("Preferences")
        self._store = settings
        self.minutes = QSpinBox()
        self.minutes.setRange(MIN_AUTO_LOCK_MINUTES, MAX_AUTO_LOCK_MINUTES)
        self.minutes.setSuffix(" min")
        self.minutes.setValue(settings.auto_lock_minutes)
        self.minutes.setAccessibleName("Lock after inactivity")
        form = QFormLayout()
        form.addRow("Lock after inactivity", self.minutes)
        note = QLabel("Casepath also locks on Ctrl+L and when the computer suspends.")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self._store.auto_lock_minutes = self.minutes.value()
        super().accept()
