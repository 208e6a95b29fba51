"""The asking-and-approval form that Change track… and Reopen case… share.

Both changes follow one policy rule (see app/services/cases/approval_check.py): who asks, in
which role, why, and who approves in which role. This widget holds those fields in one form
(a dialog may put its own rows first) and the line that says what is still missing; it emits
`edited` whenever the officer changes one, so the dialog re-checks (never before typing).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from app.domain.records import Role
from app.views.widgets.enum_combo import EnumCombo


class ApprovalFields(QWidget):
    edited = Signal()

    def __init__(
        self,
        initiate: Sequence[Role],
        approve: Sequence[Role],
        actor_name: str,
        actor_labels: tuple[str, str],
        reason_hint: str,
        first_rows: Sequence[tuple[str, QWidget]] = (),
        parent: QWidget | None = None,
    ) -> None:
        """``actor_labels`` is (the form's label, the accessible name) of who asks; the
        ``first_rows`` (label, field) come before the shared ones."""
        super().__init__(parent)
        self.role = EnumCombo(initiate or tuple(Role))
        self.role.setAccessibleName(self.tr("Your role"))
        self.actor = QLineEdit(actor_name)
        self.actor.setAccessibleName(actor_labels[1])
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(reason_hint)
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(120)
        self.approver = QLineEdit()
        self.approver.setAccessibleName(self.tr("Approved by"))
        self.approver_role = EnumCombo(approve, none_label=self.tr("— none —"))
        self.approver_role.setAccessibleName(self.tr("Approver's role"))
        if len(approve) == 1:
            self.approver_role.set_value(approve[0])
        self.problems = QLabel()
        self.problems.setObjectName("fieldError")
        self.problems.setWordWrap(True)

        form = QFormLayout()
        for text, field in first_rows:
            form.addRow(text, field)
        form.addRow(actor_labels[0], self.actor)
        form.addRow(self.tr("Your &role:"), self.role)
        form.addRow(self.tr("R&eason:"), self.reason)
        form.addRow(self.tr("&Approved by:"), self.approver)
        form.addRow(self.tr("Approver's r&ole:"), self.approver_role)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        for signal in (
            self.reason.textChanged,
            self.actor.textEdited,
            self.approver.textEdited,
            self.role.currentIndexChanged,
            self.approver_role.currentIndexChanged,
        ):
            signal.connect(self.edited)

    def values(self) -> tuple[str, Role, str, str, Any]:
        """(actor, role, reason, approver, approver's role) in the order the services take."""
        return (
            self.actor.text(),
            self.role.value(),
            self.reason.toPlainText(),
            self.approver.text(),
            self.approver_role.value(),
        )

    def show_missing(self, missing: list[str]) -> None:
        self.problems.setText(
            self.tr("Still missing: %1.").replace("%1", "; ".join(missing)) if missing else ""
        )
