"""The case list: filter bar, a lazily fetched table, and keyboard handling.

Enter or a double-click asks to open the selected case (``case_activated(case_id)``);
Ctrl+C copies the selected reference through the clipboard guard. The header's context menu
(also View → Columns) chooses the columns; the main window keeps the choice in QSettings.
"Matched in" shows only while a search is typed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.case.case_table_model import CaseTableModel
from app.models.roles import CaseColumn, IdRole, RecordRole
from app.services.cases.case_list import CaseQuery
from app.views.case_list.case_filter_bar import CaseFilterBar
from app.views.widgets.clipboard_guard import ClipboardGuard


class CaseTableView(QTableView):
    """A table that turns Enter into ``activated`` (Qt only does so on some platforms)."""

    open_requested = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex())
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Copy) and self.currentIndex().isValid():
            row = self.currentIndex().data(RecordRole)
            if row is not None:
                ClipboardGuard.of(self).copy(row.reference)
            event.accept()
            return
        super().keyPressEvent(event)


class CaseListWidget(QWidget):
    case_activated = Signal(int)
    shown_changed = Signal(int)  # how many cases match the filters
    new_case_requested = Signal()  # the empty list's "start a new case" link
    columns_changed = Signal()  # the officer showed or hid a column

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_bar = CaseFilterBar(services, self)
        self.model = CaseTableModel(services, self)
        self.table = CaseTableView(self)
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # The indicator first: enabling sorting sorts by it, which is then the model's own
        # sort (a no-op). The other way round the list was sorted twice at unlock.
        header.setSortIndicator(CaseColumn.REFERENCE, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Widths that fit a 1280×800 window beside the attention panel, flags included.
        for column, width in (
            (CaseColumn.REFERENCE, 100),
            (CaseColumn.EMPLOYEE, 160),
            (CaseColumn.DEPARTMENT, 115),
            (CaseColumn.STAGE, 125),
            (CaseColumn.TRACK, 80),
            (CaseColumn.OWNER, 110),
            (CaseColumn.NEXT_DUE, 100),
            (CaseColumn.FLAGS, 170),  # "Due soon, awaiting approval" fits; the rest stretches
            (CaseColumn.MATCHED, 130),
        ):
            self.table.setColumnWidth(column, width)
        # While searching, "Matched in" stands beside the employee, where the eye is.
        header.moveSection(header.visualIndex(CaseColumn.MATCHED), CaseColumn.EMPLOYEE + 1)
        self.table.setAccessibleName(self.tr("Cases"))
        self._build_columns_menu()

        self.empty_label = QLabel(
            self.tr(
                "No cases to show. Clear the search or choose other filters to see more, or "
                "<a href='new-case'>start a new case</a> (Ctrl+N)."
            )
        )
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.linkActivated.connect(lambda _link: self.new_case_requested.emit())
        self.empty_label.setObjectName("emptyNote")
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)

        self.filter_bar.query_changed.connect(self.set_query)
        self.table.doubleClicked.connect(self._open)
        self.table.open_requested.connect(self._open)
        self.model.modelReset.connect(self._announce)
        header.sortIndicatorChanged.connect(self._keep_sort_indicator)
        self._announce()  # a new vault: the "start a new case" hint from the first moment

    # -- columns ---------------------------------------------------------------------------
    def _build_columns_menu(self) -> None:
        """One checkable action per column but the reference (a row must say which case)."""
        self.columns_menu = QMenu(self.tr("C&olumns"), self)
        self.columns_menu.setObjectName("caseColumnsMenu")
        self.column_actions: dict[CaseColumn, QAction] = {}
        for column in CaseColumn:
            if column is CaseColumn.REFERENCE:
                continue
            action = QAction(column.title, self)
            action.setObjectName(f"caseColumn_{column.name.lower()}")
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(self._column_toggled)
            self.columns_menu.addAction(action)
            self.column_actions[column] = action
        header = self.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda pos: self.columns_menu.popup(header.mapToGlobal(pos))
        )
        self._apply_columns()

    def hidden_columns(self) -> list[str]:
        """The columns the officer hid, by name (what the settings keep)."""
        return [c.name.lower() for c, a in self.column_actions.items() if not a.isChecked()]

    def set_hidden_columns(self, names: list[str]) -> None:
        for column, action in self.column_actions.items():
            action.blockSignals(True)
            action.setChecked(column.name.lower() not in names)
            action.blockSignals(False)
        self._apply_columns()

    def _column_toggled(self) -> None:
        self._apply_columns()
        self.columns_changed.emit()

    def _apply_columns(self) -> None:
        searching = bool(self.model.query.search.strip())
        for column, action in self.column_actions.items():
            shown = action.isChecked() and (column is not CaseColumn.MATCHED or searching)
            self.table.setColumnHidden(column, not shown)

    def _keep_sort_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        """Flags are computed, not stored, so they cannot sort: put the arrow back."""
        if CaseColumn(column).sort_key is not None:
            return
        query = self.model.query
        current = next((c for c in CaseColumn if c.sort_key == query.sort), CaseColumn.REFERENCE)
        order = Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(current, order)
        header.blockSignals(False)

    def set_query(self, query: CaseQuery) -> None:
        self.model.set_query(query)
        self._apply_columns()  # "Matched in" comes and goes with the search text
        if self.model.rowCount():
            self.table.selectRow(0)

    def refresh(self) -> None:
        current = self.current_case_id()
        self.filter_bar.reload_choices()
        self.model.refresh()
        if current is not None:
            row = self.model.row_of_case(current)
            if row >= 0:
                self.table.selectRow(row)

    def current_case_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def clear(self) -> None:
        self.model.clear()
        self.filter_bar.search.clear()

    def _open(self, index: QModelIndex) -> None:
        case_id = index.data(IdRole)
        if case_id is not None:
            self.case_activated.emit(int(case_id))

    def _announce(self) -> None:
        self.empty_label.setVisible(self.model.total == 0 and self.model.has_services)
        self.shown_changed.emit(self.model.total)
