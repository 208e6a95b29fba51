"""The coaching plan editor, and the form for a progress update.

`PlanDialog` works in three modes: a new plan, an edit of a plan the employee has not yet been
walked through, and a *revision* of an agreed plan (which needs a reason and a new agreement
date, and is stored as a new version). Objectives, micro-goals and resources are edited in
tables; problems from the plan's validation report colour the cells they concern and are
listed above the buttons in plain words.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.plans import (
    CoachingPlan,
    MicroGoal,
    Objective,
    PlanResource,
    ProgressUpdate,
    ResourceKind,
    content_equal,
)
from app.domain.validation import Problem, ValidationReport
from app.models.plan_models import (
    EditableRecordTableModel,
    MicroGoalTableModel,
    ObjectiveTableModel,
    ResourceTableModel,
    parse_number,
    problems_by_row,
)
from app.views.widgets.record_dialog import RecordDialog, date_edit, from_qdate, to_qdate
from app.views.widgets.record_edit_delegate import RecordEditDelegate

_PATH = re.compile(r"^(objectives|resources)\[(\d+)\](?:\.micro_goals\[(\d+)\])?(?:\.(\w+))?$")
_FIELD_WORDS = {"due_on": "date", "by_date": "date", "stretch_target": "stretch target"}


def friendly_field(name: str) -> str:
    """``objectives[0].micro_goals[1].due_on`` → ``Objective 1, micro-goal 2, date``."""
    m = _PATH.match(name)
    if not m:
        return name
    kind, i, goal, leaf = m.groups()
    parts = [f"{'Objective' if kind == 'objectives' else 'Resource'} {int(i) + 1}"]
    if goal is not None:
        parts.append(f"micro-goal {int(goal) + 1}")
    if leaf:
        parts.append(_FIELD_WORDS.get(leaf, leaf.replace("_", " ")))
    return ", ".join(parts)


class RecordTable(QWidget):
    """An editable table with Add and Remove buttons (objectives, micro-goals, resources)."""

    def __init__(
        self,
        model: EditableRecordTableModel,
        add_label: str,
        stretch_column: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.view = QTableView()
        self.view.setModel(model)
        self.view.setItemDelegate(RecordEditDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(add_label)
        self.view.setAccessibleName(add_label.replace("&", "").removeprefix("Add ").rstrip("…"))
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def selected_row(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select_row(self, row: int) -> None:
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def start_editing(self, row: int) -> None:
        """Open the first cell of a new row for typing (selecting it may have done so)."""
        index = self.model.index(row, 0)
        self.view.setFocus()
        if self.view.state() != QAbstractItemView.State.EditingState:
            self.view.edit(index)

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row >= 0:
            self.model.remove(row)

    def set_editable(self, editable: bool) -> None:
        self.model.read_only = not editable
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)


class PlanDialog(RecordDialog):
    """Create, edit (before agreement) or revise (after agreement) a case's coaching plan."""

    def __init__(
        self,
        services: Any,
        case_id: int,
        plan: CoachingPlan | None = None,
        parent: QWidget | None = None,
    ) -> None:
        today = services.clock.today()
        self.mode = "new" if plan is None else ("revise" if plan.is_agreed else "edit")
        title = {
            "new": "New coaching plan",
            "edit": f"Edit coaching plan v{plan.version}" if plan else "",
            "revise": f"Revise coaching plan v{plan.version}" if plan else "",
        }[self.mode]
        super().__init__(title, today, parent)
        self.services = services
        self.case_id = case_id
        self.original = plan
        employee = services.cases.employee_of(services.cases.get(case_id))
        start = plan.starts_on if plan else today
        self.starts_on = self.add_field("starts_on", "Plan starts:", date_edit(start))
        self.ends_on = self.add_field(
            "ends_on",
            "Plan ends:",
            date_edit(plan.ends_on if plan else start + timedelta(weeks=12)),
        )
        self.manager = self.add_field(
            "manager", "Manager who runs it:", QLineEdit(plan.manager if plan else employee.manager)
        )
        self.hr_officer = self.add_field(
            "hr_officer",
            "HR officer:",
            QLineEdit(plan.hr_officer if plan else services.officer.name),
        )
        self.sponsor = self.add_field(
            "executive_sponsor",
            "Executive sponsor:",
            QLineEdit(plan.executive_sponsor if plan else ""),
        )

        # objectives and their micro-goals
        self.objectives = RecordTable(ObjectiveTableModel(self), "Add objective")
        self.goals = RecordTable(MicroGoalTableModel(self), "Add micro-goal")
        self.goals_label = QLabel("Micro-goals of the selected objective")
        self.objectives.add_button.clicked.connect(self.add_objective)
        self.goals.add_button.clicked.connect(self.add_micro_goal)
        self.objectives.view.selectionModel().selectionChanged.connect(
            lambda *_: self._show_goals()
        )
        objectives_page = QWidget()
        box = QVBoxLayout(objectives_page)
        objectives_form = self._sub_form()
        self.add_field("objectives", "", self.objectives, objectives_form)
        box.addLayout(objectives_form, 3)
        box.addWidget(self.goals_label)
        box.addWidget(self.goals, 2)
        self.resources = RecordTable(ResourceTableModel(self), "Add resource", 1)
        self.resources.add_button.clicked.connect(self.add_resource)
        resources_page = QWidget()
        resources_form = self._sub_form(resources_page)
        self.add_field("resources", "", self.resources, resources_form)

        # agreement (and, for a revision, its reason)
        agreement = QGroupBox("Agreement with the employee")
        agreement_form = self._sub_form(agreement)
        self.walked_through = QCheckBox("Walked through with the employee")
        self.agreed_on = date_edit(today)
        self.agreed_choice = QComboBox()
        self.agreed_choice.addItem("Agreed", True)
        self.agreed_choice.addItem("Did not agree", False)
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText("The employee's comment (required if they disagree)")
        self.comment.setMaximumHeight(70)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Why the plan changes")
        if self.mode == "revise":
            self.add_field(
                "revision_reason", "Reason for the revision:", self.reason, agreement_form
            )
            self.walked_through.setChecked(True)
            self.walked_through.setEnabled(False)
            self.walked_through.setText("Walked through the revision (a new agreement date)")
        else:
            self.reason.hide()
            if plan is not None and plan.agreed_on:
                self.agreed_on.setDate(to_qdate(plan.agreed_on))
        agreement_form.addRow(self.walked_through)
        self.add_field("agreed_on", "On:", self.agreed_on, agreement_form)
        self.add_field("employee_agreed", "Employee:", self.agreed_choice, agreement_form)
        self.add_field("employee_comment", "Comment:", self.comment, agreement_form)
        self.watch("agreed_on", self.walked_through)
        self.walked_through.toggled.connect(self._agreement_enabled)

        tabs = QTabWidget()
        tabs.addTab(objectives_page, "Objectives and micro-goals")
        tabs.addTab(resources_page, "Resources")
        agreement_page = QWidget()
        agreement_box = QVBoxLayout(agreement_page)
        agreement_box.addWidget(agreement)
        agreement_box.addStretch(1)
        tabs.addTab(agreement_page, "Agreement")
        self.tabs = tabs
        self.body.addLayout(self.form)
        self.body.addWidget(tabs, 1)
        for model, name in (
            (self.objectives.model, "objectives"),
            (self.goals.model, "objectives"),
            (self.resources.model, "resources"),
        ):
            model.on_change = lambda n=name: self._changed(n)
        self.goals.model.on_change = self._goals_changed

        if plan is not None:
            self.objectives.model.set_records(plan.objectives)
            self.resources.model.set_records(plan.resources)
            self.walked_through.setChecked(self.mode == "revise" or plan.is_agreed)
            if plan.employee_agreed is not None and self.mode == "edit":
                self.agreed_choice.setCurrentIndex(0 if plan.employee_agreed else 1)
            if self.mode == "edit":
                self.comment.setPlainText(plan.employee_comment)
        if self.objectives.model.rowCount():
            self.objectives.select_row(0)
        self._show_goals()
        self._agreement_enabled()
        self.resize(980, 680)
        self.finish()

    @staticmethod
    def _sub_form(parent: QWidget | None = None) -> QFormLayout:
        form = QFormLayout(parent) if parent is not None else QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        return form

    # -- table actions -------------------------------------------------------------------
    def _period(self) -> tuple[date, date]:
        return from_qdate(self.starts_on.date()), from_qdate(self.ends_on.date())

    def add_objective(self) -> int:
        start, end = self._period()
        row = self.objectives.model.append(
            Objective(title="", measure="", baseline=None, target=None, due_on=end)
        )
        self.objectives.select_row(row)
        self.objectives.start_editing(row)
        return row

    def add_micro_goal(self) -> int:
        row = self.objectives.selected_row()
        if row < 0:
            return -1
        start, _end = self._period()
        due = max(start, self.today) + timedelta(weeks=2)
        goal_row = self.goals.model.append(MicroGoal(title="", due_on=due))
        self.goals.select_row(goal_row)
        self.goals.start_editing(goal_row)
        return goal_row

    def add_resource(self) -> int:
        start, _end = self._period()
        row = self.resources.model.append(
            PlanResource(ResourceKind.COACHING, "", "", max(start, self.today))
        )
        self.resources.select_row(row)
        return row

    def _show_goals(self) -> None:
        row = self.objectives.selected_row()
        objective = self.objectives.model.record_at(row)
        saved = self.goals.model.on_change
        self.goals.model.on_change = None
        self.goals.model.set_records(objective.micro_goals if objective else ())
        self.goals.model.on_change = saved
        self.goals.add_button.setEnabled(objective is not None and not self.goals.model.read_only)
        title = objective.title if objective and objective.title else "the selected objective"
        self.goals_label.setText(f"Micro-goals of {title}")
        self._update_cell_problems()

    def _goals_changed(self) -> None:
        row = self.objectives.selected_row()
        if row >= 0:
            self.objectives.model.set_micro_goals(row, self.goals.model.records())

    def _agreement_enabled(self) -> None:
        on = self.walked_through.isChecked()
        for w in (self.agreed_on, self.agreed_choice, self.comment):
            w.setEnabled(on)

    # -- record --------------------------------------------------------------------------
    def make_record(self, problems: ValidationReport) -> CoachingPlan:
        start, end = self._period()
        walked = self.walked_through.isChecked()
        base = self.original or CoachingPlan(
            case_id=self.case_id, starts_on=start, ends_on=end, manager="", hr_officer=""
        )
        return replace(
            base,
            starts_on=start,
            ends_on=end,
            manager=self.manager.text().strip(),
            hr_officer=self.hr_officer.text().strip(),
            executive_sponsor=self.sponsor.text().strip(),
            objectives=self.objectives.model.records(),
            resources=self.resources.model.records(),
            agreed_on=from_qdate(self.agreed_on.date()) if walked else None,
            employee_agreed=self.agreed_choice.currentData() if walked else None,
            employee_comment=self.comment.toPlainText().strip() if walked else "",
            version=base.version + 1 if self.mode == "revise" else base.version,
            revision_reason=self.reason.text().strip()
            if self.mode == "revise"
            else base.revision_reason,
        )

    def validate_record(self, record: CoachingPlan) -> ValidationReport:
        report = record.validate(self.today)
        if self.mode == "revise" and self.original is not None:
            if record.agreed_on and record.agreed_on < self.original.agreed_on:
                report.error(
                    "agreed_on",
                    "The new agreement date cannot be before the "
                    f"previous one ({self.original.agreed_on.isoformat()}).",
                )
            if content_equal(self.original, record):
                report.error("objectives", "Change the plan to revise it (nothing changed yet).")
        return report

    def save_record(self, record: CoachingPlan) -> CoachingPlan:
        plans = self.services.plans
        if self.mode == "new":
            return plans.create(record)
        if self.mode == "edit":
            return plans.save(record)
        return plans.revise(
            replace(record, version=self.original.version),
            record.revision_reason,
            record.agreed_on,
            bool(record.employee_agreed),
            record.employee_comment,
        )

    # -- showing problems ----------------------------------------------------------------
    def _show(self, report: ValidationReport) -> None:
        super()._show(report)
        self._update_cell_problems()

    def _update_cell_problems(self) -> None:
        report = self.report
        self.objectives.model.set_problems(problems_by_row(report, "objectives"))
        self.resources.model.set_problems(problems_by_row(report, "resources"))
        row = self.objectives.selected_row()
        self.goals.model.set_problems(
            problems_by_row(report, f"objectives[{row}].micro_goals") if row >= 0 else {}
        )

    def _label(self, problem: Problem) -> str:
        if _PATH.match(problem.field):
            return friendly_field(problem.field)
        return super()._label(problem) or problem.field.capitalize()


