"""A dated progress entry against one objective of the active plan."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from app.domain.plans.plans import CoachingPlan, ProgressUpdate
from app.domain.validation import ValidationReport
from app.models.plans.plan_models import parse_number
from app.views.widgets.record_dialog import RecordDialog, date_edit, from_qdate


class ProgressDialog(RecordDialog):
    """A dated progress entry against one objective; 'milestone achieved' is good news."""

    def __init__(
        self, services: Any, case_id: int, plan: CoachingPlan, parent: QWidget | None = None
    ) -> None:
        super().__init__("", services.clock.today(), parent)
        self.setWindowTitle(self.tr("Add progress"))
        self.services = services
        self.case_id = case_id
        self.objective = QComboBox()
        for obj in plan.objectives:
            self.objective.addItem(obj.title or obj.measure, obj.uid)
        self.add_field("objective_uid", self.tr("Objective:"), self.objective)
        self.recorded_on = self.add_field("recorded_on", self.tr("Date:"), date_edit(self.today))
        self.value = self.add_field("value", self.tr("Measured value:"), QLineEdit())
        self.value.setPlaceholderText(self.tr("optional, e.g. 34"))
        self.note = self.add_field("note", self.tr("What happened:"), QPlainTextEdit())
        self.milestone = QCheckBox(
            self.tr("A milestone was achieved (shown as good news on the timeline)")
        )
        self.form.addRow(self.milestone)
        self.body.addLayout(self.form)
        self.finish()

    def make_record(self, problems: ValidationReport) -> ProgressUpdate:
        try:
            value = parse_number(self.value.text())
        except ValueError:
            problems.error("value", self.tr("Write the value as a number, e.g. 34 or 2.5."))
            value = None
        return ProgressUpdate(
            case_id=self.case_id,
            objective_uid=self.objective.currentData() or "",
            recorded_on=from_qdate(self.recorded_on.date()),
            note=self.note.toPlainText().strip(),
            value=value,
            milestone_achieved=self.milestone.isChecked(),
        )

    def save_record(self, record: ProgressUpdate) -> ProgressUpdate:
        return self.services.plans.add_progress(record)
