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
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.domain.records import Case, Track
from app.domain.validation import InvalidRecord
from app.services.errors import VaultError
from app.views.base_dialog import BaseDialog
from app.views.settings_store import SettingsStore
from app.views.stage_choices import stage_choices


class NewCaseDialog(BaseDialog):
    def __init__(
        self, services: Any, parent: QWidget | None = None, settings: SettingsStore | None = None
    ) -> None:
        super().__init__(parent, settings)
        self.setWindowTitle("New case")
        self._services = services
        self.created: Case | None = None

        self.employee = QComboBox()
        self.employee.setEditable(True)
        self.employee.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.employee.setAccessibleName("Employee")
        self.employee.lineEdit().setPlaceholderText("Type a name or employee number")
        for emp in sorted(services.employees.all(), key=lambda e: e.name.casefold()):
            self.employee.addItem(f"{emp.name} — {emp.employee_number} · {emp.department}", emp.id)
        self.employee.setCurrentIndex(-1)
        completer = self.employee.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

        self.track = QComboBox()
        for track in Track:
            self.track.addItem(track.label, track.value)  # Qt would turn the enum into a str
        self.stage = QComboBox()
        self.opened_on = QDateEdit()
        self.opened_on.setCalendarPopup(True)
        self.opened_on.setDisplayFormat("yyyy-MM-dd")
        today = services.clock.today()
        self.opened_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.opened_on.setDate(QDate(today.year, today.month, today.day))

        self.errors = QLabel()
        self.errors.setObjectName("fieldError")
        self.errors.setStyleSheet("color: #b3261e;")
        self.errors.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Open case")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("Employee", self.employee)
        form.addRow("Track", self.track)
        form.addRow("Starting stage", self.stage)
        form.addRow("Opened on", self.opened_on)
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
            found.append("There are no employees yet: add or import them (View → Employees).")
        elif self.employee_id() is None:
            found.append("Choose the employee from the list.")
        if self.stage.currentData() is None:
            found.append("Choose the starting stage.")
        return found

    def revalidate(self) -> None:
        problems = self.problems()
        touched = bool(self.employee.currentText()) or self.employee.count() == 0
        self.errors.setText("\n".join(problems) if touched else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)

    def accept(self) -> None:
        if self.problems():
            self.revalidate()
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
            self.errors.setText(str(exc))
            return
        super().accept()
