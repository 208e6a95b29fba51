"""The agreement part of the plan editor: walked through with the employee, when, and whether
they agreed (with their comment), plus the reason when an agreed plan is revised."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from app.domain.plans.plans import CoachingPlan
from app.views.widgets.record_dialog import date_edit, from_qdate, to_qdate


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    return form


class AgreementBox(QGroupBox):
    """Fields are registered with ``dialog`` (a RecordDialog) so problems show beside them."""

    def __init__(self, dialog: Any, mode: str, plan: CoachingPlan | None) -> None:
        super().__init__()
        self.setTitle(self.tr("Agreement with the employee"))
        self.mode = mode
        self.walked_through = QCheckBox(self.tr("&Walked through with the employee"))
        self.walked_through.setObjectName("walkedThrough")
        self.agreed_on = date_edit(dialog.today)
        self.agreed_choice = QComboBox()
        self.agreed_choice.addItem(self.tr("Agreed"), True)
        self.agreed_choice.addItem(self.tr("Did not agree"), False)
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(
            self.tr("The employee's comment (required if they disagree)")
        )
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumHeight(56)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why the plan changes"))
        left, right = _form(), _form()
        if mode == "revise":
            dialog.add_field(
                "revision_reason", self.tr("Reason for the revision:"), self.reason, left
            )
            self.walked_through.setChecked(True)
            self.walked_through.setEnabled(False)
            self.walked_through.setText(
                self.tr("Walked through the revision (a new agreement date)")
            )
        else:
            self.reason.hide()
            if plan is not None and plan.agreed_on:
                self.agreed_on.setDate(to_qdate(plan.agreed_on))
        left.addRow(self.walked_through)
        dialog.add_field("agreed_on", self.tr("On:"), self.agreed_on, left)
        dialog.add_field("employee_agreed", self.tr("Employee:"), self.agreed_choice, left)
        dialog.add_field("employee_comment", self.tr("Comment:"), self.comment, right)
        dialog.watch("agreed_on", self.walked_through)
        self.walked_through.toggled.connect(self._enable)
        if plan is not None:
            self.walked_through.setChecked(mode == "revise" or plan.is_agreed)
            if plan.employee_agreed is not None and mode == "edit":
                self.agreed_choice.setCurrentIndex(0 if plan.employee_agreed else 1)
            if mode == "edit":
                self.comment.setPlainText(plan.employee_comment)
        row = QHBoxLayout()
        row.addLayout(left, 1)
        row.addSpacing(24)
        row.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(row)
        self._enable()

    def _enable(self) -> None:
        on = self.walked_through.isChecked()
        for w in (self.agreed_on, self.agreed_choice, self.comment):
            w.setEnabled(on)

    def values(self, base: CoachingPlan) -> dict[str, Any]:
        walked = self.walked_through.isChecked()
        return {
            "agreed_on": from_qdate(self.agreed_on.date()) if walked else None,
            "employee_agreed": self.agreed_choice.currentData() if walked else None,
            "employee_comment": self.comment.toPlainText().strip() if walked else "",
            "revision_reason": self.reason.text().strip()
            if self.mode == "revise"
            else base.revision_reason,
        }
