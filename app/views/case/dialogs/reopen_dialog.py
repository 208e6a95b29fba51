"""Reopen case…: the way back to writing on a closed case, with a reason and the approval the
policy asks in ``[reopen]``. Like Change track…, it lists what is still missing as the officer
fills it in and refuses to save until nothing is."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.records import Role
from app.models.ui_formats import ui_formats, ui_label
from app.services.errors import VaultError
from app.views.widgets.base_dialog import BaseDialog
from app.views.widgets.enum_combo import EnumCombo


class ReopenCaseDialog(BaseDialog):
    def __init__(self, services: Any, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reopenCaseDialog")
        self.services = services
        self.case_id = case_id
        self.case = services.cases.get(case_id)
        self.reopened: Any = None
        initiate, approve = services.reopening.rules(case_id)
        self.setWindowTitle(self.tr("Reopen case — %1").replace("%1", self.case.reference))

        self.role = EnumCombo(initiate or tuple(Role))
        self.role.setAccessibleName(self.tr("Your role"))
        self.actor = QLineEdit(services.officer.name)
        self.actor.setAccessibleName(self.tr("Reopened by"))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reopenReason")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(
            self.tr("Why the case is reopened, e.g. an appeal or a correction (required)")
        )
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(120)
        self.approver = QLineEdit()
        self.approver.setObjectName("reopenApprover")
        self.approver.setAccessibleName(self.tr("Approved by"))
        self.approver_role = EnumCombo(approve, none_label=self.tr("— none —"))
        self.approver_role.setAccessibleName(self.tr("Approver's role"))
        if len(approve) == 1:
            self.approver_role.set_value(approve[0])
        outcome = ui_label(self.case.outcome) if self.case.outcome is not None else ""
        closed = self.tr("Closed on %1").replace(
            "%1", self.case.closed_on.isoformat() if self.case.closed_on else ""
        )
        if outcome:
            closed += self.tr(" as %1").replace("%1", outcome.lower())
        needs = (
            self.tr("Reopening needs the approval of: %1.").replace(
                "%1", ", ".join(ui_label(r) for r in approve)
            )
            if approve
            else self.tr("The policy asks for no approval to reopen a case.")
        )
        self.rule = QLabel(
            closed
            + ". "
            + needs
            + " "
            + self.tr("Earlier versions of every record stay readable in History.")
        )
        self.rule.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setObjectName("fieldError")
        self.problems.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Reopen case"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Reopened &by:"), self.actor)
        form.addRow(self.tr("Your &role:"), self.role)
        form.addRow(self.tr("R&eason:"), self.reason)
        form.addRow(self.tr("&Approved by:"), self.approver)
        form.addRow(self.tr("Approver's r&ole:"), self.approver_role)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rule)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        for signal in (
            self.reason.textChanged,
            self.actor.textEdited,
            self.approver.textEdited,
            self.role.currentIndexChanged,
            self.approver_role.currentIndexChanged,
        ):
            signal.connect(self._edited)
        self.resize(520, 360)

    def missing(self) -> list[str]:
        return self.services.reopening.check(
            self.case,
            self.actor.text(),
            self.role.value(),
            self.reason.toPlainText(),
            self.approver.text(),
            self.approver_role.value(),
            language=ui_formats().language,
        )

    def _edited(self, *_args: object) -> None:
        self._show(self.missing())

    def _show(self, missing: list[str]) -> None:
        self.problems.setText(
            self.tr("Still missing: %1.").replace("%1", "; ".join(missing)) if missing else ""
        )

    def accept(self) -> None:
        missing = self.missing()
        if missing:
            self._show(missing)
            return
        try:
            self.reopened = self.services.reopening.reopen(
                self.case_id,
                self.actor.text(),
                self.role.value(),
                self.reason.toPlainText(),
                self.approver.text(),
                self.approver_role.value(),
            )
        except VaultError as exc:
            self.problems.setText(str(exc))
            return
        super().accept()
