"""Cases due for deletion under the retention policy, as a table (Records → Cases due for
deletion). Rows are `RetentionDue` entries with the employee's name looked up once."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.domain.retention import RetentionDue, months_words
from app.models.list_table_model import ListTableModel
from app.models.roles import RecordRole, SortRole
from app.models.ui_formats import ui_label


class RetentionTableModel(ListTableModel[tuple[RetentionDue, str]]):
    HEADERS = (
        QT_TRANSLATE_NOOP("RetentionTableModel", "Case"),
        QT_TRANSLATE_NOOP("RetentionTableModel", "Employee"),
        QT_TRANSLATE_NOOP("RetentionTableModel", "Outcome"),
        QT_TRANSLATE_NOOP("RetentionTableModel", "Closed on"),
        QT_TRANSLATE_NOOP("RetentionTableModel", "Kept for"),
        QT_TRANSLATE_NOOP("RetentionTableModel", "Due since"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((), parent)

    def set_rows(self, rows: list[tuple[RetentionDue, str]]) -> None:
        self.reset_rows(rows)  # the whole list is re-read after an erasure

    def entry(self, row: int) -> RetentionDue:
        return self._rows[row][0]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        item = self.row_item(index.row()) if index.isValid() else None
        if item is None:
            return None
        due, name = item
        if role == RecordRole:
            return due
        col = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            return due.describe()
        if role == SortRole:
            return (
                (
                    due.case.reference,
                    name,
                    ui_label(due.case.outcome) if due.case.outcome else "",
                    due.case.closed_on,
                    due.months,
                    due.due_on,
                )[col]
                if 0 <= col < len(self.HEADERS)
                else None
            )
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == 0:
            return due.case.reference
        if col == 1:
            return name
        if col == 2:
            return ui_label(due.case.outcome) if due.case.outcome else self.tr("No outcome")
        if col == 3:
            return due.case.closed_on.isoformat()
        if col == 4:
            return months_words(due.months)
        if col == 5:
            return due.due_on.isoformat()
        return None
