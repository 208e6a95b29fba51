"""Cases due for deletion under the retention policy, as a table (Records → Cases due for
deletion). Rows are `RetentionDue` entries with the employee's name looked up once."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.domain.retention import RetentionDue, months_words
from app.models.roles import RecordRole, SortRole
from app.models.ui_formats import ui_label

_HEADERS = (
    QT_TRANSLATE_NOOP("RetentionTableModel", "Case"),
    QT_TRANSLATE_NOOP("RetentionTableModel", "Employee"),
    QT_TRANSLATE_NOOP("RetentionTableModel", "Outcome"),
    QT_TRANSLATE_NOOP("RetentionTableModel", "Closed on"),
    QT_TRANSLATE_NOOP("RetentionTableModel", "Kept for"),
    QT_TRANSLATE_NOOP("RetentionTableModel", "Due since"),
)


class RetentionTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[RetentionDue, str]] = []

    def set_rows(self, rows: list[tuple[RetentionDue, str]]) -> None:
        self.beginResetModel()  # the whole list is re-read after an erasure
        self._rows = list(rows)
        self.endResetModel()

    def entry(self, row: int) -> RetentionDue:
        return self._rows[row][0]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(_HEADERS):
            return self.tr(_HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        due, name = self._rows[index.row()]
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
                if 0 <= col < len(_HEADERS)
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
