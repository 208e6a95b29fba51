"""Adding or correcting one employee, validated as the officer types."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from app.domain.records import Employee
from app.domain.validation import ValidationReport
from app.models.ui_formats import ui_error
from app.services.people.employee_import import parse_date
from app.views.widgets.record_dialog import RecordDialog


def _line(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    return edit


class EmployeeDialog(RecordDialog):
    def __init__(
        self, services: Any, existing: Employee | None = None, parent: QWidget | None = None
    ) -> None:
        title = (
            QCoreApplication.translate("EmployeeDialog", "Edit employee")
            if existing
            else QCoreApplication.translate("EmployeeDialog", "New employee")
        )
        super().__init__(title, services.clock.today(), parent)
        self.services = services
        self.existing = existing
        self.employee_number = _line(self.tr("As in the HR system, e.g. E10442"))
        self.name = _line(self.tr("Full name"))
        self.job_title = _line()
        self.department = QComboBox()
        self.department.setEditable(True)
        self.department.addItems(services.employees.departments())
        self.department.setCurrentText("")
        self.department.lineEdit().setPlaceholderText(self.tr("Choose or type a department"))
        self.manager = _line(self.tr("Line manager's name"))
        self.start_date = _line(self.tr("e.g. 2021-04-01 (optional)"))
        self.email = _line(self.tr("name@example.org (optional)"))
        self.add_field("employee_number", self.tr("Employee number:"), self.employee_number)
        self.add_field("name", self.tr("Name:"), self.name)
        self.add_field("job_title", self.tr("Job title:"), self.job_title)
        self.add_field("department", self.tr("Department:"), self.department)
        self.watch("department", self.department.lineEdit())
        self.add_field("manager", self.tr("Manager:"), self.manager)
        self.add_field("start_date", self.tr("Start date:"), self.start_date)
        self.add_field("email", self.tr("E-mail:"), self.email)
        self.body.addLayout(self.form)
        if existing is not None:
            self.employee_number.setText(existing.employee_number)
            self.name.setText(existing.name)
            self.job_title.setText(existing.job_title)
            self.department.setCurrentText(existing.department)
            self.manager.setText(existing.manager)
            self.start_date.setText(existing.start_date.isoformat() if existing.start_date else "")
            self.email.setText(existing.email)
        self.resize(520, 380)
        self.finish()

    def make_record(self, problems: ValidationReport) -> Employee:
        start = None
        if self.start_date.text().strip():
            try:
                start = parse_date(self.start_date.text())
            except ValueError as exc:
                problems.error("start_date", ui_error(exc))
        emp = Employee(
            employee_number=self.employee_number.text().strip(),
            name=self.name.text().strip(),
            job_title=self.job_title.text().strip(),
            department=self.department.currentText().strip(),
            manager=self.manager.text().strip(),
            start_date=start,
            email=self.email.text().strip(),
        )
        return replace(emp, id=self.existing.id) if self.existing is not None else emp

    def save_record(self, record: Employee) -> Employee:
        if self.existing is not None:
            return self.services.employees.update(record)
        return self.services.employees.add(record)
