"""Preferences: how long Casepath waits before locking itself, where it backs up, and the
language of the window (which applies the next time Casepath starts)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.views.interface_language import CHOICES
from app.views.settings_store import MAX_AUTO_LOCK_MINUTES, MIN_AUTO_LOCK_MINUTES, SettingsStore
from app.views.widgets.base_dialog import BaseDialog


class PreferencesDialog(BaseDialog):
    def __init__(self, settings: SettingsStore, parent: QWidget | None = None) -> None:
        super().__init__(parent, settings)
        self.setWindowTitle(self.tr("Preferences"))
        self._store = settings
        self.minutes = QSpinBox()
        self.minutes.setRange(MIN_AUTO_LOCK_MINUTES, MAX_AUTO_LOCK_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(settings.auto_lock_minutes)
        self.minutes.setAccessibleName(self.tr("Lock after inactivity"))
        self.backup_folder = QLineEdit(str(settings.backup_folder or ""))
        self.backup_folder.setObjectName("preferences_backup_folder")
        self.backup_folder.setPlaceholderText(self.tr("No automatic backups"))
        choose = QPushButton(self.tr("Choose…"))
        choose.setObjectName("preferences_choose_backup_folder")
        choose.clicked.connect(lambda: self._choose_backup_folder())
        folder_row = QWidget()
        row = QHBoxLayout(folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.backup_folder, 1)
        row.addWidget(choose)
        self.language = QComboBox()
        self.language.setObjectName("preferences_interface_language")
        self.language.setAccessibleName(self.tr("Interface language"))
        for code, name in CHOICES:
            self.language.addItem(self.tr(name), code)  # "System" translated, names as written
        self.language.setCurrentIndex(max(0, self.language.findData(settings.interface_language)))
        self.language.setToolTip(self.tr("Applies the next time Casepath starts."))
        form = QFormLayout()
        form.addRow(self.tr("Lock after inactivity"), self.minutes)
        form.addRow(self.tr("Automatic backups in"), folder_row)
        form.addRow(self.tr("Interface language"), self.language)
        note = QLabel(
            self.tr(
                "Casepath also locks on Ctrl+L and when the computer suspends. On lock and on "
                "close it makes a verified backup into the folder above, at most once a day, "
                "keeping the last 7 and one a month for 12 months. A new interface language "
                "applies the next time Casepath starts."
            )
        )
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

    def _choose_backup_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for automatic backups"), self.backup_folder.text()
        )
        if name:
            self.backup_folder.setText(name)

    def accept(self) -> None:
        self._store.auto_lock_minutes = self.minutes.value()
        folder = self.backup_folder.text().strip()
        self._store.backup_folder = folder or None
        self._store.interface_language = self.language.currentData() or ""
        super().accept()
