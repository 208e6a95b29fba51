"""Erase a case, or an employee with every case about them: a confirmation naming what goes.

The officer reads the counts of what will be removed, where the name stays (other people's
cases, older backups) and types the case reference or employee number back before the Erase
button works. A case under legal hold cannot be erased: the dialog names the hold instead.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.models.theme import colour_css
from app.models.ui_formats import ui_error
from app.services.errors import VaultError
from app.views.widgets.background import run_in_background
from app.views.widgets.base_dialog import BaseDialog


class EraseDialog(BaseDialog):
    """``case_id`` erases one case; ``employee_id`` erases the employee and all their cases."""

    def __init__(
        self,
        services: Any,
        parent: QWidget | None = None,
        case_id: int | None = None,
        employee_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("eraseDialog")
        self.services = services
        self.case_id = case_id
        self.employee_id = employee_id
        self.erased = None  # the ErasureResult once done
        self.running = False
        if case_id is not None:
            self.preview = services.erasure.preview_case(case_id)
            self.answer = services.cases.get(case_id).reference
            self.setWindowTitle(self.tr("Erase case"))
            ask = self.tr("Type the case reference %1 to erase it:")
        else:
            self.preview = services.erasure.preview_employee(employee_id)
            self.answer = services.employees.get(employee_id).employee_number
            self.setWindowTitle(self.tr("Erase employee"))
            ask = self.tr("Type the employee number %1 to erase them:")
        heading = QLabel(self.tr("Erase for good: %1?").replace("%1", self.preview.title))
        heading.setObjectName("panelHeading")
        heading.setWordWrap(True)
        goes = QLabel(
            self.tr("This removes from the vault:")
            + "\n"
            + "\n".join(f"  • {line}" for line in self.preview.lines())
        )
        goes.setObjectName("eraseWhatGoes")
        notes = [
            self.preview.why,
            self.tr(
                "The audit trail keeps one event saying that an erasure happened, under which "
                "rule and how many records went, without any name."
            ),
            self.tr(
                "Backups made before today and files exported earlier still hold these "
                "records: delete them by hand."
            ),
        ]
        if self.preview.kept_note():
            notes.insert(0, self.preview.kept_note())
        note = QLabel("\n\n".join(notes))
        note.setObjectName("sectionNote")
        note.setWordWrap(True)
        self.held = [services.holds.active(i) for i in self.preview.plan.case_ids]
        self.held = [h for h in self.held if h is not None]
        self.confirm_edit = QLineEdit(objectName="eraseConfirmEdit")
        self.confirm_edit.setAccessibleName(ask.replace("%1", self.answer).rstrip(":"))
        self.confirm_edit.textChanged.connect(lambda _t: self._check())
        self.message = QLabel(objectName="eraseMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.erase_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.erase_button.setText(self.tr("Erase"))
        self.erase_button.setObjectName("eraseButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(goes)
        layout.addWidget(note)
        if self.held:
            hold = self.held[0]
            self.message.setText(
                self.tr("This cannot be erased: it is under %1. Lift the hold first.").replace(
                    "%1", hold.describe()
                )
            )
            self.message.setStyleSheet(colour_css("error"))
            self.confirm_edit.setEnabled(False)
            self.confirm_edit.hide()
        else:
            layout.addWidget(QLabel(ask.replace("%1", self.answer)))
        layout.addWidget(self.confirm_edit)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        self._check()

    def _check(self) -> bool:
        ok = not self.held and self.confirm_edit.text().strip().upper() == self.answer.upper()
        self.erase_button.setEnabled(ok)
        return ok

    def accept(self) -> None:
        """Erase in the background: the VACUUM that follows rewrites the whole file."""
        if self.running or not self._check():
            return
        erasure, case_id, employee_id = self.services.erasure, self.case_id, self.employee_id
        self.running = True
        self.erase_button.setEnabled(False)
        self.confirm_edit.setEnabled(False)
        run_in_background(
            self,
            lambda: (
                erasure.erase_case(case_id)
                if case_id is not None
                else erasure.erase_employee(employee_id)
            ),
            self._erased,
            self._failed,
            busy_text=self.tr("Erasing and compacting the vault…"),
        )

    def _erased(self, result: object) -> None:
        self.running = False
        self.erased = result
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.confirm_edit.setEnabled(True)
        self._check()
        if not isinstance(exc, VaultError):
            raise exc
        self.message.setText(ui_error(exc))

    def reject(self) -> None:
        if not self.running:  # an erasure under way finishes; the dialog closes after it
            super().reject()
