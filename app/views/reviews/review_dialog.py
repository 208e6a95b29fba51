"""Scheduling a formal review: one, or a series at the policy's cadence.

Laid out in titled sections (when, who takes part, where) with room at 1280×800, validated
as the officer types. On the high-stakes track the form refuses to save until a neutral
observer or HR representative is named. The outcome form is `review_outcome_dialog`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from app.domain.plans.reviews import (
    DEFAULT_TIMEZONE,
    Participant,
    ParticipantRole,
    Review,
    roll_to_business_day,
)
from app.domain.validation import ValidationReport
from app.models.ui_formats import ui_formats
from app.views.reviews.review_sections import form_layout, section
from app.views.widgets.record_dialog import RecordDialog, date_edit, from_qdate

COMMON_ZONES = (
    "Europe/London",
    "Europe/Dublin",
    "Europe/Lisbon",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Warsaw",
    "Europe/Athens",
    "Europe/Istanbul",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "Asia/Kolkata",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
    "UTC",
)


class ReviewDialog(RecordDialog):
    """Schedule a review (optionally a series), or change a scheduled one."""

    def __init__(
        self,
        services: Any,
        case_id: int,
        review: Review | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("ReviewDialog", "Schedule review")
            if review is None
            else QCoreApplication.translate("ReviewDialog", "Change review"),
            services.clock.today(),
            parent,
        )
        self.services = services
        self.case_id = case_id
        self.original = review
        self.observer_required = services.reviews.observer_required(case_id)
        case = services.cases.get(case_id)
        employee = services.cases.employee_of(case)
        start = (
            review.starts_at
            if review
            else datetime.combine(
                roll_to_business_day(
                    self.today + timedelta(days=7), services.reviews.is_business_day_for(case_id)
                ),
                time(10, 0),
            )
        )

        when, where, who = form_layout(), form_layout(), form_layout()
        self.day = self.add_field("starts_at", self.tr("Date:"), date_edit(start.date()), when)
        self.time = QTimeEdit(QTime(start.hour, start.minute))
        self.time.setDisplayFormat("HH:mm")
        self.add_field("time", self.tr("Time:"), self.time, when)
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems(COMMON_ZONES)
        self.zone.setCurrentText(review.timezone if review else DEFAULT_TIMEZONE)
        self.zone.editTextChanged.connect(lambda *_: self._changed("timezone"))
        self.add_field("timezone", self.tr("Time zone:"), self.zone, when)
        self.duration = QSpinBox()
        self.duration.setRange(15, 480)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setValue(review.duration_minutes if review else 60)
        self.add_field("duration_minutes", self.tr("Duration:"), self.duration, when)
        self.location = self.add_field(
            "location", self.tr("Place:"), QLineEdit(review.location if review else ""), where
        )
        self.call_link = self.add_field(
            "call_link", self.tr("Call link:"), QLineEdit(review.call_link if review else ""), where
        )
        self.call_link.setPlaceholderText(self.tr("https://…"))

        def name(role: ParticipantRole, default: str = "") -> str:
            if review is None:
                return default
            names = review.names(role)
            return names[0] if names else ""

        self.employee = self.add_field(
            "participants.employee",
            self.tr("Employee:"),
            QLineEdit(name(ParticipantRole.EMPLOYEE, employee.name)),
            who,
        )
        self.supervisor = self.add_field(
            "participants.supervisor",
            self.tr("Direct supervisor:"),
            QLineEdit(name(ParticipantRole.SUPERVISOR, employee.manager)),
            who,
        )
        observer_label = (
            self.tr("Neutral observer (required):")
            if self.observer_required
            else self.tr("Neutral observer:")
        )
        self.observer = self.add_field(
            "participants.observer",
            observer_label,
            QLineEdit(name(ParticipantRole.OBSERVER)),
            who,
        )
        self.hr = self.add_field(
            "participants.hr",
            self.tr("HR representative:"),
            QLineEdit(
                name(
                    ParticipantRole.HR_REPRESENTATIVE,
                    services.officer.name if review is None and self.observer_required else "",
                )
            ),
            who,
        )
        self.reason = QLineEdit()
        if review is not None:
            self.add_field("note", self.tr("Why it changes:"), self.reason, where)

        self.repeat = QCheckBox()
        self.until = date_edit(self.today + timedelta(weeks=8))
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setObjectName("seriesPreview")
        if review is None:
            every = services.reviews.cadence_business_days(case_id)
            self.repeat.setText(
                self.tr("Repeat every %n working days (the policy's cadence) until", "", every)
            )
            series = QWidget()
            series_row = QHBoxLayout(series)
            series_row.setContentsMargins(0, 0, 0, 0)
            series_row.addWidget(self.repeat)
            series_row.addWidget(self.until)
            series_row.addStretch(1)
            where.addRow(self.tr("Series:"), series)
            where.addRow("", self.preview)
            for w in (self.repeat, self.until, self.day):
                self.watch("series", w)
        self.repeat.toggled.connect(self.until.setEnabled)
        self.until.setEnabled(False)
        grid = QGridLayout()
        grid.addWidget(section(self.tr("When"), when), 0, 0)
        grid.addWidget(section(self.tr("Who takes part"), who), 0, 1)
        grid.addWidget(section(self.tr("Where"), where), 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.body.addLayout(grid)
        self.body.addStretch(1)
        self.resize(900, 460)
        self.finish()

    def _participants(self) -> tuple[Participant, ...]:
        people = [
            (ParticipantRole.EMPLOYEE, self.employee.text()),
            (ParticipantRole.SUPERVISOR, self.supervisor.text()),
            (ParticipantRole.OBSERVER, self.observer.text()),
            (ParticipantRole.HR_REPRESENTATIVE, self.hr.text()),
        ]
        return tuple(Participant(role, text.strip()) for role, text in people if text.strip())

    def make_record(self, problems: ValidationReport) -> Review:
        t = self.time.time()
        starts = datetime.combine(from_qdate(self.day.date()), time(t.hour(), t.minute()))
        base = self.original or Review(case_id=self.case_id, starts_at=starts)
        return replace(
            base,
            starts_at=starts,
            timezone=self.zone.currentText().strip(),
            duration_minutes=self.duration.value(),
            location=self.location.text().strip(),
            call_link=self.call_link.text().strip(),
            participants=self._participants(),
        )

    def series_dates(self) -> list[date]:
        if self.original is not None or not self.repeat.isChecked():
            return []
        return self.services.reviews.cadence_dates(
            self.case_id, from_qdate(self.day.date()), from_qdate(self.until.date())
        )

    def validate_record(self, record: Review) -> ValidationReport:
        report = record.validate(self.today, self.observer_required)
        if self.original is None and self.repeat.isChecked():
            days = self.series_dates()
            if not days:
                report.error("series", self.tr("No review dates fall in that period."))
            shown = ", ".join(ui_formats().short_weekday_date(d) for d in days[:12])
            self.preview.setText(
                self.tr("%n reviews: %1", "", len(days)).replace("%1", shown)
                + (" …" if len(days) > 12 else "")
            )
        else:
            self.preview.setText("")
        return report

    def save_record(self, record: Review) -> Any:
        reviews = self.services.reviews
        if self.original is not None:
            return reviews.reschedule(record, self.reason.text().strip())
        if self.repeat.isChecked():
            return reviews.schedule_series(record, from_qdate(self.until.date()))
        return reviews.schedule(record)
