"""The plan editor's outline: choosing a line shows its form, and lines are added, removed
and moved (objectives, their micro-goals, resources).

A mixin for `PlanDialog` (which builds ``outline``, ``tree``, the detail forms and the outline's
buttons), placed first among its bases so these stay the dialog's own versions. Its words keep
the dialog's translation context.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel
from PySide6.QtWidgets import QLabel, QStackedWidget

from app.domain.plans.plans import MicroGoal, Objective, PlanResource, ResourceKind
from app.models.plans.plan_outline_model import (
    GOAL,
    GROUP,
    OBJECTIVE,
    RESOURCE,
    RESOURCES_GROUP,
    OutlineRef,
)
from app.views.plans.plan_detail_forms import (
    DetailForm,
    MicroGoalForm,
    ObjectiveForm,
    ResourceForm,
)
from app.views.widgets.record_dialog import from_qdate


class PlanOutlineEditing:
    """Mixed into PlanDialog: the outline on the left and the form it shows on the right."""

    outline: Any
    tree: Any
    line: OutlineRef | None
    today: date
    starts_on: Any
    ends_on: Any
    objective_form: ObjectiveForm
    goal_form: MicroGoalForm
    resource_form: ResourceForm
    hint: QLabel
    details: QStackedWidget
    add_goal_button: Any
    remove_button: Any
    up_button: Any
    down_button: Any
    _loading: bool
    _typed: dict[str, dict[str, str]]
    _touched_paths: set[str]

    def _period(self) -> tuple[date, date]:
        return from_qdate(self.starts_on.date()), from_qdate(self.ends_on.date())

    def select(self, ref: OutlineRef) -> None:
        index = self.outline.index_of(ref)
        self.tree.expand(index.parent())
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._current_changed()

    def _objective_row(self) -> int:
        ref = self.line
        if ref is not None and ref.kind in (OBJECTIVE, GOAL):
            return ref.i
        return len(self.outline.objectives()) - 1

    def add_objective(self) -> int:
        _start, end = self._period()
        ref = self.outline.add_objective(
            Objective(title="", measure="", baseline=None, target=None, due_on=end)
        )
        self._added(ref)
        return ref.i

    def add_micro_goal(self) -> int:
        row = self._objective_row()
        if row < 0:
            return -1
        start, _end = self._period()
        due = max(start, self.today) + timedelta(weeks=2)
        ref = self.outline.add_goal(row, MicroGoal(title="", due_on=due))
        self._added(ref)
        return ref.j

    def add_resource(self) -> int:
        start, _end = self._period()
        ref = self.outline.add_resource(
            PlanResource(ResourceKind.COACHING, "", "", max(start, self.today))
        )
        self._added(ref)
        return ref.i

    def _added(self, ref: OutlineRef) -> None:
        self.select(ref)
        form = self._form_for(ref)
        if form is not None:
            form.first_widget().setFocus()

    def remove_current(self) -> None:
        if self.line is None or self.line.kind == GROUP:
            return
        self._forget_lines()
        after = self.outline.remove(self.line)
        if after is not None:
            self.select(after)
        self.tree.setFocus()

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(+1)

    def _move(self, delta: int) -> None:
        if self.line is None or self.line.kind == GROUP:
            return
        self._forget_lines()
        self.select(self.outline.move(self.line, delta))
        self.tree.setFocus()

    def _forget_lines(self) -> None:
        """Lines shift on remove and move: their typed-but-unread numbers go with them."""
        self._typed.clear()
        self._touched_paths.clear()

    def _form_for(self, ref: OutlineRef | None) -> DetailForm | None:
        kind = ref.kind if ref else None
        return {
            OBJECTIVE: self.objective_form,
            GOAL: self.goal_form,
            RESOURCE: self.resource_form,
        }.get(kind)

    def _current_changed(self) -> None:
        ref = self.outline.ref(self.tree.currentIndex())
        if ref is not None and ref.kind != GROUP and self.outline.record(ref) is None:
            ref = None
        self.line = ref
        self._loading = True
        try:
            form = self._form_for(ref)
            if form is None:
                self.hint.setText(self._hint_text(ref))
                self.details.setCurrentWidget(self.hint)
            else:
                self._load(form, ref)
                self.details.setCurrentWidget(form)
        finally:
            self._loading = False
        self._sync_touched()
        self._update_buttons()
        self.revalidate()

    def _hint_text(self, ref: OutlineRef | None) -> str:
        if ref is not None and ref.i == RESOURCES_GROUP:
            return QCoreApplication.translate(
                "PlanDialog",
                "Resources are the support the employee gets: coaching, training, mentoring, "
                "a change of workload. Add one with Add resource (Alt+R).",
            )
        return QCoreApplication.translate(
            "PlanDialog",
            "Objectives say what should improve, from a baseline to a target by a date. Add "
            "one with Add objective (Alt+O), then break it into micro-goals (Alt+M): small "
            "steps with their own dates.",
        )

    def _load(self, form: DetailForm, ref: OutlineRef) -> None:
        record = self.outline.record(ref)
        typed = self._typed.get(ref.path, {})
        _start, end = self._period()
        form.load(record, end, typed)

    def _update_buttons(self) -> None:
        ref = self.line
        line = ref is not None and ref.kind != GROUP
        self.add_goal_button.setEnabled(self._objective_row() >= 0)
        self.remove_button.setEnabled(line)
        self.up_button.setEnabled(line)
        self.down_button.setEnabled(line)
