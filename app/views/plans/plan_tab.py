"""The Plan tab of a case: the active coaching plan, its progress and its revision history.

Creating and editing happen in `PlanDialog`; once the employee has been walked through the
plan the tab offers "Revise plan…" instead of "Edit plan…", so a change after agreement is
always a new, visible version. Micro-goals are ticked off here (tracking, not a revision).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.plans import CoachingPlan, MicroGoal, MicroGoalStatus, PlanResource
from app.models.record_table_model import RecordColumn, one_line, when
from app.models.theme import tone
from app.services.errors import VaultError
from app.services.plan_service import PlanRevision
from app.views.case.case_tab import CaseTab, detail_browser
from app.views.plans.plan_dialog import PlanDialog, ProgressDialog
from app.views.widgets.record_list_section import RecordListSection


@dataclass(frozen=True)
class GoalRow:
    """A micro-goal with the objective it belongs to, for the flat list."""

    objective: str
    goal: MicroGoal
    id: None = None


@dataclass(frozen=True)
class ObjectiveRow:
    title: str
    summary: str
    latest: str
    open_goals: int
    category: str
    id: None = None


def _section(
    title: str,
    columns: tuple[RecordColumn, ...],
    empty: str,
    stretch: int,
    extra: list | None = None,
) -> RecordListSection:
    section = RecordListSection(
        title, columns, "", stretch_column=stretch, extra_buttons=extra or []
    )
    section.new_button.hide()
    section.edit_button.hide()
    section.set_empty_text(empty)
    return section


def plan_html(plan: CoachingPlan, changes: tuple[str, ...] = ()) -> str:
    e = html.escape
    agreed = (
        "not yet walked through with the employee"
        if not plan.agreed_on
        else f"walked through on {plan.agreed_on.isoformat()}: "
        + ("agreed" if plan.employee_agreed else "did not agree")
    )
    parts = [
        f"<h3>Plan v{plan.version} ({e(plan.status.label.lower())})</h3>",
        f"<p>{plan.starts_on.isoformat()} – {plan.ends_on.isoformat()}; {e(agreed)}</p>",
    ]
    if plan.employee_comment:
        parts.append(f"<p><i>Employee's comment:</i> {e(plan.employee_comment)}</p>")
    if plan.revision_reason:
        parts.append(f"<p><i>Why revised:</i> {e(plan.revision_reason)}</p>")
    if changes:
        parts.append(
            "<p><b>Changes from the previous version</b></p><ul>"
            + "".join(f"<li>{e(c)}</li>" for c in changes)
            + "</ul>"
        )
    parts.append(
        f"<p>Manager {e(plan.manager)} · HR officer {e(plan.hr_officer)} · "
        f"Executive sponsor {e(plan.executive_sponsor or '—')}</p><ol>"
    )
    for o in plan.objectives:
        goals = "".join(
            f"<li>{e(g.title)} — due {g.due_on.isoformat()} ({g.status.label})</li>"
            for g in o.micro_goals
        )
        parts.append(
            f"<li><b>{e(o.title)}</b>: {e(o.summary)}"
            + (f"<ul>{goals}</ul>" if goals else "")
            + "</li>"
        )
    parts.append("</ol>")
    if plan.resources:
        parts.append(
            "<p><b>Resources</b></p><ul>"
            + "".join(
                f"<li>{e(r.kind.label)}: {e(r.description)} — {e(r.provider)}"
                + (f", by {r.by_date.isoformat()}" if r.by_date else "")
                + "</li>"
                for r in plan.resources
            )
            + "</ul>"
        )
    return "".join(parts)


class PlanTab(CaseTab):
    def __init__(self, services: Any, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(services, case_id, parent)
        self.plan: CoachingPlan | None = None
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.create_button = QPushButton("Create plan…")
        self.edit_button = QPushButton("Edit plan…")
        self.revise_button = QPushButton("Revise plan…")
        self.progress_button = QPushButton("Add progress…")
        self.create_button.clicked.connect(self.create_plan)
        self.edit_button.clicked.connect(self.edit_plan)
        self.revise_button.clicked.connect(self.edit_plan)
        self.progress_button.clicked.connect(self.add_progress)
        buttons = QHBoxLayout()
        for b in (self.create_button, self.edit_button, self.revise_button, self.progress_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.objectives = _section(
            "Objectives",
            (
                RecordColumn("Objective", lambda r: r.title),
                RecordColumn("From → to", lambda r: r.summary, tooltip=lambda r: r.summary),
                RecordColumn(
                    "Latest progress", lambda r: one_line(r.latest, 60), tooltip=lambda r: r.latest
                ),
                RecordColumn(
                    "Open micro-goals", lambda r: str(r.open_goals), sort=lambda r: r.open_goals
                ),
            ),
            "No plan yet.",
            1,
        )
        self.goals = _section(
            "Micro-goals",
            (
                RecordColumn("Due", lambda r: when(r.goal.due_on), sort=lambda r: r.goal.due_on),
                RecordColumn("Micro-goal", lambda r: r.goal.title),
                RecordColumn("Objective", lambda r: r.objective),
                RecordColumn("Status", lambda r: r.goal.status.label),
                RecordColumn(
                    "Note", lambda r: one_line(r.goal.note, 60), tooltip=lambda r: r.goal.note
                ),
            ),
            "No micro-goals.",
            1,
            [
                ("Mark done", lambda: self.mark(MicroGoalStatus.DONE)),
                ("Mark missed…", lambda: self.mark(MicroGoalStatus.MISSED)),
                ("Reopen", lambda: self.mark(MicroGoalStatus.OPEN)),
            ],
        )
        self.resources = _section(
            "Resources",
            (
                RecordColumn("Resource", lambda r: r.kind.label),
                RecordColumn("What", lambda r: r.description),
                RecordColumn("Provided by", lambda r: r.provider),
                RecordColumn("By", lambda r: when(r.by_date), sort=lambda r: r.by_date),
            ),
            "No resources committed.",
            1,
        )
        self.progress = _section(
            "Progress",
            (
                RecordColumn("Date", lambda u: when(u.recorded_on), sort=lambda u: u.recorded_on),
                RecordColumn("Objective", lambda u: self._objective_title(u.objective_uid)),
                RecordColumn(
                    "Value",
                    lambda u: "" if u.value is None else f"{u.value:g}",
                    sort=lambda u: u.value if u.value is not None else float("-inf"),
                ),
                RecordColumn(
                    "What happened", lambda u: one_line(u.note, 80), tooltip=lambda u: u.note
                ),
                RecordColumn("Milestone", lambda u: "★ achieved" if u.milestone_achieved else ""),
            ),
            "No progress recorded yet.",
            3,
        )
        self.history = _section(
            "Versions",
            (
                RecordColumn("Version", lambda r: r.title, sort=lambda r: r.plan.version),
                RecordColumn(
                    "Created", lambda r: when(r.plan.created_on), sort=lambda r: r.plan.created_on
                ),
                RecordColumn(
                    "Reason", lambda r: one_line(r.plan.revision_reason or "First plan", 80)
                ),
                RecordColumn(
                    "Changes", lambda r: str(len(r.changes)), sort=lambda r: len(r.changes)
                ),
            ),
            "No versions.",
            2,
        )
        self.history.selection_changed.connect(self._show_version)
        self.objectives.selection_changed.connect(lambda _r: self._show_plan())
        self.goals.selection_changed.connect(lambda _r: self._update_buttons())

        self.sections = QTabWidget()
        self.sections.addTab(self.objectives, "Objectives")
        self.sections.addTab(self.goals, "Micro-goals")
        self.sections.addTab(self.resources, "Resources")
        self.sections.addTab(self.progress, "Progress")
        self.sections.addTab(self.history, "Revision history")
        self.detail = detail_browser()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.sections)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self._titles: dict[str, str] = {}
        self._update_buttons()

    # -- showing -------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.services is None:
            return
        plans = self.services.plans
        self.plan = plans.active(self.case_id)
        history: list[PlanRevision] = plans.history(self.case_id)
        progress = plans.progress(self.case_id)
        self._titles = {o.uid: o.title for r in history for o in r.plan.objectives}
        latest: dict[str, str] = {}
        for u in progress:
            value = f"{u.value:g}: " if u.value is not None else ""
            latest[u.objective_uid] = f"{u.recorded_on.isoformat()} {value}{u.note}"
        plan = self.plan
        self.objectives.set_records(
            [
                ObjectiveRow(
                    o.title,
                    o.summary,
                    latest.get(o.uid, "—"),
                    sum(1 for g in o.micro_goals if g.status is MicroGoalStatus.OPEN),
                    o.category.label,
                )
                for o in (plan.objectives if plan else ())
            ]
        )
        self.goals.set_records(
            [GoalRow(o.title, g) for o in (plan.objectives if plan else ()) for g in o.micro_goals]
        )
        resources: tuple[PlanResource, ...] = plan.resources if plan else ()
        self.resources.set_records(list(resources))
        self.progress.set_records(progress)
        self.history.set_records(history)
        self.header.setText(self._header_text(plan))
        self._show_plan()
        self._update_buttons()

    def _header_text(self, plan: CoachingPlan | None) -> str:
        if plan is None:
            return (
                "<b>No coaching plan yet.</b> Create one with objectives, micro-goals, "
                "resources and the people who support it."
            )
        e = html.escape
        if plan.agreed_on is None:
            warning = tone("warning").name()
            agreed = (
                f"<span style='color:{warning}'>not yet walked through with the employee</span>"
            )
        elif plan.employee_agreed:
            agreed = f"agreed by the employee on {plan.agreed_on.isoformat()}"
        else:
            agreed = (
                f"<span style='color:{tone('error').name()}'>employee did not agree "
                f"({plan.agreed_on.isoformat()})</span>"
            )
        kind = "Plan" if plan.version == 1 else "Revision"
        return (
            f"<b>{kind} v{plan.version}</b> · {plan.starts_on.isoformat()} – "
            f"{plan.ends_on.isoformat()} · {agreed}<br>Manager {e(plan.manager)} · "
            f"HR officer {e(plan.hr_officer)} · Executive sponsor "
            f"{e(plan.executive_sponsor or '—')}"
        )

    def _objective_title(self, uid: str) -> str:
        return self._titles.get(uid, "—")

    def _show_plan(self) -> None:
        self.detail.setHtml(plan_html(self.plan) if self.plan else "")

    def _show_version(self, revision: PlanRevision | None) -> None:
        if revision is not None:
            self.detail.setHtml(plan_html(revision.plan, revision.changes))

    def _update_buttons(self) -> None:
        plan = self.plan
        writable = not self.read_only and self.services is not None
        self.create_button.setVisible(plan is None)
        self.create_button.setEnabled(writable)
        self.edit_button.setVisible(plan is not None and not plan.is_agreed)
        self.revise_button.setVisible(plan is not None and plan.is_agreed)
        self.edit_button.setEnabled(writable)
        self.revise_button.setEnabled(writable)
        self.progress_button.setEnabled(writable and plan is not None)
        chosen = self.goals.selected()
        for b in self.goals.extra_buttons:
            b.setEnabled(writable and chosen is not None)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self._update_buttons()

    def clear(self) -> None:
        self.plan = None
        for section in (self.objectives, self.goals, self.resources, self.progress, self.history):
            section.clear()
        self.detail.clear()
        self.header.clear()
        self._titles = {}
        super().clear()

    # -- actions -------------------------------------------------------------------------
    def create_plan(self) -> Any:
        return self.run_dialog(PlanDialog(self.services, self.case_id, None, self))

    def edit_plan(self) -> Any:
        if self.plan is None:
            return None
        return self.run_dialog(PlanDialog(self.services, self.case_id, self.plan, self))

    def add_progress(self) -> Any:
        if self.plan is None:
            return None
        return self.run_dialog(ProgressDialog(self.services, self.case_id, self.plan, self))

    def mark(self, status: MicroGoalStatus, note: str | None = None) -> bool:
        chosen: GoalRow | None = self.goals.selected()
        if chosen is None or self.services is None:
            return False
        if note is None:
            note = chosen.goal.note
            if status is MicroGoalStatus.MISSED:
                note, ok = QInputDialog.getText(
                    self, "Micro-goal missed", "Why was it missed?", text=note
                )
                if not ok:
                    return False
        try:
            self.services.plans.set_micro_goal(self.case_id, chosen.goal.uid, status, note)
        except (ValueError, VaultError) as exc:
            self.warn("Micro-goal not changed", str(exc))
            return False
        self.refresh()
        self.changed.emit()
        return True
