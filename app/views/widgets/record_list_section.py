"""One titled list of a case's records with its buttons: the building block of the case tabs.

A `RecordListSection` shows records in a sortable table (few rows: a proxy sorts on
`SortRole`), offers "New…" and "Edit…" (double-click or Enter edits too) and reports the
selected record, so a tab can show its details and attachments.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.case.record_table_model import RecordColumn, RecordTableModel
from app.models.roles import RecordRole, SortRole
from app.models.theme import colour_css
from app.services.audit.history_service import history_key

# Rows a ResizeToContents column measures: a case with 500 entries opened in 589 ms when
# Qt asked every cell of every row for its size (issue 18); 40 rows cover the first screen.
SAMPLED_ROWS = 40


def compact_rows(view: QTableView) -> None:
    """One line of text per row, without the platform's generous padding."""
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)


class RecordTableView(QTableView):
    """Enter or Return on a row activates it, like a double-click."""

    activated_row = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class RecordListSection(QWidget):
    selection_changed = Signal(object)  # the selected record or None
    new_requested = Signal()
    edit_requested = Signal(object)
    history_requested = Signal(object)  # the record whose versions to show

    def __init__(
        self,
        title: str,
        columns: Sequence[RecordColumn],
        new_label: str,
        parent: QWidget | None = None,
        stretch_column: int | None = None,
        extra_buttons: Sequence[tuple[str, Callable[[], None]]] = (),
    ) -> None:
        super().__init__(parent)
        self.model = RecordTableModel(columns, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.title = QLabel(f"<b>{title}</b>")
        self.view = RecordTableView()
        self.view.setAccessibleName(title.replace("&", ""))
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
        header.setStretchLastSection(stretch_column is None)
        # Widths from a sample of rows, not every row (each cell is a Python data() call).
        header.setResizeContentsPrecision(SAMPLED_ROWS)
        if stretch_column is not None:
            for column in range(len(columns)):
                header.setSectionResizeMode(
                    column,
                    QHeaderView.ResizeMode.Stretch
                    if column == stretch_column
                    else QHeaderView.ResizeMode.ResizeToContents,
                )
        self.view.doubleClicked.connect(self._edit_index)
        self.view.activated_row.connect(self._edit_index)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        # Right-click a record: its History… (every earlier version; works on a closed case).
        self.history_action = QAction(self.tr("&History…"), self)
        self.history_action.setObjectName("recordHistoryAction")
        self.history_action.triggered.connect(lambda: self._history())
        self.context_menu = QMenu(self)
        self.context_menu.addAction(self.history_action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.new_button = QPushButton(new_label)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.new_button.clicked.connect(self.new_requested.emit)
        self.edit_button.clicked.connect(lambda: self._edit_record(self.selected()))
        self.empty_label = QLabel()
        self.empty_label.setStyleSheet(colour_css("muted"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        self.extra_buttons: list[QPushButton] = []
        for label, slot in extra_buttons:
            b = QPushButton(label)
            b.clicked.connect(slot)
            buttons.addWidget(b)
            self.extra_buttons.append(b)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._empty_text = self.tr("Nothing recorded yet.")
        self._update()

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self._update()

    def set_records(self, records: Sequence[Any], keep_id: int | None = None) -> None:
        keep = keep_id if keep_id is not None else getattr(self.selected(), "id", None)
        self.model.set_records(records)
        if keep is not None:
            self.select_id(keep)
        self._update()
        self._selected()

    def clear(self) -> None:
        self.model.clear()
        self._update()
        self.selection_changed.emit(None)

    def select_id(self, record_id: int | None) -> None:
        row = self.model.row_of_id(record_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.selectRow(index.row())
        self.view.scrollTo(index)

    def selected(self) -> Any:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(RecordRole) if rows else None

    def set_enabled_actions(self, enabled: bool) -> None:
        self.new_button.setEnabled(enabled)
        self.edit_button.setEnabled(enabled and self.selected() is not None)
        for b in self.extra_buttons:
            b.setEnabled(enabled)

    def _selected(self) -> None:
        self._update()
        self.selection_changed.emit(self.selected())

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.selectRow(index.row())
        self.history_action.setEnabled(history_key(self.selected()) is not None)
        self.context_menu.popup(self.view.viewport().mapToGlobal(pos))

    def _history(self) -> None:
        record = self.selected()
        if record is not None:
            self.history_requested.emit(record)

    def _update(self) -> None:
        self.history_action.setEnabled(history_key(self.selected()) is not None)
        self.edit_button.setEnabled(self.new_button.isEnabled() and self.selected() is not None)
        self.empty_label.setText(self._empty_text if self.model.rowCount() == 0 else "")

    def _edit_index(self, index: QModelIndex) -> None:
        self._edit_record(index.data(RecordRole))

    def _edit_record(self, record: Any) -> None:
        if record is not None and self.new_button.isEnabled():
            self.edit_requested.emit(record)
