"""Scheduling a formal review (one, or a series at the policy's cadence) and recording its outcome.

Both forms are laid out in titled sections (when, who, where; the meeting, the decision, the
objectives, how the plan is going) with room at 1280×800, and validate as the officer types.
On the high-stakes track the schedule form refuses to save until a neutral observer or HR
representative is named; the outcome form warns when none attended, because such a review
does not satisfy the policy there.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
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
            "Schedule review" if review is None else "Change review", services.clock.today(), parent
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

        when, where, who = _form(), _form(), _form()
        self.day = self.add_field("starts_at", "Date:", date_edit(start.date()), when)
        self.time = QTimeEdit(QTime(start.hour, start.minute))
        self.time.setDisplayFormat("HH:mm")
        self.add_field("time", "Time:", self.time, when)
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems(COMMON_ZONES)
        self.zone.setCurrentText(review.timezone if review else DEFAULT_TIMEZONE)
        self.zone.editTextChanged.connect(lambda *_: self._changed("timezone"))
        self.add_field("timezone", "Time zone:", self.zone, when)
        self.duration = QSpinBox()
        self.duration.setRange(15, 480)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(" min")
        self.duration.setValue(review.duration_minutes if review else 60)
        self.add_field("duration_minutes", "Duration:", self.duration, when)
        self.location = self.add_field(
            "location", "Place:", QLineEdit(review.location if review else ""), where
        )
        self.call_link = self.add_field(
            "call_link", "Call link:", QLineEdit(review.call_link if review else ""), where
        )
        self.call_link.setPlaceholderText("https://…")

        def name(role: ParticipantRole, default: str = "") -> str:
            if review is None:
                return default
            names = review.names(role)
            return names[0] if names else ""

        self.employee = self.add_field(
            "participants.employee",
            "Employee:",
            QLineEdit(name(ParticipantRole.EMPLOYEE, employee.name)),
            who,
        )
        self.supervisor = self.add_field(
            "participants.supervisor",
            "Direct supervisor:",
            QLineEdit(name(ParticipantRole.SUPERVISOR, employee.manager)),
            who,
        )
        observer_label = (
            "Neutral observer (required):" if self.observer_required else "Neutral observer:"
        )
        self.observer = self.add_field(
            "participants.observer",
            observer_label,
            QLineEdit(name(ParticipantRole.OBSERVER)),
            who,
        )
        self.hr = self.add_field(
            "participants.hr",
            "HR representative:",
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
            self.add_field("note", "Why it changes:", self.reason, where)

        self.repeat = QCheckBox()
        self.until = date_edit(self.today + timedelta(weeks=8))
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setObjectName("seriesPreview")
        if review is None:
            every = services.reviews.cadence_business_days(case_id)
            self.repeat.setText(f"Repeat every {every} working days (the policy's cadence) until")
            series = QWidget()
            series_row = QHBoxLayout(series)
            series_row.setContentsMargins(0, 0, 0, 0)
            series_row.addWidget(self.repeat)
            series_row.addWidget(self.until)
            series_row.addStretch(1)
            where.addRow("Series:", series)
            where.addRow("", self.preview)
            for w in (self.repeat, self.until, self.day):
                self.watch("series", w)
        self.repeat.toggled.connect(self.until.setEnabled)
        self.until.setEnabled(False)
        grid = QGridLayout()
        grid.addWidget(_group("When", when), 0, 0)
        grid.addWidget(_group("Who takes part", who), 0, 1)
        grid.addWidget(_group("Where", where), 1, 0, 1, 2)
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
                report.error("series", "No review dates fall in that period.")
            self.preview.setText(
                f"{len(days)} reviews: "
                + ", ".join(d.strftime("%a %d %b") for d in days[:12])
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
        super().__init__("Record review outcome", services.clock.today(), parent)
        self.services = services
        self.review = review
        self.plan: CoachingPlan | None = services.plans.active(review.case_id)
        self.observer_required = services.reviews.observer_required(review.case_id)
        meeting, decision, going, notes = _form(), _form(), _form(), _form()
        self.held_on = self.add_field(
            "held_on", "Held on:", date_edit(min(review.on, self.today)), meeting
        )
        attendance = QWidget()
        box = QVBoxLayout(attendance)
        box.setContentsMargins(0, 0, 0, 0)
        self.attended: list[tuple[QCheckBox, Participant]] = []
        for p in review.participants:
            check = QCheckBox(f"{p.name} — {p.role.label}")
            check.setChecked(True)
            box.addWidget(check)
            self.attended.append((check, p))
            self.watch("attended", check)
        self.add_field("attended", "Who attended:", attendance, meeting)

        objectives = QWidget()
        grid = QGridLayout(objectives)
        grid.setContentsMargins(0, 0, 0, 0)
        for col, text in enumerate(
            ("Objective", "Assessment", "Comment", "New target", "New stretch")
        ):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, col)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 4)
        grid.setColumnStretch(3, 1)
        grid.setColumnStretch(4, 1)
        self.rows: list[tuple[str, QComboBox, QLineEdit, QLineEdit, QLineEdit]] = []
        for i, o in enumerate(self.plan.objectives if self.plan else (), start=1):
            combo = QComboBox()
            combo.addItem("Choose…", "")
            for a in Assessment:
                combo.addItem(a.label, a.value)
            combo.setAccessibleName(f"Assessment of {o.title}")
            comment, target, stretch = QLineEdit(), QLineEdit(), QLineEdit()
            comment.setAccessibleName(f"Comment on {o.title}")
            target.setAccessibleName(f"New target for {o.title}")
            stretch.setAccessibleName(f"New stretch target for {o.title}")
            comment.setPlaceholderText("What the evidence shows")
            target.setPlaceholderText(number_text(o.target))
            stretch.setPlaceholderText(number_text(o.stretch_target))
            title = QLabel(o.title)
            title.setWordWrap(True)
            title.setToolTip(o.summary)
            for col, w in enumerate((title, combo, comment, target, stretch)):
                grid.addWidget(w, i, col)
            for w in (combo, comment, target, stretch):
                self.watch("assessments", w)
            self.rows.append((o.uid, combo, comment, target, stretch))
        if not self.rows:
            grid.addWidget(QLabel("There is no coaching plan to assess."), 1, 0, 1, 5)
        self.targets_agreed = QCheckBox("The employee agreed any refreshed targets")
        self.targets_agreed.setChecked(True)
        grid.addWidget(self.targets_agreed, len(self.rows) + 2, 0, 1, 5)
        targets = _form()
        self.add_field("assessments", "", objectives, targets, also=("refreshed_targets",))
        self._rows["assessments"].label = "Objectives"

        self.plan_working = QCheckBox("The plan is working")
        self.resources_right = QCheckBox("Resources are right and were provided")
        self.timelines_right = QCheckBox("Timelines are still realistic")
        checks = QWidget()
        checks_box = QVBoxLayout(checks)
        checks_box.setContentsMargins(0, 0, 0, 0)
        for c in (self.plan_working, self.resources_right, self.timelines_right):
            c.setChecked(True)
            checks_box.addWidget(c)
            self.watch("plan_working", c)
        self.add_field("plan_working", "Assessment:", checks, going)
        self.role_alignment = self.add_field(
            "role_alignment",
            "Role alignment:",
            _short_text("Does the role fit? Adjustments?"),
            notes,
        )
        self.workload = self.add_field(
            "workload", "Workload:", _short_text("Is the workload manageable?"), notes
        )
        self.decision = QComboBox()
        for d in ReviewDecision:
            self.decision.addItem(d.label, d.value)
        self.add_field("decision", "Decision:", self.decision, decision)
        self.has_next = QCheckBox("on")
        self.has_next.setChecked(True)
        self.next_review = date_edit(review.on + timedelta(weeks=2))
        next_row = QWidget()
        next_box = QHBoxLayout(next_row)
        next_box.setContentsMargins(0, 0, 0, 0)
        next_box.addWidget(self.has_next)
        next_box.addWidget(self.next_review)
        next_box.addStretch(1)
        self.add_field("next_review_on", "Next review:", next_row, decision)
        self.watch("next_review_on", self.has_next)
        self.watch("next_review_on", self.next_review)
        self.has_next.toggled.connect(self.next_review.setEnabled)
        self.summary = self.add_field(
            "summary",
            "Summary:",
            _short_text("What was concluded, in a few sentences", 96),
            decision,
        )

        sections = QWidget()
        layout = QGridLayout(sections)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_group("The meeting", meeting), 0, 0)
        layout.addWidget(_group("Decision", decision), 0, 1)
        layout.addWidget(_group("Objectives", targets), 1, 0, 1, 2)
        layout.addWidget(_group("How the plan is going", going, notes), 2, 0, 1, 2)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        layout.setRowStretch(3, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(sections)
        self.body.addWidget(scroll, 1)
        self.setMinimumSize(900, 600)
        self.resize(1100, 740)
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


def _short_text(placeholder: str, height: int = 64) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(height + 24)
    return edit


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    return form


def _group(title: str, *forms: QFormLayout) -> QGroupBox:
    """A titled section of a review form: its forms side by side, fields and messages inside."""
    group = QGroupBox(title)
    row = QHBoxLayout(group)
    for i, form in enumerate(forms):
        row.addLayout(form, 1 if i == 0 and len(forms) == 1 else i + 1)
    return group
