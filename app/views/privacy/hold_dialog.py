"""Place or lift a legal hold on a case: the officer gives the reason (required, audited)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.domain.validation import InvalidRecord
from app.models.ui_formats import ui_error
from app.services.errors import VaultError
from app.services.privacy.hold_service import check_reason
from app.views.widgets.base_dialog import BaseDialog


class HoldDialog(BaseDialog):
    """``lifting=False``: place a hold; ``True``: lift the one in force."""

    def __init__(
        self, services: Any, case_id: int, lifting: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("holdDialog")
        self.services = services
        self.case_id = case_id
        self.lifting = lifting
        reference = services.cases.get(case_id).reference
        if lifting:
            self.setWindowTitle(self.tr("Lift legal hold"))
            hold = services.holds.active(case_id)
            intro = self.tr("Case %1 is under %2. Why can the hold be lifted now?")
            intro = intro.replace("%1", reference).replace("%2", hold.describe() if hold else "")
        else:
            self.setWindowTitle(self.tr("Place legal hold"))
            intro = self.tr(
                "While the hold is in force nothing of case %1 can be deleted or erased, "
                "whatever the retention policy says. Why must it be kept?"
            ).replace("%1", reference)
        label = QLabel(intro)
        label.setWordWrap(True)
        self.reason_edit = QPlainTextEdit(objectName="holdReasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("e.g. an employment tribunal claim"))
        self.reason_edit.textChanged.connect(lambda: self._check())
        self.message = QLabel(objectName="holdMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Lift hold") if lifting else self.tr("Place hold"))
        self.ok_button.setObjectName("holdOkButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(480, 260)
        self._check()

    def _check(self) -> bool:
        what = self.tr("lifting the hold") if self.lifting else self.tr("the hold")
        report = check_reason(self.reason_edit.toPlainText(), what)
        self.ok_button.setEnabled(report.ok)
        self.message.setText("" if report.ok else str(report.errors[0].message))
        return report.ok

    def accept(self) -> None:
        if not self._check():
            return
        reason = self.reason_edit.toPlainText()
        try:
            if self.lifting:
                self.services.holds.release(self.case_id, reason)
            else:
                self.services.holds.place(self.case_id, reason)
        except (InvalidRecord, VaultError) as exc:
            self.message.setText(ui_error(exc))
            return
        super().accept()
