"""Scheduling a formal review (one, or a series at the policy's cadence) and recording its outcome.

Both forms validate as the officer types. On the high-stakes track the schedule form refuses
to save until a neutral observer or HR representative is named; the outcome form warns when
none attended, because such a review does not satisfy the policy there.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.plans import CoachingPlan
from app.domain.reviews import (
    DEFAULT_TIMEZONE,
    Assessment,
    ObjectiveAssessment,
    Participant,
    ParticipantRole,
    RefreshedTarget,
    Review,
    ReviewDecision,
    ReviewOutcome,
    roll_to_business_day,
)
from app.domain.validation import ValidationReport
from app.models.plan_models import number_text, parse_number
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

        self.day = self.add_field("starts_at", self.tr("Date:"), date_edit(start.date()))
        self.time = QTimeEdit(QTime(start.hour, start.minute))
        self.time.setDisplayFormat("HH:mm")
        self.add_field("time", self.tr("Time:"), self.time)
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems(COMMON_ZONES)
        self.zone.setCurrentText(review.timezone if review else DEFAULT_TIMEZONE)
        self.zone.editTextChanged.connect(lambda *_: self._changed("timezone"))
        self.add_field("timezone", self.tr("Time zone:"), self.zone)
        self.duration = QSpinBox()
        self.duration.setRange(15, 480)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setValue(review.duration_minutes if review else 60)
        self.add_field("duration_minutes", self.tr("Duration:"), self.duration)
        self.location = self.add_field(
            "location", self.tr("Place:"), QLineEdit(review.location if review else "")
        )
        self.call_link = self.add_field(
            "call_link", self.tr("Call link:"), QLineEdit(review.call_link if review else "")
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
        )
        self.supervisor = self.add_field(
            "participants.supervisor",
            self.tr("Direct supervisor:"),
            QLineEdit(name(ParticipantRole.SUPERVISOR, employee.manager)),
        )
        observer_label = (
            self.tr("Neutral observer (required):")
            if self.observer_required
            else self.tr("Neutral observer:")
        )
        self.observer = self.add_field(
            "participants.observer", observer_label, QLineEdit(name(ParticipantRole.OBSERVER))
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
        )
        self.reason = QLineEdit()
        if review is not None:
            self.add_field("note", self.tr("Why it changes:"), self.reason)

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
            self.form.addRow(self.repeat, self.until)
            self.form.addRow("", self.preview)
            for w in (self.repeat, self.until, self.day):
                self.watch("series", w)
        self.repeat.toggled.connect(self.until.setEnabled)
        self.until.setEnabled(False)
        self.body.addLayout(self.form)
        self.resize(560, 520)
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
            locale = QLocale()
            shown = ", ".join(
                locale.toString(QDate(d.year, d.month, d.day), "ddd dd MMM") for d in days[:12]
            )
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


class ReviewOutcomeDialog(RecordDialog):
    """Record what a held review found and decided."""

    def __init__(self, services: Any, review: Review, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("ReviewOutcomeDialog", "Record review outcome"),
            services.clock.today(),
            parent,
        )
        self.services = services
        self.review = review
        self.plan: CoachingPlan | None = services.plans.active(review.case_id)
        self.observer_required = services.reviews.observer_required(review.case_id)
        self.held_on = self.add_field(
            "held_on", self.tr("Held on:"), date_edit(min(review.on, self.today))
        )

        attendance = QGroupBox()
        box = QVBoxLayout(attendance)
        self.attended: list[tuple[QCheckBox, Participant]] = []
        for p in review.participants:
            check = QCheckBox(f"{p.name} — {p.role.label}")
            check.setChecked(True)
            box.addWidget(check)
            self.attended.append((check, p))
            self.watch("attended", check)
        self.add_field("attended", self.tr("Who attended:"), attendance)

        objectives = QGroupBox()
        grid = QGridLayout(objectives)
        for col, text in enumerate(
            (
                self.tr("Objective"),
                self.tr("Assessment"),
                self.tr("Comment"),
                self.tr("New target"),
                self.tr("New stretch"),
            )
        ):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, col)
        self.rows: list[tuple[str, QComboBox, QLineEdit, QLineEdit, QLineEdit]] = []
        for i, o in enumerate(self.plan.objectives if self.plan else (), start=1):
            combo = QComboBox()
            combo.addItem(self.tr("Choose…"), "")
            for a in Assessment:
                combo.addItem(a.label, a.value)
            comment, target, stretch = QLineEdit(), QLineEdit(), QLineEdit()
            target.setPlaceholderText(number_text(o.target))
            stretch.setPlaceholderText(number_text(o.stretch_target))
            title = QLabel(o.title)
            title.setToolTip(o.summary)
            for col, w in enumerate((title, combo, comment, target, stretch)):
                grid.addWidget(w, i, col)
            for w in (combo, comment, target, stretch):
                self.watch("assessments", w)
            self.rows.append((o.uid, combo, comment, target, stretch))
        if not self.rows:
            grid.addWidget(QLabel(self.tr("There is no coaching plan to assess.")), 1, 0, 1, 5)
        self.add_field(
            "assessments", self.tr("Objectives:"), objectives, also=("refreshed_targets",)
        )
        self.targets_agreed = QCheckBox(self.tr("The employee agreed any refreshed targets"))
        self.targets_agreed.setChecked(True)
        self.form.addRow("", self.targets_agreed)

        self.plan_working = QCheckBox(self.tr("The plan is working"))
        self.resources_right = QCheckBox(self.tr("Resources are right and were provided"))
        self.timelines_right = QCheckBox(self.tr("Timelines are still realistic"))
        checks = QWidget()
        checks_box = QVBoxLayout(checks)
        checks_box.setContentsMargins(0, 0, 0, 0)
        for c in (self.plan_working, self.resources_right, self.timelines_right):
            c.setChecked(True)
            checks_box.addWidget(c)
            self.watch("plan_working", c)
        self.add_field("plan_working", self.tr("Assessment:"), checks)
        self.role_alignment = self.add_field(
            "role_alignment",
            self.tr("Role alignment:"),
            _short_text(self.tr("Does the role fit? Adjustments?")),
        )
        self.workload = self.add_field(
            "workload", self.tr("Workload:"), _short_text(self.tr("Is the workload manageable?"))
        )
        self.decision = QComboBox()
        for d in ReviewDecision:
            self.decision.addItem(d.label, d.value)
        self.add_field("decision", self.tr("Decision:"), self.decision)
        self.has_next = QCheckBox(self.tr("Next review on"))
        self.has_next.setChecked(True)
        self.next_review = date_edit(review.on + timedelta(weeks=2))
        self.add_field("next_review_on", self.tr("Next review:"), self.next_review)
        self.form.addRow("", self.has_next)
        self.watch("next_review_on", self.has_next)
        self.summary = self.add_field(
            "summary",
            self.tr("Summary:"),
            _short_text(self.tr("What was concluded, in a few sentences")),
        )
        self.body.addLayout(self.form)
        self.resize(760, 760)
        self.finish()

    def make_record(self, problems: ValidationReport) -> ReviewOutcome:
        assessments: list[ObjectiveAssessment] = []
        targets: list[RefreshedTarget] = []
        for uid, combo, comment, target, stretch in self.rows:
            if combo.currentData():
                assessments.append(
                    ObjectiveAssessment(
                        uid, Assessment(combo.currentData()), comment.text().strip()
                    )
                )
            try:
                new_target = parse_number(target.text())
                new_stretch = parse_number(stretch.text())
            except ValueError:
                problems.error("refreshed_targets", "Write new targets as numbers.")
                continue
            if new_target is not None:
                targets.append(RefreshedTarget(uid, new_target, new_stretch))
            elif new_stretch is not None:
                problems.error("refreshed_targets", "Give the new target with the new stretch.")
        return ReviewOutcome(
            review_id=self.review.id,
            case_id=self.review.case_id,
            held_on=from_qdate(self.held_on.date()),
            attended=tuple(p for check, p in self.attended if check.isChecked()),
            assessments=tuple(assessments),
            decision=ReviewDecision(self.decision.currentData()),
            summary=self.summary.toPlainText().strip(),
            plan_working=self.plan_working.isChecked(),
            resources_right=self.resources_right.isChecked(),
            timelines_right=self.timelines_right.isChecked(),
            role_alignment=self.role_alignment.toPlainText().strip(),
            workload=self.workload.toPlainText().strip(),
            refreshed_targets=tuple(targets),
            next_review_on=from_qdate(self.next_review.date())
            if self.has_next.isChecked()
            else None,
        )

    def validate_record(self, record: ReviewOutcome) -> ValidationReport:
        return record.validate(
            self.today, self.plan.objectives if self.plan else (), self.observer_required
        )

    def save_record(self, record: ReviewOutcome) -> ReviewOutcome:
        return self.services.reviews.record_outcome(record, self.targets_agreed.isChecked())

    def set_assessment(self, row: int, assessment: Assessment, comment: str = "") -> None:
        """Fill one objective's row (used by tests and keyboard-free automation)."""
        _uid, combo, text, _t, _s = self.rows[row]
        combo.setCurrentIndex(combo.findData(assessment.value))
        text.setText(comment)


def _short_text(placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setMaximumHeight(64)
    return edit