class ProgressDialog(RecordDialog):
    """A dated progress entry against one objective; 'milestone achieved' is good news."""

    def __init__(
        self, services: Any, case_id: int, plan: CoachingPlan, parent: QWidget | None = None
    ) -> None:
        super().__init__("Add progress", services.clock.today(), parent)
        self.services = services
        self.case_id = case_id
        self.objective = QComboBox()
        for obj in plan.objectives:
            self.objective.addItem(obj.title or obj.measure, obj.uid)
        self.add_field("objective_uid", "Objective:", self.objective)
        self.recorded_on = self.add_field("recorded_on", "Date:", date_edit(self.today))
        self.value = self.add_field("value", "Measured value:", QLineEdit())
        self.value.setPlaceholderText("optional, e.g. 34")
        self.note = self.add_field("note", "What happened:", QPlainTextEdit())
        self.milestone = QCheckBox("A milestone was achieved (shown as good news on the timeline)")
        self.form.addRow(self.milestone)
        self.body.addLayout(self.form)
        self.finish()

    def make_record(self, problems: ValidationReport) -> ProgressUpdate:
        try:
            value = parse_number(self.value.text())
        except ValueError:
            problems.error("value", "Write the value as a number, e.g. 34 or 2.5.")
            value = None
        return ProgressUpdate(
            case_id=self.case_id,
            objective_uid=self.objective.currentData() or "",
            recorded_on=from_qdate(self.recorded_on.date()),
            note=self.note.toPlainText().strip(),
            value=value,
            milestone_achieved=self.milestone.isChecked(),
        )

    def save_record(self, record: ProgressUpdate) -> ProgressUpdate:
        return self.services.plans.add_progress(record)
