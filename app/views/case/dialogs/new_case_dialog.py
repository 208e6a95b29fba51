"""Ctrl+N: open a case for an employee on a track, at a starting stage the policy allows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.records import Case, Track
from app.domain.validation import InvalidRecord
from app.models.theme import colour_css
from app.models.ui_formats import date_edit_format, ui_error, ui_label
from app.services.errors import VaultError
from app.views.case.stage_choices import stage_choices
from app.views.settings_store import SettingsStore
from app.views.widgets.base_dialog import BaseDialog


class NewCaseDialog(BaseDialog):
    def __init__(
        self, services: Any, parent: QWidget | None = None, settings: SettingsStore | None = None
    ) -> None:
        super().__init__(parent, settings)
        self.setWindowTitle(self.tr("New case"))
        self._services = services
        self.created: Case | None = None
        self._submitted = False

        self.employee = QComboBox()
        self.employee.setEditable(True)
        self.employee.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.employee.setAccessibleName(self.tr("Employee"))
        self.employee.lineEdit().setPlaceholderText(self.tr("Type a name or employee number"))
        self._fill_employees()
        self.new_employee_button = QPushButton(self.tr("New &employee…"))
        self.new_employee_button.setObjectName("newEmployeeButton")
        self.new_employee_button.setToolTip(
            self.tr("Add the employee here if they are not in the list yet")
        )
        self.new_employee_button.clicked.connect(lambda: self.new_employee())
        self.employee_dialog: QWidget | None = None
        completer = self.employee.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

        self.track = QComboBox()
        for track in Track:
            self.track.addItem(ui_label(track), track.value)  # Qt would turn the enum into a str
        self.stage = QComboBox()
        self.opened_on = QDateEdit()
        self.opened_on.setCalendarPopup(True)
        self.opened_on.setDisplayFormat(date_edit_format())
        today = services.clock.today()
        self.opened_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.opened_on.setDate(QDate(today.year, today.month, today.day))

        self.errors = QLabel()
        self.errors.setObjectName("fieldError")
        self.errors.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open case"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        employee_row = QHBoxLayout()
        employee_row.addWidget(self.employee, 1)
        employee_row.addWidget(self.new_employee_button)
        form.addRow(self.tr("Employee"), employee_row)
        form.addRow(self.tr("Track"), self.track)
        form.addRow(self.tr("Starting stage"), self.stage)
        form.addRow(self.tr("Opened on"), self.opened_on)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.track.currentIndexChanged.connect(self._fill_stages)
        self.employee.currentIndexChanged.connect(self.revalidate)
        self.employee.editTextChanged.connect(self.revalidate)
        self.stage.currentIndexChanged.connect(self.revalidate)
        self._fill_stages()
        self.resize(480, 240)

    def _fill_employees(self, select: int | None = None) -> None:
        self.employee.blockSignals(True)
        self.employee.clear()
        for emp in sorted(self._services.employees.all(), key=lambda e: e.name.casefold()):
            self.employee.addItem(f"{emp.name} — {emp.employee_number} · {emp.department}", emp.id)
        index = self.employee.findData(select) if select is not None else -1
        self.employee.setCurrentIndex(index)
        self.employee.blockSignals(False)

    def new_employee(self) -> QWidget:
        """Create the employee from inside this dialog; the new one is then selected."""
        from app.views.employees.employee_dialog import EmployeeDialog

        dialog = EmployeeDialog(self._services, parent=self)
        self.employee_dialog = dialog

        def finished(result: int) -> None:
            saved = getattr(dialog, "saved", None)
            if result and saved is not None:
                self._fill_employees(select=saved.id)
                self.revalidate()
            self.employee_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def _fill_stages(self) -> None:
        track = Track(self.track.currentData())
        allowed = self._start_stages(track)
        current = self.stage.currentData()
        self.stage.blockSignals(True)
        self.stage.clear()
        for key, name in stage_choices(self._services):
            if allowed is None or key in allowed:
                self.stage.addItem(name, key)
        keep = next((i for i in range(self.stage.count()) if self.stage.itemData(i) == current), 0)
        self.stage.setCurrentIndex(keep)
        self.stage.blockSignals(False)
        self.revalidate()

    def _start_stages(self, track: Track) -> tuple[str, ...] | None:
        escalation = getattr(self._services, "escalation", None)
        if escalation is None:
            return None
        try:
            return tuple(escalation.current_policy().track(track).start_stages)
        except Exception:  # noqa: BLE001 - fall back to every stage; the service still checks
            return None

    def employee_id(self) -> int | None:
        index = self.employee.currentIndex()
        if index < 0 or self.employee.currentText() != self.employee.itemText(index):
            return None
        return self.employee.itemData(index)

    def problems(self) -> list[str]:
        found = []
        if self.employee.count() == 0:
            found.append(
                self.tr(
                    "There are no employees yet: add one with New employee…, or import them "
                    "(View → Employees)."
                )
            )
        elif self.employee_id() is None:
            found.append(self.tr("Choose the employee from the list."))
        if self.stage.currentData() is None:
            found.append(self.tr("Choose the starting stage."))
        return found

    def revalidate(self) -> None:
        """Calm: a hint in the palette's colour while choosing, red only after Open case."""
        problems = self.problems()
        touched = self._submitted or bool(self.employee.currentText()) or not self.employee.count()
        self.errors.setText("\n".join(problems) if touched else "")
        self.errors.setStyleSheet(colour_css("error") if self._submitted else "")

    @property
    def can_open(self) -> bool:
        return not self.problems()

    def accept(self) -> None:
        if self.problems():
            self._submitted = True
            self.revalidate()
            self.employee.setFocus()
            return
        qdate = self.opened_on.date()
        try:
            self.created = self._services.cases.open_case(
                self.employee_id(),
                stage=self.stage.currentData(),
                track=Track(self.track.currentData()),
                opened_on=qdate.toPython(),
            )
        except (InvalidRecord, VaultError, ValueError) as exc:
            self.errors.setText(ui_error(exc))
            return
        super().accept()
