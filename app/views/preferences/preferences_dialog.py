"""Preferences: how long Casepath waits before locking itself, where it backs up, how long
before each calendar event its reminder alarm goes off (and whether exports carry the
check-in, deadline and micro-goal reminders), how it looks (Light, Dark, High contrast or the
system's theme), and (with a vault unlocked) that vault's document language and conversation
templates; and the language of the window, which applies the next time Casepath starts."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.models.theme import Theme
from app.models.ui_formats import ui_error
from app.services.errors import VaultError
from app.views.appearance import apply_theme, theme_names
from app.views.interface_language import CHOICES
from app.views.settings_store import (
    MAX_ALARM_MINUTES,
    MAX_AUTO_LOCK_MINUTES,
    MIN_AUTO_LOCK_MINUTES,
    SettingsStore,
)
from app.views.widgets.base_dialog import BaseDialog


class PreferencesDialog(BaseDialog):
    def __init__(
        self,
        settings: SettingsStore,
        parent: QWidget | None = None,
        vault_settings: object | None = None,
        templates: Any = None,
    ) -> None:
        super().__init__(parent, settings)
        self.templates = templates
        self.templates_dialog: QWidget | None = None
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
        self.templates_button = QPushButton(self.tr("Conversation &templates…"))
        self.templates_button.setObjectName("preferences_templates")
        self.templates_button.setToolTip(
            self.tr("The prompts shown beside each kind of conversation, kept in this vault")
        )
        self.templates_button.setEnabled(templates is not None)
        self.templates_button.clicked.connect(lambda: self.show_templates())
        # -1 is "no alarm" (shown as words); 0 rings when the event starts.
        self.alarm_minutes = QSpinBox()
        self.alarm_minutes.setObjectName("preferences_alarm_minutes")
        self.alarm_minutes.setRange(-1, MAX_ALARM_MINUTES)
        self.alarm_minutes.setSpecialValueText(self.tr("No alarm"))
        self.alarm_minutes.setSuffix(self.tr(" min before"))
        alarm = settings.calendar_alarm_minutes
        self.alarm_minutes.setValue(-1 if alarm is None else alarm)
        self.alarm_minutes.setAccessibleName(self.tr("Calendar reminder alarm"))
        self.calendar_reminders = QCheckBox(
            self.tr("Add check-ins, stage deadlines and micro-goal due dates to calendar exports")
        )
        self.calendar_reminders.setObjectName("preferences_calendar_reminders")
        self.calendar_reminders.setChecked(settings.calendar_reminders)
        self.theme = QComboBox()
        self.theme.setObjectName("preferences_theme")
        for theme, words in theme_names():
            self.theme.addItem(words, theme.value)
        self.theme.setCurrentIndex(max(self.theme.findData(settings.theme.value), 0))
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
        form.addRow(self.tr("Calendar reminder alarm"), self.alarm_minutes)
        form.addRow("", self.calendar_reminders)
        theme_label = QLabel(self.tr("A&ppearance"))
        theme_label.setBuddy(self.theme)
        form.addRow(theme_label, self.theme)
        self.document_language = self._document_language_field(form, vault_settings)
        form.addRow(self.tr("Templates"), self.templates_button)
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
        self.setMinimumWidth(480)  # the folder's hint reads in full, outlines included

    def _document_language_field(
        self, form: QFormLayout, vault_settings: object | None
    ) -> QComboBox | None:
        """The vault's document language (packs, summaries, calendar texts): kept in the
        vault, so only shown while one is open."""
        self._vault_settings = vault_settings
        if vault_settings is None:
            return None
        combo = QComboBox()
        combo.setObjectName("preferences_document_language")
        combo.setAccessibleName(self.tr("Documents written in"))
        for code, name in vault_settings.languages().items():
            combo.addItem(name, code)
        combo.setCurrentIndex(max(0, combo.findData(vault_settings.document_language())))
        form.addRow(self.tr("Documents written in"), combo)
        return combo

    def show_templates(self) -> QWidget | None:
        """Preferences → Templates: the vault's conversation prompts, in their own dialog."""
        if self.templates is None:
            return None
        from app.views.preferences.templates_dialog import TemplatesDialog

        dialog = TemplatesDialog(self.templates, self)
        self.templates_dialog = dialog
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

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
        alarm = self.alarm_minutes.value()
        self._store.calendar_alarm_minutes = None if alarm < 0 else alarm
        self._store.calendar_reminders = self.calendar_reminders.isChecked()
        if self.document_language is not None:
            try:
                self._vault_settings.set_document_language(self.document_language.currentData())
            except VaultError as exc:  # e.g. a damaged vault opened read-only
                QMessageBox.warning(self, self.tr("Document language not changed"), ui_error(exc))
                return
        chosen = Theme(self.theme.currentData())
        if chosen != self._store.theme:
            self._store.theme = chosen
            apply_theme(chosen)
        super().accept()
