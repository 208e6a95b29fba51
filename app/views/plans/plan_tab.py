"""The Plan tab of a case: the active coaching plan, its progress and its revision history.

One screen, no tabs inside the tab: the plan's outline (objectives → micro-goals, resources)
beside the plan in words, and under them the progress entries and the versions. Creating and
editing happen in `PlanDialog`; once the employee has been walked through the plan the tab
offers "Revise plan…" instead of "Edit plan…", so a change after agreement is always a new,
visible version. Micro-goals are ticked off here (tracking, not a revision).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.domain.plans.plans import CoachingPlan, MicroGoal, MicroGoalStatus
from app.models.case.record_table_model import RecordColumn, one_line, when
from app.models.plans.plan_outline_model import GOAL, GROUP, PlanOutlineModel
from app.models.ui_formats import ui_error, ui_formats, ui_label
from app.services.errors import VaultError
from app.services.plans.plan_service import PlanRevision
from app.views.case.tabs.case_tab import CaseTab, detail_browser
from app.views.plans.plan_dialog import PlanDialog
from app.views.plans.progress_dialog import ProgressDialog
from app.views.widgets.record_list_section import RecordListSection


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


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlanTab", text)


def plan_html(plan: CoachingPlan, changes: tuple[str, ...] = ()) -> str:
    e = html.escape
    agreed = (
        QCoreApplication.translate("PlanTab", "not yet walked through with the employee")
        if not plan.agreed_on
        else QCoreApplication.translate("PlanTab", "walked through on {day}: ").format(
            day=ui_formats().date(plan.agreed_on)
        )
        + (
            QCoreApplication.translate("PlanTab", "agreed")
            if plan.employee_agreed
            else QCoreApplication.translate("PlanTab", "did not agree")
        )
    )
    parts = [
        "<h3>"
        + e(QCoreApplication.translate("PlanTab", "Plan v{v}").format(v=plan.version))
        + f" ({e(ui_label(plan.status).lower())})</h3>",
        f"<p>{ui_formats().date_range(plan.starts_on, plan.ends_on)}; {e(agreed)}</p>",
    ]
    if plan.employee_comment:
        parts.append(
            "<p><i>"
            + e(QCoreApplication.translate("PlanTab", "Employee's comment:"))
            + f"</i> {e(plan.employee_comment)}</p>"
        )
    if plan.revision_reason:
        parts.append(
            "<p><i>"
            + e(QCoreApplication.translate("PlanTab", "Why revised:"))
            + f"</i> {e(plan.revision_reason)}</p>"
        )
    if changes:
        parts.append(
            "<p><b>"
            + e(QCoreApplication.translate("PlanTab", "Changes from the previous version"))
            + "</b></p><ul>"
            + "".join(f"<li>{e(c)}</li>" for c in changes)
            + "</ul>"
        )
    parts.append(
        "<p>"
        + e(
            QCoreApplication.translate(
                "PlanTab", "Manager {manager} · HR officer {officer} · Executive sponsor {sponsor}"
            ).format(
                manager=plan.manager,
                officer=plan.hr_officer,
                sponsor=plan.executive_sponsor or "—",
            )
        )
        + "</p><ol>"
    )
    for o in plan.objectives:
        goals = "".join(
            "<li>"
            + e(
                QCoreApplication.translate("PlanTab", "{goal} — due {day} ({status})").format(
                    goal=g.title, day=ui_formats().date(g.due_on), status=ui_label(g.status)
                )
            )
            + "</li>"
            for g in o.micro_goals
        )
        parts.append(
            f"<li><b>{e(o.title)}</b>: {e(o.summary_in(ui_formats().name))}"
            + (f"<ul>{goals}</ul>" if goals else "")
            + "</li>"
        )
    parts.append("</ol>")
    if plan.resources:
        parts.append(
            "<p><b>"
            + e(QCoreApplication.translate("PlanTab", "Resources"))
            + "</b></p><ul>"
            + "".join(
                f"<li>{e(ui_label(r.kind))}: {e(r.description)} — {e(r.provider)}"
                + (
                    e(
                        QCoreApplication.translate("PlanTab", ", by {day}").format(
                            day=ui_formats().date(r.by_date)
                        )
                    )
                    if r.by_date
                    else ""
                )
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
        self.create_button = QPushButton(self.tr("Create plan…"))
        self.edit_button = QPushButton(self.tr("Edit plan…"))
        self.revise_button = QPushButton(self.tr("Revise plan…"))
        self.progress_button = QPushButton(self.tr("Add progress…"))
        self.history_button = QPushButton(self.tr("&History…"))
        self.history_button.setObjectName("planHistory")
        self.history_button.setToolTip(self.tr("Every version of this plan: who changed what"))
        self.history_button.clicked.connect(lambda: self._history())
        self.create_button.clicked.connect(self.create_plan)
        self.edit_button.clicked.connect(self.edit_plan)
        self.revise_button.clicked.connect(self.edit_plan)
        self.progress_button.clicked.connect(self.add_progress)
        buttons = QHBoxLayout()
        for b in (self.create_button, self.edit_button, self.revise_button, self.progress_button):
            buttons.addWidget(b)
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)

        self.outline = PlanOutlineModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("planTabOutline")
        self.tree.setAccessibleName(self.tr("Objectives, micro-goals and resources"))
        self.tree.setModel(self.outline)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.done_button = QPushButton(self.tr("Mark &done"))
        self.missed_button = QPushButton(self.tr("Mark &missed…"))
        self.reopen_button = QPushButton(self.tr("Re&open"))
        self.done_button.clicked.connect(lambda: self.mark(MicroGoalStatus.DONE))
        self.missed_button.clicked.connect(lambda: self.mark(MicroGoalStatus.MISSED))
        self.reopen_button.clicked.connect(lambda: self.mark(MicroGoalStatus.OPEN))
        self.mark_buttons = (self.done_button, self.missed_button, self.reopen_button)
        marks = QHBoxLayout()
        marks.addWidget(QLabel(self.tr("Chosen micro-goal:")))
        for b, name in zip(
            self.mark_buttons,
            ("markDoneButton", "markMissedButton", "reopenGoalButton"),
            strict=True,
        ):
            b.setObjectName(name)
            marks.addWidget(b)
        marks.addStretch(1)
        outline_box = QWidget()
        outline_layout = QVBoxLayout(outline_box)
        outline_layout.setContentsMargins(0, 0, 0, 0)
        outline_layout.addWidget(self.tree, 1)
        outline_layout.addLayout(marks)
        self.progress = _section(
            self.tr("Progress"),
            (
                RecordColumn(
                    self.tr("Date"), lambda u: when(u.recorded_on), sort=lambda u: u.recorded_on
                ),
                RecordColumn(
                    self.tr("Objective"), lambda u: self._objective_title(u.objective_uid)
                ),
                RecordColumn(
                    self.tr("Value"),
                    lambda u: "" if u.value is None else f"{u.value:g}",
                    sort=lambda u: u.value if u.value is not None else float("-inf"),
                ),
                RecordColumn(
                    self.tr("What happened"),
                    lambda u: one_line(u.note, 80),
                    tooltip=lambda u: u.note,
                ),
                RecordColumn(
                    self.tr("Milestone"),
                    lambda u: self.tr("★ achieved") if u.milestone_achieved else "",
                ),
            ),
            self.tr("No progress recorded yet."),
            3,
        )
        self.history = _section(
            self.tr("Versions"),
            (
                RecordColumn(
                    self.tr("Version"),
                    lambda r: r.title_in(ui_formats().name),
                    sort=lambda r: r.plan.version,
                ),
                RecordColumn(
                    self.tr("Created"),
                    lambda r: when(r.plan.created_on),
                    sort=lambda r: r.plan.created_on,
                ),
                RecordColumn(
                    self.tr("Reason"),
                    lambda r: one_line(r.plan.revision_reason or self.tr("First plan"), 80),
                ),
                RecordColumn(
                    self.tr("Changes"), lambda r: str(len(r.changes)), sort=lambda r: len(r.changes)
                ),
            ),
            self.tr("No versions."),
            2,
        )
        self.history.selection_changed.connect(self._show_version)

        self.detail = detail_browser()
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(outline_box)
        upper.addWidget(self.detail)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.progress)
        lower.addWidget(self.history)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
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
        plan = self.plan
        chosen = self.outline.ref(self.tree.currentIndex())
        self.outline.set_plan(plan.objectives if plan else (), plan.resources if plan else ())
        self.tree.expandAll()
        if chosen is not None and (chosen.kind == GROUP or self.outline.record(chosen)):
            self.tree.setCurrentIndex(self.outline.index_of(chosen))
        self.progress.set_records(progress)
        self.history.set_records(history)
        self.header.setText(self._header_text(plan))
        self._show_plan()
        self._update_buttons()

    def _header_text(self, plan: CoachingPlan | None) -> str:
        if plan is None:
            return (
                "<b>"
                + self.tr("No coaching plan yet.")
                + "</b> "
                + self.tr(
                    "Create one with objectives, micro-goals, resources and the people who "
                    "support it."
                )
            )
        e = html.escape
        if plan.agreed_on is None:
            agreed = "<i>" + self.tr("not yet walked through with the employee") + "</i>"
        elif plan.employee_agreed:
            agreed = self.tr("agreed by the employee on {day}").format(
                day=ui_formats().date(plan.agreed_on)
            )
        else:
            agreed = (
                "<b>"
                + self.tr("employee did not agree ({day})").format(
                    day=ui_formats().date(plan.agreed_on)
                )
                + "</b>"
            )
        kind = self.tr("Plan v{v}") if plan.version == 1 else self.tr("Revision v{v}")
        people = self.tr("Manager {manager} · HR officer {officer} · Executive sponsor {sponsor}")
        return (
            f"<b>{e(kind.format(v=plan.version))}</b> · "
            f"{ui_formats().date_range(plan.starts_on, plan.ends_on)} · {agreed}<br>"
            + e(
                people.format(
                    manager=plan.manager,
                    officer=plan.hr_officer,
                    sponsor=plan.executive_sponsor or "—",
                )
            )
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
        self.history_button.setEnabled(plan is not None and self.services is not None)
        chosen = self.selected_goal()
        for b in self.mark_buttons:
            b.setEnabled(writable and chosen is not None)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self._update_buttons()

    def clear(self) -> None:
        self.plan = None
        self.outline.set_plan((), ())
        for section in (self.progress, self.history):
            section.clear()
        self.detail.clear()
        self.header.clear()
        self._titles = {}
        super().clear()

    # -- actions -------------------------------------------------------------------------
    def _history(self) -> None:
        if self.plan is not None:
            self.history_requested.emit(self.plan)

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

    def selected_goal(self) -> MicroGoal | None:
        ref = self.outline.ref(self.tree.currentIndex())
        return self.outline.record(ref) if ref is not None and ref.kind == GOAL else None

    def mark(self, status: MicroGoalStatus, note: str | None = None) -> bool:
        goal = self.selected_goal()
        if goal is None or self.services is None:
            return False
        if note is None:
            note = goal.note
            if status is MicroGoalStatus.MISSED:
                note, ok = QInputDialog.getText(
                    self, self.tr("Micro-goal missed"), self.tr("Why was it missed?"), text=note
                )
                if not ok:
                    return False
        try:
            self.services.plans.set_micro_goal(self.case_id, goal.uid, status, note)
        except (ValueError, VaultError) as exc:
            self.warn(self.tr("Micro-goal not changed"), ui_error(exc))
            return False
        self.refresh()
        self.changed.emit()
        return True
