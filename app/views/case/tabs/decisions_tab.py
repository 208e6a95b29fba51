"""The Decisions and exceptions tab: what was decided and every departure from the path.

Exceptions come from the escalation service; one that waits for a decision can be approved
or declined here, and new ones are requested with "Request exception…".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from app.domain.escalation.escalation_records import CaseException, ExceptionStatus
from app.domain.records import Decision, Outcome
from app.domain.words.stored_words import stored_text
from app.models.case.record_table_model import RecordColumn, one_line, when
from app.models.roles import stage_label
from app.models.ui_formats import ui_label, ui_said, ui_stage_name
from app.views.case.dialogs.case_record_dialogs import DecisionDialog
from app.views.case.dialogs.exception_dialog import DecideExceptionDialog, ExceptionDialog
from app.views.case.record_details import record_html
from app.views.case.tabs.case_tab import CaseTab, detail_browser
from app.views.widgets.record_list_section import RecordListSection


def _approver(e: CaseException) -> str:
    if e.approver and e.approver_role:
        return f"{e.approver} ({ui_label(e.approver_role)})"
    return e.approver


class DecisionsTab(CaseTab):
    def __init__(self, services: Any, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(services, case_id, parent)
        self._policy: Any = None
        self.decisions = RecordListSection(
            self.tr("Decisions"),
            (
                RecordColumn(
                    self.tr("Decided"), lambda d: when(d.decided_on), sort=lambda d: d.decided_on
                ),
                RecordColumn(self.tr("By"), lambda d: f"{d.decided_by} ({ui_label(d.role)})"),
                RecordColumn(
                    self.tr("Decision"),
                    lambda d: one_line(ui_said(stored_text(d.summary)), 100),
                    tooltip=lambda d: ui_said(stored_text(d.summary)),
                ),
                RecordColumn(
                    self.tr("Rationale"),
                    lambda d: one_line(ui_said(stored_text(d.rationale)), 80),
                    tooltip=lambda d: ui_said(stored_text(d.rationale)),
                ),
            ),
            self.tr("Record decision…"),
            stretch_column=2,
        )
        self.decisions.set_empty_text(self.tr("No decision recorded yet."))
        self.exceptions = RecordListSection(
            self.tr("Exceptions"),
            (
                RecordColumn(
                    self.tr("Requested"),
                    lambda e: when(e.requested_on),
                    sort=lambda e: e.requested_on,
                ),
                RecordColumn(self.tr("Kind"), lambda e: ui_label(e.kind)),
                RecordColumn(self.tr("Status"), lambda e: ui_label(e.status)),
                RecordColumn(
                    self.tr("Reason"), lambda e: one_line(e.reason, 90), tooltip=lambda e: e.reason
                ),
                RecordColumn(self.tr("Requested by"), lambda e: e.requested_by),
                RecordColumn(self.tr("Approver"), _approver),
            ),
            self.tr("Request exception…"),
            stretch_column=3,
            extra_buttons=[(self.tr("Approve or decline…"), self.decide_selected)],
        )
        self.exceptions.set_empty_text(self.tr("No exception to the path."))
        self.signoffs = RecordListSection(
            self.tr("Sign-offs of stage moves"),
            (
                RecordColumn(
                    self.tr("Requested"),
                    lambda a: when(a.requested_at),
                    sort=lambda a: a.requested_at,
                ),
                RecordColumn(
                    self.tr("Move"),
                    lambda a: f"{self._stage(a.from_stage)} → {self._stage(a.to_stage)}",
                ),
                RecordColumn(
                    self.tr("Role"), lambda a: f"{ui_label(a.role)} ({ui_label(a.kind).lower()})"
                ),
                RecordColumn(self.tr("Status"), lambda a: ui_label(a.status)),
                RecordColumn(self.tr("By"), lambda a: a.person or "—"),
                RecordColumn(
                    self.tr("Note"), lambda a: one_line(a.note, 80), tooltip=lambda a: a.note
                ),
            ),
            "",
            stretch_column=5,
        )
        self.signoffs.set_empty_text(self.tr("No sign-off requested or recorded."))
        self.signoffs.new_button.hide()  # recorded in the Advance stage dialog
        self.signoffs.edit_button.hide()
        self.exceptions.edit_button.hide()  # exceptions are decided, never edited
        self.decide_button = self.exceptions.extra_buttons[0]
        self.decisions.new_requested.connect(self.new_decision)
        self.decisions.edit_requested.connect(self.edit_decision)
        self.exceptions.new_requested.connect(self.request_exception)
        self.exceptions.edit_requested.connect(lambda _r: self.decide_selected())
        self.decisions.selection_changed.connect(lambda r: self._selected(self.decisions, r))
        self.exceptions.selection_changed.connect(lambda r: self._selected(self.exceptions, r))
        self.detail = detail_browser()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.decisions)
        splitter.addWidget(self.exceptions)
        splitter.addWidget(self.signoffs)
        splitter.addWidget(self.detail)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._update_decide()

    def refresh(self) -> None:
        if self.services is None:
            return
        self.decisions.set_records(self.services.cases.records(Decision, self.case_id))
        self.exceptions.set_records(self.services.escalation.exceptions(self.case_id))
        case = self.services.cases.get(self.case_id)
        self._policy = self.services.escalation.policy_for(case)
        self.signoffs.set_records(self.services.escalation.approvals(self.case_id))
        self._update_decide()

    def clear(self) -> None:
        self.decisions.clear()
        self.exceptions.clear()
        self.signoffs.clear()
        self.detail.clear()
        self._policy = None
        super().clear()

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.decisions.set_enabled_actions(not read_only)
        self.exceptions.set_enabled_actions(not read_only)
        self._update_decide()

    def _stage(self, key: str) -> str:
        if key.startswith("closed:"):
            value = key.split(":", 1)[1]
            known = value in {o.value for o in Outcome}
            words = ui_label(Outcome(value)) if known else value.replace("_", " ")
            return self.tr("closed (%1)").replace("%1", words)
        return ui_stage_name(self._policy, key) if self._policy else stage_label(key)

    def _selected(self, section: RecordListSection, record: Any) -> None:
        if record is None:
            self._update_decide()
            return
        other = self.exceptions if section is self.decisions else self.decisions
        other.view.clearSelection()
        self.detail.setHtml(record_html(record))
        self._update_decide()

    def _update_decide(self) -> None:
        chosen = self.exceptions.selected()
        waiting = isinstance(chosen, CaseException) and chosen.status is ExceptionStatus.REQUESTED
        self.decide_button.setEnabled(waiting and not self.read_only)

    def new_decision(self) -> Any:
        return self.run_dialog(DecisionDialog(self.services, self.case_id, None, self))

    def edit_decision(self, record: Decision) -> Any:
        return self.run_dialog(DecisionDialog(self.services, self.case_id, record, self))

    def request_exception(self) -> Any:
        return self.run_dialog(ExceptionDialog(self.services, self.case_id, self))

    def decide_selected(self) -> Any:
        chosen = self.exceptions.selected()
        if not isinstance(chosen, CaseException) or chosen.status is not ExceptionStatus.REQUESTED:
            return None
        return self.run_dialog(DecideExceptionDialog(self.services, chosen, self))
