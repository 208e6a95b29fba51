"""Change track…: move a case between the standard and the high-stakes track, with a reason.

The policy says who may ask and whose approval is needed; the dialog lists what is still
missing as the officer fills it in (never before) and refuses to save until nothing is.
"""

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

from app.domain.records import Role, Track
from app.models.ui_formats import ui_formats, ui_label
from app.services.errors import VaultError
from app.views.widgets.base_dialog import BaseDialog
from app.views.widgets.enum_combo import EnumCombo


class TrackChangeDialog(BaseDialog):
    def __init__(self, services: Any, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trackChangeDialog")
        self.services = services
        self.case_id = case_id
        self.case = services.cases.get(case_id)
        self.changed_case: Any = None
        self._touched = False
        initiate, approve = services.tracks.rules(case_id)
        self.setWindowTitle(self.tr("Change track — %1").replace("%1", self.case.reference))

        other = [t for t in Track if t is not self.case.track]
        self.track = EnumCombo(other)
        self.track.setAccessibleName(self.tr("New track"))
        self.role = EnumCombo(initiate or tuple(Role))
        self.role.setAccessibleName(self.tr("Your role"))
        self.actor = QLineEdit(services.officer.name)
        self.actor.setAccessibleName(self.tr("Asked for by"))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("trackReason")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("Why the case should move to this track (required)"))
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(120)
        self.approver = QLineEdit()
        self.approver.setAccessibleName(self.tr("Approved by"))
        self.approver_role = EnumCombo(approve, none_label=self.tr("— none —"))
        self.approver_role.setAccessibleName(self.tr("Approver's role"))
        if len(approve) == 1:
            self.approver_role.set_value(approve[0])
        needs = (
            self.tr("This change needs the approval of: %1.").replace(
                "%1", ", ".join(ui_label(r) for r in approve)
            )
            if approve
            else self.tr("The policy asks for no approval of this change.")
        )
        self.rule = QLabel(
            self.tr("Now on the %1 track. ").replace("%1", ui_label(self.case.track)) + needs
        )
        self.rule.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setObjectName("fieldError")
        self.problems.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Change track"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&New track:"), self.track)
        form.addRow(self.tr("Asked for &by:"), self.actor)
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
        return self.services.tracks.check(
            self.case,
            self.track.value(),
            self.actor.text(),
            self.role.value(),
            self.reason.toPlainText(),
            self.approver.text(),
            self.approver_role.value(),
            language=ui_formats().language,
        )

    def _edited(self, *_args: object) -> None:
        self._touched = True
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
            self.changed_case = self.services.tracks.change(
                self.case_id,
                self.track.value(),
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
