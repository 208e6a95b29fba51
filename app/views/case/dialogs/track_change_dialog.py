"""Change track…: move a case between the standard and the high-stakes track, with a reason.

The policy says who may ask and whose approval is needed; the dialog lists what is still
missing as the officer fills it in (never before) and refuses to save until nothing is.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.domain.records import Track
from app.models.ui_formats import ui_error, ui_formats, ui_label
from app.services.errors import VaultError
from app.views.case.dialogs.approval_fields import ApprovalFields
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
        self.fields = ApprovalFields(
            initiate,
            approve,
            services.officer.name,
            (self.tr("Asked for &by:"), self.tr("Asked for by")),
            self.tr("Why the case should move to this track (required)"),
            first_rows=[(self.tr("&New track:"), self.track)],
        )
        self.role, self.actor, self.reason = self.fields.role, self.fields.actor, self.fields.reason
        self.approver, self.approver_role = self.fields.approver, self.fields.approver_role
        self.problems = self.fields.problems
        self.reason.setObjectName("trackReason")
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
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Change track"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.rule)
        layout.addWidget(self.fields)
        layout.addWidget(self.buttons)
        self.fields.edited.connect(self._edited)
        self.resize(520, 360)

    def missing(self) -> list[str]:
        return self.services.tracks.check(
            self.case, self.track.value(), *self.fields.values(), language=ui_formats().language
        )

    def _edited(self) -> None:
        self._touched = True
        self.fields.show_missing(self.missing())

    def accept(self) -> None:
        missing = self.missing()
        if missing:
            self.fields.show_missing(missing)
            return
        try:
            self.changed_case = self.services.tracks.change(
                self.case_id, self.track.value(), *self.fields.values()
            )
        except VaultError as exc:
            self.problems.setText(ui_error(exc))
            return
        super().accept()
