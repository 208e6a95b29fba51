"""Recording what a held review found and decided, in sections with room: the meeting, the
decision, each objective's assessment (with refreshed targets), and how the plan is going.

It warns when no neutral observer or HR representative attended on the high-stakes track,
because such a review does not satisfy the policy there.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.plans.plans import CoachingPlan
from app.domain.plans.reviews import (
    Assessment,
    ObjectiveAssessment,
    Participant,
    RefreshedTarget,
    Review,
    ReviewDecision,
    ReviewOutcome,
)
from app.domain.validation import ValidationReport
from app.models.plans.plan_models import number_text, parse_number
from app.models.ui_formats import ui_formats, ui_label
from app.views.reviews.review_sections import form_layout, section, short_text
from app.views.widgets.record_dialog import RecordDialog, date_edit, from_qdate


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
        meeting, decision, going, notes = form_layout(), form_layout(), form_layout(), form_layout()
        self.held_on = self.add_field(
            "held_on", self.tr("Held on:"), date_edit(min(review.on, self.today)), meeting
        )
        attendance = QWidget()
        box = QVBoxLayout(attendance)
        box.setContentsMargins(0, 0, 0, 0)
        self.attended: list[tuple[QCheckBox, Participant]] = []
        for p in review.participants:
            check = QCheckBox(f"{p.name} — {ui_label(p.role)}")
            check.setChecked(True)
            box.addWidget(check)
            self.attended.append((check, p))
            self.watch("attended", check)
        self.add_field("attended", self.tr("Who attended:"), attendance, meeting)

        objectives = QWidget()
        grid = QGridLayout(objectives)
        grid.setContentsMargins(0, 0, 0, 0)
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
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 4)
        grid.setColumnStretch(3, 1)
        grid.setColumnStretch(4, 1)
        self.rows: list[tuple[str, QComboBox, QLineEdit, QLineEdit, QLineEdit]] = []
        for i, o in enumerate(self.plan.objectives if self.plan else (), start=1):
            combo = QComboBox()
            combo.addItem(self.tr("Choose…"), "")
            for a in Assessment:
                combo.addItem(ui_label(a), a.value)
            combo.setAccessibleName(self.tr("Assessment of %1").replace("%1", o.title))
            comment, target, stretch = QLineEdit(), QLineEdit(), QLineEdit()
            comment.setAccessibleName(self.tr("Comment on %1").replace("%1", o.title))
            target.setAccessibleName(self.tr("New target for %1").replace("%1", o.title))
            stretch.setAccessibleName(self.tr("New stretch target for %1").replace("%1", o.title))
            comment.setPlaceholderText(self.tr("What the evidence shows"))
            target.setPlaceholderText(number_text(o.target))
            stretch.setPlaceholderText(number_text(o.stretch_target))
            title = QLabel(o.title)
            title.setWordWrap(True)
            title.setToolTip(o.summary_in(ui_formats().name))
            for col, w in enumerate((title, combo, comment, target, stretch)):
                grid.addWidget(w, i, col)
            for w in (combo, comment, target, stretch):
                self.watch("assessments", w)
            self.rows.append((o.uid, combo, comment, target, stretch))
        if not self.rows:
            grid.addWidget(QLabel(self.tr("There is no coaching plan to assess.")), 1, 0, 1, 5)
        self.targets_agreed = QCheckBox(self.tr("The employee agreed any refreshed targets"))
        self.targets_agreed.setChecked(True)
        grid.addWidget(self.targets_agreed, len(self.rows) + 2, 0, 1, 5)
        targets = form_layout()
        self.add_field("assessments", "", objectives, targets, also=("refreshed_targets",))
        self._rows["assessments"].label = self.tr("Objectives")

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
        self.add_field("plan_working", self.tr("Assessment:"), checks, going)
        self.role_alignment = self.add_field(
            "role_alignment",
            self.tr("Role alignment:"),
            short_text(self.tr("Does the role fit? Adjustments?")),
            notes,
        )
        self.workload = self.add_field(
            "workload",
            self.tr("Workload:"),
            short_text(self.tr("Is the workload manageable?")),
            notes,
        )
        self.decision = QComboBox()
        for d in ReviewDecision:
            self.decision.addItem(ui_label(d), d.value)
        self.add_field("decision", self.tr("Decision:"), self.decision, decision)
        self.has_next = QCheckBox(self.tr("on"))
        self.has_next.setChecked(True)
        self.next_review = date_edit(review.on + timedelta(weeks=2))
        self.next_review.setAccessibleName(self.tr("Next review date"))
        next_row = QWidget()
        next_box = QHBoxLayout(next_row)
        next_box.setContentsMargins(0, 0, 0, 0)
        next_box.addWidget(self.has_next)
        next_box.addWidget(self.next_review)
        next_box.addStretch(1)
        self.add_field("next_review_on", self.tr("Next review:"), next_row, decision)
        self.watch("next_review_on", self.has_next)
        self.watch("next_review_on", self.next_review)
        self.has_next.toggled.connect(self.next_review.setEnabled)
        self.summary = self.add_field(
            "summary",
            self.tr("Summary:"),
            short_text(self.tr("What was concluded, in a few sentences"), 96),
            decision,
        )

        sections = QWidget()
        layout = QGridLayout(sections)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section(self.tr("The meeting"), meeting), 0, 0)
        layout.addWidget(section(self.tr("Decision"), decision), 0, 1)
        layout.addWidget(section(self.tr("Objectives"), targets), 1, 0, 1, 2)
        layout.addWidget(section(self.tr("How the plan is going"), going, notes), 2, 0, 1, 2)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        layout.setRowStretch(3, 1)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take focus, not the frame
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
