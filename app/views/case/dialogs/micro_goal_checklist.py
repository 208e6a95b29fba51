"""The plan's open micro-goals inside a check-in conversation: each marked done or missed there.

The officer goes through the micro-goals with the employee and marks each one in the same
form; the marks are stored through the plan service (audited, tracking rather than a plan
revision) when the conversation is saved. Goals left "still open" are not touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from app.domain.plans.plans import CoachingPlan, MicroGoal, MicroGoalStatus
from app.domain.validation import ValidationReport
from app.models.case.record_table_model import when


@dataclass(frozen=True)
class GoalMark:
    goal: MicroGoal
    status: MicroGoalStatus
    note: str


class MicroGoalChecklist(QWidget):
    """One line per open micro-goal: what, when due, and a choice (open, done, missed)."""

    changed = Signal()

    def __init__(self, plan: CoachingPlan | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(3, 2)
        self.rows: list[tuple[MicroGoal, QComboBox, QLineEdit]] = []
        goals = [
            (o.title, g)
            for o in (plan.objectives if plan else ())
            for g in o.micro_goals
            if g.status is MicroGoalStatus.OPEN
        ]
        goals.sort(key=lambda t: t[1].due_on)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        if plan is None:
            self.empty.setText(self.tr("This case has no coaching plan, so no micro-goals."))
        elif not goals:
            self.empty.setText(self.tr("Every micro-goal of the plan is already done or missed."))
        for row, (objective, goal) in enumerate(goals):
            what = QLabel(f"{goal.title} — {objective}")
            what.setTextFormat(Qt.TextFormat.PlainText)
            what.setWordWrap(True)
            due = QLabel(self.tr("due {day}").format(day=when(goal.due_on)))
            choice = QComboBox()
            choice.addItem(self.tr("Still open"), MicroGoalStatus.OPEN.value)
            choice.addItem(self.tr("Done"), MicroGoalStatus.DONE.value)
            choice.addItem(self.tr("Missed"), MicroGoalStatus.MISSED.value)
            choice.setAccessibleName(self.tr("{goal}: done or missed").format(goal=goal.title))
            choice.setObjectName(f"microGoalMark_{row}")
            note = QLineEdit()
            note.setPlaceholderText(self.tr("Note (why, if missed)"))
            note.setAccessibleName(self.tr("Note on {goal}").format(goal=goal.title))
            choice.currentIndexChanged.connect(lambda *_: self.changed.emit())
            note.textChanged.connect(lambda *_: self.changed.emit())
            for col, w in enumerate((what, due, choice, note)):
                grid.addWidget(w, row, col)
            self.rows.append((goal, choice, note))
        if not self.rows:
            grid.addWidget(self.empty, 0, 0, 1, 4)

    def set_mark(self, row: int, status: MicroGoalStatus, note: str = "") -> None:
        _goal, choice, text = self.rows[row]
        choice.setCurrentIndex(choice.findData(status.value))
        text.setText(note)

    def marks(self) -> list[GoalMark]:
        """Only the goals the officer marked done or missed."""
        out = []
        for goal, choice, note in self.rows:
            status = MicroGoalStatus(choice.currentData())
            if status is not MicroGoalStatus.OPEN:
                out.append(GoalMark(goal, status, note.text().strip()))
        return out

    def validate(self, today: date, report: ValidationReport) -> None:
        """A goal cannot be missed before its date; a missed goal should say why."""
        for mark in self.marks():
            if mark.status is MicroGoalStatus.MISSED and mark.goal.due_on > today:
                report.error(
                    "micro_goals",
                    self.tr(
                        "'{goal}' is due on {day}: it cannot be missed yet; leave it open."
                    ).format(goal=mark.goal.title, day=when(mark.goal.due_on)),
                )
            elif mark.status is MicroGoalStatus.MISSED and not mark.note:
                report.warning(
                    "micro_goals",
                    self.tr("Say briefly why '{goal}' was missed.").format(goal=mark.goal.title),
                )
