"""Preferences → Officers: list the vault's officers, add one, retire one.

Every change goes through `OfficerService` (one audited write each); a refusal (a duplicate
name, the last active officer) is shown in the dialog and nothing is saved.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.records import Role
from app.domain.validation import InvalidRecord
from app.models.people.officer_table_model import OfficerTableModel
from app.models.ui_formats import ui_error
from app.services.errors import VaultError
from app.services.people.officer_service import OfficerService
from app.views.settings_store import SettingsStore
from app.views.widgets.base_dialog import BaseDialog


class OfficersDialog(BaseDialog):
    def __init__(
        self,
        officers: OfficerService,
        parent: QWidget | None = None,
        settings: SettingsStore | None = None,
    ) -> None:
        super().__init__(parent, settings)
        self.setObjectName("officersDialog")
        self.setWindowTitle(self.tr("Officers"))
        self._officers = officers
        self.table_model = OfficerTableModel(officers.entries(), self)
        self.table = QTableView()
        self.table.setObjectName("officersTable")
        self.table.setAccessibleName(self.tr("Officers"))
        self.table.setModel(self.table_model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)

        self.name_edit = QLineEdit(objectName="officerNameEdit")
        self.email_edit = QLineEdit(objectName="officerEmailEdit")
        self.role_combo = QComboBox(objectName="officerRoleCombo")
        self.role_combo.addItem(self.tr("HR officer"), Role.HR_OFFICER)
        self.role_combo.addItem(self.tr("HR lead"), Role.HR_LEAD)
        self.add_button = QPushButton(self.tr("Add officer"), objectName="addOfficerButton")
        self.add_button.clicked.connect(lambda: self.add_officer())
        self.retire_button = QPushButton(
            self.tr("Retire selected"), objectName="retireOfficerButton"
        )
        self.retire_button.clicked.connect(lambda: self.retire_selected())
        self.message = QLabel(objectName="officersMessage")
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("E-mail"), self.email_edit)
        form.addRow(self.tr("Role"), self.role_combo)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.retire_button)
        row.addStretch(1)
        note = QLabel(
            self.tr(
                "Officers are never deleted: the audit trail names them. A retired officer "
                "can no longer act in this vault."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def add_officer(self) -> bool:
        try:
            stored = self._officers.add(
                self.name_edit.text(), self.email_edit.text(), Role(self.role_combo.currentData())
            )
        except InvalidRecord as exc:
            self.message.setText("; ".join(p.message for p in exc.report.errors))
            return False
        except VaultError as exc:
            self.message.setText(ui_error(exc))
            return False
        self.name_edit.clear()
        self.email_edit.clear()
        self.message.setText(self.tr("Added %1.").replace("%1", stored.name))
        self.table_model.set_entries(self._officers.entries())
        return True

    def retire_selected(self) -> bool:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.message.setText(self.tr("Select the officer to retire."))
            return False
        name = self.table_model.entry(rows[0].row()).officer.name
        try:
            entry = self._officers.retire(name)
        except VaultError as exc:
            self.message.setText(ui_error(exc))
            return False
        self.message.setText(self.tr("Retired %1.").replace("%1", entry.officer.name))
        self.table_model.set_entries(self._officers.entries())
        return True
