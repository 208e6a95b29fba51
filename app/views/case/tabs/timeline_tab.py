"""The Timeline tab: everything that happened on the case, oldest first, one kind or all."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.case.timeline_model import TimelineFilterProxy, TimelineModel
from app.models.roles import RecordRole
from app.services.cases.timeline import case_timeline
from app.views.case.record_details import record_html
from app.views.case.tabs.case_tab import CaseTab, detail_browser
from app.views.widgets.record_list_section import SAMPLED_ROWS, compact_rows


class TimelineTab(CaseTab):
    def __init__(self, services: Any, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(services, case_id, parent)
        self.model = TimelineModel(self)
        self.proxy = TimelineFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.kind = QComboBox()
        self.kind.setObjectName("timelineKind")
        self.kind.currentIndexChanged.connect(
            lambda _i: self.proxy.set_kind(self.kind.currentData())
        )
        self.count = QLabel()
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("Timeline"))
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        compact_rows(self.view)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        # Widths from a sample of rows, not all 500+ (every cell is a Python data() call).
        header.setResizeContentsPrecision(SAMPLED_ROWS)
        header.setStretchLastSection(True)
        self.view.setColumnWidth(2, 320)
        self.detail = detail_browser()
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.history_action = QAction(self.tr("&History of this record…"), self)
        self.history_action.setObjectName("timelineHistoryAction")
        self.history_action.triggered.connect(lambda: self._history())
        self.context_menu = QMenu(self)
        self.context_menu.addAction(self.history_action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show:")))
        bar.addWidget(self.kind)
        bar.addStretch(1)
        bar.addWidget(self.count)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    def refresh(self) -> None:
        if self.services is None:
            return
        chosen = self.kind.currentData()
        self.model.set_events(case_timeline(self.services, self.case_id))
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(self.tr("All events"), None)
        for kind, label in self.model.kinds():
            self.kind.addItem(label, kind)
        self.kind.setCurrentIndex(max(self.kind.findData(chosen), 0))
        self.kind.blockSignals(False)
        self.proxy.set_kind(self.kind.currentData())
        self.count.setText(self.tr("%n events", "", self.model.rowCount()))
        if self.proxy.rowCount():
            self.view.scrollToBottom()
        self._show_selected()

    def clear(self) -> None:
        self.model.clear()
        self.kind.clear()
        self.detail.clear()
        self.count.clear()
        super().clear()

    def selected(self) -> object:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(RecordRole) if rows else None

    def _show_selected(self) -> None:
        selected = self.selected()
        self.detail.setHtml(record_html(selected) if selected is not None else "")
        self.history_action.setEnabled(getattr(selected, "record", None) is not None)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.selectRow(index.row())
        self.context_menu.popup(self.view.viewport().mapToGlobal(pos))

    def _history(self) -> None:
        selected = self.selected()
        if getattr(selected, "record", None) is not None:
            self.history_requested.emit(selected)
