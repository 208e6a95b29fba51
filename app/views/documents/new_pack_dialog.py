"""Which meeting a new documentation pack is for, and on which paper.

The meeting and paper boxes are `EnumCombo`s: Qt would hand a ``str`` enum member back from
`currentData()` as a plain string, and the pack builder wants the members themselves.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.models.ui_formats import date_edit_format
from app.services.documents.document_service import MeetingDetails, MeetingType, PageSize
from app.views.widgets.base_dialog import BaseDialog
from app.views.widgets.enum_combo import EnumCombo

MAX_PLACE = 200  # one line in the pack's header


def default_page_size() -> PageSize:
    us = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return PageSize.LETTER if us else PageSize.A4


class NewPackDialog(BaseDialog):
    """Which meeting the pack is for; date, place and people come from the case by default."""

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newPackDialog")
        self.setWindowTitle(self.tr("New documentation pack"))
        self.meeting = EnumCombo(MeetingType)
        self.meeting.setObjectName("packMeetingCombo")
        self.from_case = QCheckBox(
            self.tr("Date and place from the case (the next scheduled review, else today)")
        )
        self.from_case.setObjectName("packFromCaseCheck")
        self.from_case.setChecked(True)
        self.meeting_date = QDateEdit()
        self.meeting_date.setObjectName("packDateEdit")
        self.meeting_date.setCalendarPopup(True)
        self.meeting_date.setDisplayFormat(date_edit_format())
        day = today or date.today()
        self.meeting_date.setDate(QDate(day.year, day.month, day.day))
        self.place = QLineEdit()
        self.place.setObjectName("packPlaceEdit")
        self.place.setMaxLength(MAX_PLACE)
        self.place.setPlaceholderText(self.tr("Room, building or call link"))
        self.place.setToolTip(
            self.tr("One line on the pack's first page: up to {0} characters.").format(MAX_PLACE)
        )
        self.page_size = EnumCombo(PageSize)
        self.page_size.setObjectName("packPaperCombo")
        self.page_size.set_value(default_page_size())
        self.with_audit = QCheckBox(self.tr("Append the case's audit trail"))
        self.with_audit.setObjectName("packWithAuditCheck")
        self.with_audit.setToolTip(
            self.tr("Every recorded action on the case, who and when, as the pack's last section")
        )
        form = QFormLayout()
        form.addRow(self.tr("Meeting"), self.meeting)
        form.addRow("", self.from_case)
        form.addRow(self.tr("Date"), self.meeting_date)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Paper"), self.page_size)
        form.addRow("", self.with_audit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.build_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.build_button.setObjectName("buildPackButton")
        self.build_button.setText(self.tr("Build pack"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.from_case.toggled.connect(lambda _checked: self._sync())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._sync()

    def _sync(self) -> None:
        manual = not self.from_case.isChecked()
        self.meeting_date.setEnabled(manual)
        self.place.setEnabled(manual)

    def details(self) -> MeetingDetails:
        meeting = MeetingType(self.meeting.value())
        with_audit = self.with_audit.isChecked()
        if self.from_case.isChecked():
            return MeetingDetails(meeting, with_audit=with_audit)
        return MeetingDetails(
            meeting,
            meeting_date=self.meeting_date.date().toPython(),
            place=self.place.text().strip(),
            with_audit=with_audit,
        )

    def chosen_page_size(self) -> PageSize:
        return PageSize(self.page_size.value())
