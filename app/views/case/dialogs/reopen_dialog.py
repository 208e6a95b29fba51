"""Reopen case…: the way back to writing on a closed case, with a reason and the approval the
policy asks in ``[reopen]``. Like Change track…, it lists what is still missing as the officer
fills it in and refuses to save until nothing is."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.models.ui_formats import ui_error, ui_formats, ui_label
from app.services.errors import VaultError
from app.views.case.dialogs.approval_fields import ApprovalFields
from app.views.widgets.base_dialog import BaseDialog


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

        self.fields = ApprovalFields(
            initiate,
            approve,
            services.officer.name,
            (self.tr("Reopened &by:"), self.tr("Reopened by")),
            self.tr("Why the case is reopened, e.g. an appeal or a correction (required)"),
        )
        self.role, self.actor, self.reason = self.fields.role, self.fields.actor, self.fields.reason
        self.approver, self.approver_role = self.fields.approver, self.fields.approver_role
        self.problems = self.fields.problems
        self.reason.setObjectName("reopenReason")
        self.approver.setObjectName("reopenApprover")
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
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Reopen case"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.rule)
        layout.addWidget(self.fields)
        layout.addWidget(self.buttons)
        self.fields.edited.connect(self._edited)
        self.resize(520, 360)

    def missing(self) -> list[str]:
        return self.services.reopening.check(
            self.case, *self.fields.values(), language=ui_formats().language
        )

    def _edited(self) -> None:
        self.fields.show_missing(self.missing())

    def accept(self) -> None:
        missing = self.missing()
        if missing:
            self.fields.show_missing(missing)
            return
        try:
            self.reopened = self.services.reopening.reopen(self.case_id, *self.fields.values())
        except VaultError as exc:
            self.problems.setText(ui_error(exc))
            return
        super().accept()
