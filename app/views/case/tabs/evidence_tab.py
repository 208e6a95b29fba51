"""The Indicators and observations tab: measurable triggers above, qualitative notes below.

Selecting either shows it in full with its attached files (the last one selected wins).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from app.domain.attachments import AttachmentOwner
from app.domain.records import Indicator, Observation
from app.models.case.record_table_model import RecordColumn, one_line, when
from app.models.ui_formats import ui_label
from app.views.case.dialogs.case_record_dialogs import IndicatorDialog, ObservationDialog
from app.views.case.record_details import record_html
from app.views.case.tabs.attachments_panel import AttachmentsPanel
from app.views.case.tabs.case_tab import CaseTab, detail_browser
from app.views.widgets.record_list_section import RecordListSection


def _figures(i: Indicator) -> str:
    if i.expected is None:
        return ""
    return f"{i.actual:g} / {i.expected:g} {i.unit}".strip()


class EvidenceTab(CaseTab):
    def __init__(self, services: Any, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(services, case_id, parent)
        self._files: dict[tuple[AttachmentOwner, int], int] = {}
        ind = AttachmentOwner.INDICATOR
        obs = AttachmentOwner.OBSERVATION
        self.indicators = RecordListSection(
            self.tr("Indicators"),
            (
                RecordColumn(
                    self.tr("Observed"), lambda i: when(i.observed_on), sort=lambda i: i.observed_on
                ),
                RecordColumn(self.tr("Category"), lambda i: ui_label(i.category)),
                RecordColumn(self.tr("Metric"), lambda i: i.metric),
                RecordColumn(
                    self.tr("Actual / expected"),
                    _figures,
                    sort=lambda i: (i.actual or 0) - (i.expected or 0),
                ),
                RecordColumn(self.tr("Source"), lambda i: i.source),
                RecordColumn(
                    self.tr("Files"),
                    lambda i: str(self._files.get((ind, i.id), 0) or ""),
                    sort=lambda i: self._files.get((ind, i.id), 0),
                ),
            ),
            self.tr("New indicator…"),
            stretch_column=2,
        )
        self.indicators.set_empty_text(self.tr("No indicator recorded yet."))
        self.observations = RecordListSection(
            self.tr("Observations"),
            (
                RecordColumn(
                    self.tr("Observed"), lambda o: when(o.observed_on), sort=lambda o: o.observed_on
                ),
                RecordColumn(self.tr("Author"), lambda o: o.author),
                RecordColumn(self.tr("Role"), lambda o: o.author_role),
                RecordColumn(
                    self.tr("Observation"),
                    lambda o: one_line(o.text, 100),
                    tooltip=lambda o: o.text,
                ),
                RecordColumn(
                    self.tr("Files"),
                    lambda o: str(self._files.get((obs, o.id), 0) or ""),
                    sort=lambda o: self._files.get((obs, o.id), 0),
                ),
            ),
            self.tr("New observation…"),
            stretch_column=3,
        )
        self.observations.set_empty_text(self.tr("No observation recorded yet."))
        self.indicators.new_requested.connect(lambda: self.new_record(IndicatorDialog))
        self.observations.new_requested.connect(lambda: self.new_record(ObservationDialog))
        self.indicators.edit_requested.connect(lambda r: self.edit_record(IndicatorDialog, r))
        self.observations.edit_requested.connect(lambda r: self.edit_record(ObservationDialog, r))
        self.indicators.selection_changed.connect(lambda r: self._selected(ind, r))
        self.observations.selection_changed.connect(lambda r: self._selected(obs, r))
        self.detail = detail_browser()
        self.files = AttachmentsPanel(services)
        self.files.changed.connect(self._files_changed)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.detail)
        lower.addWidget(self.files)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.indicators)
        splitter.addWidget(self.observations)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def refresh(self) -> None:
        if self.services is None:
            return
        self._files = self.services.attachments.counts_for_case(self.case_id)
        self.indicators.set_records(self.services.cases.records(Indicator, self.case_id))
        self.observations.set_records(self.services.cases.records(Observation, self.case_id))
        self.files.refresh()

    def clear(self) -> None:
        self.indicators.clear()
        self.observations.clear()
        self.detail.clear()
        self.files.clear()
        super().clear()

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.indicators.set_enabled_actions(not read_only)
        self.observations.set_enabled_actions(not read_only)
        self.files.set_read_only(read_only)

    def _selected(self, owner: AttachmentOwner, record: Any) -> None:
        if record is None:
            return
        other = self.observations if owner is AttachmentOwner.INDICATOR else self.indicators
        other.view.clearSelection()
        self.detail.setHtml(record_html(record))
        self.files.set_owner(owner, record.id)

    def _files_changed(self) -> None:
        self.refresh()
        self.changed.emit()

    def new_record(self, dialog_class: type) -> Any:
        return self.run_dialog(dialog_class(self.services, self.case_id, None, self))

    def edit_record(self, dialog_class: type, record: Any) -> Any:
        return self.run_dialog(dialog_class(self.services, self.case_id, record, self))
