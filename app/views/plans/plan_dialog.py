"""The coaching plan editor: an outline of objectives → micro-goals → resources, and a form.

`PlanDialog` works in three modes: a new plan, an edit of a plan the employee has not yet been
walked through, and a *revision* of an agreed plan (which needs a reason and a new agreement
date, and is stored as a new version). The outline on the left holds every objective with its
micro-goals, then the resources; the form on the right edits the line chosen. Lines are added,
removed and moved with the buttons under the outline or from the keyboard (Delete, Alt+Up,
Alt+Down). One screen, no tabs: the plan's people and dates above, the agreement below.
Problems appear under the field they concern once it was edited (or Save was pressed), and the
outline marks the lines that still have some. The outline's editing is `PlanOutlineEditing`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from app.domain.plans.plans import (
    CoachingPlan,
    content_equal,
)
from app.domain.validation import ValidationReport
from app.models.plans.plan_outline_model import (
    GROUP,
    OBJECTIVE,
    OBJECTIVES_GROUP,
    OutlineRef,
    PlanOutlineModel,
)
from app.models.ui_formats import ui_formats
from app.views.plans.plan_agreement import AgreementBox
from app.views.plans.plan_detail_forms import (
    MicroGoalForm,
    ObjectiveForm,
    ResourceForm,
)
from app.views.plans.plan_outline_editing import PlanOutlineEditing
from app.views.plans.plan_outline_view import PlanOutlineView
from app.views.plans.plan_problems import PlanProblems
from app.views.widgets.record_dialog import RecordDialog, date_edit


class PlanDialog(PlanOutlineEditing, PlanProblems, RecordDialog):
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
        super().__init__("", today, parent)
        if plan is None:
            self.setWindowTitle(self.tr("New coaching plan"))
        elif self.mode == "edit":
            self.setWindowTitle(self.tr("Edit coaching plan v{v}").format(v=plan.version))
        else:
            self.setWindowTitle(self.tr("Revise coaching plan v{v}").format(v=plan.version))
        self.services = services
        self.case_id = case_id
        self.original = plan
        self.line: OutlineRef | None = None
        self._loading = True  # widgets filled while building are not edits
        self._touched_paths: set[str] = set()
        self._typed: dict[str, dict[str, str]] = {}  # line path → numbers kept as typed
        employee = services.cases.employee_of(services.cases.get(case_id))

        # the plan's dates and people, in two columns
        dates, people = self._sub_form(), self._sub_form()
        start = plan.starts_on if plan else today
        self.starts_on = self.add_field(
            "starts_on", self.tr("Plan starts:"), date_edit(start), dates
        )
        end = plan.ends_on if plan else start + timedelta(weeks=12)
        self.ends_on = self.add_field("ends_on", self.tr("Plan ends:"), date_edit(end), dates)
        self.manager = self.add_field(
            "manager",
            self.tr("Manager who runs it:"),
            QLineEdit(plan.manager if plan else employee.manager),
            people,
        )
        self.hr_officer = self.add_field(
            "hr_officer",
            self.tr("HR officer:"),
            QLineEdit(plan.hr_officer if plan else services.officer.name),
            people,
        )
        self.sponsor = self.add_field(
            "executive_sponsor",
            self.tr("Executive sponsor:"),
            QLineEdit(plan.executive_sponsor if plan else ""),
            people,
        )
        self.sponsor.setPlaceholderText(self.tr("The senior person who backs the plan"))
        top = QHBoxLayout()
        top.addLayout(dates, 1)
        top.addSpacing(24)
        top.addLayout(people, 1)

        # the outline and the form beside it
        self.outline = PlanOutlineModel(self)
        left = PlanOutlineView(self.outline)
        self.outline_view = left
        self.tree = left.tree
        self.add_objective_button = left.add_objective_button
        self.add_goal_button = left.add_goal_button
        self.add_resource_button = left.add_resource_button
        self.remove_button = left.remove_button
        self.up_button = left.up_button
        self.down_button = left.down_button
        self.add_objective_button.clicked.connect(self.add_objective)
        self.add_goal_button.clicked.connect(self.add_micro_goal)
        self.add_resource_button.clicked.connect(self.add_resource)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(self.move_up)
        self.down_button.clicked.connect(self.move_down)
        left.remove_requested.connect(self.remove_current)
        left.move_requested.connect(self._move)
        outline_form = self._sub_form()
        outline_form.setContentsMargins(0, 0, 0, 0)
        self.add_field("outline", "", left, outline_form, also=("objectives", "resources"))
        self._rows["outline"].label = self.tr("Objectives")
        outline_holder = QWidget()
        outline_holder.setLayout(outline_form)

        self.objective_form = ObjectiveForm()
        self.goal_form = MicroGoalForm()
        self.resource_form = ResourceForm()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.hint.setObjectName("planHint")
        self.hint.setContentsMargins(8, 4, 8, 4)
        self.details = QStackedWidget()
        self.details.addWidget(self.hint)
        for form in (self.objective_form, self.goal_form, self.resource_form):
            for name, label, widget in form.fields:
                self.add_field(f"{form.kind}.{name}", label, widget, form.form)
            self.details.addWidget(form)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("planSplitter")
        splitter.addWidget(outline_holder)
        details_scroll = QScrollArea()
        details_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take focus
        details_scroll.setWidgetResizable(True)
        details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        details_scroll.setWidget(self.details)
        splitter.addWidget(details_scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        # agreement (and, for a revision, its reason)
        self.agreement = AgreementBox(self, self.mode, plan)
        self.walked_through = self.agreement.walked_through
        self.agreed_on = self.agreement.agreed_on
        self.agreed_choice = self.agreement.agreed_choice
        self.comment = self.agreement.comment
        self.reason = self.agreement.reason

        self.body.addLayout(top)
        self.body.addWidget(splitter, 1)
        self.body.addWidget(self.agreement)

        self.outline.on_change = lambda: self._changed("outline")
        if plan is not None:
            self.outline.set_plan(plan.objectives, plan.resources)
        self.tree.expandAll()
        self._loading = False
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._current_changed())
        first = OutlineRef(OBJECTIVE, 0) if plan and plan.objectives else None
        self.select(first or OutlineRef(GROUP, OBJECTIVES_GROUP))
        self._set_tab_order()
        self.resize(1120, 720)
        self.finish()

    def _set_tab_order(self) -> None:
        """People and dates, the outline, the chosen line's form, the outline's buttons, then
        the agreement: Tab goes from a line straight to its fields."""
        chain: list[QWidget] = [
            self.starts_on, self.ends_on, self.manager, self.hr_officer, self.sponsor, self.tree,
        ]  # fmt: skip
        for form in (self.objective_form, self.goal_form, self.resource_form):
            chain += [w for _n, _l, w in form.fields]
        chain += list(self.outline_view.buttons())
        if self.mode == "revise":
            chain.append(self.reason)
        chain += [self.walked_through, self.agreed_on, self.agreed_choice, self.comment]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    @staticmethod
    def _sub_form() -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        return form

    # -- edits in the form ---------------------------------------------------------------
    def _changed(self, name: str) -> None:
        if self._loading:
            return
        kind, _, leaf = name.partition(".")
        if leaf and self.line is not None and kind == self.line.kind:
            form = self._form_for(self.line)
            typed: dict[str, str] = {}
            record = form.read(self.outline.record(self.line), typed)
            self._typed[self.line.path] = typed
            self._touched_paths.add(f"{self.line.path}.{leaf}")
            self.outline.put(self.line, record)  # calls back with "outline"
        super()._changed(name)

    # -- record --------------------------------------------------------------------------
    def make_record(self, problems: ValidationReport) -> CoachingPlan:
        start, end = self._period()
        for line, typed in self._typed.items():
            for leaf in typed:
                problems.error(
                    f"{line}.{leaf}",
                    self.tr("Write it as a number, e.g. 28 or 2.5 (or leave it blank)."),
                )
        base = self.original or CoachingPlan(
            case_id=self.case_id, starts_on=start, ends_on=end, manager="", hr_officer=""
        )
        agreement = self.agreement.values(base)
        return replace(
            base,
            starts_on=start,
            ends_on=end,
            manager=self.manager.text().strip(),
            hr_officer=self.hr_officer.text().strip(),
            executive_sponsor=self.sponsor.text().strip(),
            objectives=self.outline.objectives(),
            resources=self.outline.resources(),
            version=base.version + 1 if self.mode == "revise" else base.version,
            **agreement,
        )

    def validate_record(self, record: CoachingPlan) -> ValidationReport:
        report = record.validate(self.today)
        # A number kept as typed is said once ("write it as a number"), not also as missing.
        typed = {f"{line}.{leaf}" for line, t in self._typed.items() for leaf in t}
        report.problems = [p for p in report.problems if p.field not in typed]
        if self.mode == "revise" and self.original is not None:
            if record.agreed_on and record.agreed_on < self.original.agreed_on:
                report.error(
                    "agreed_on",
                    self.tr(
                        "The new agreement date cannot be before the previous one ({d})."
                    ).format(d=ui_formats().date(self.original.agreed_on)),
                )
            if content_equal(self.original, record):
                report.error(
                    "objectives", self.tr("Change the plan to revise it (nothing changed yet).")
                )
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
