"""A table over a Python list of rows with fixed, translated column headers.

The officer, retention and audit tables each held the same row count, column count and
header code; the subclasses now say only what a cell shows (``data``). Headers are marked with
``QT_TRANSLATE_NOOP`` in the subclass's own context (its class name), which is where they are
translated here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

T = TypeVar("T")


class ListTableModel(QAbstractTableModel, Generic[T]):
    HEADERS: tuple[str, ...] = ()

    def __init__(self, rows: Iterable[T] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = list(rows)

    def reset_rows(self, rows: Iterable[T]) -> None:
        self.beginResetModel()  # a new list is a new set of rows
        self._rows = list(rows)
        self.endResetModel()

    def row_item(self, row: int) -> T | None:
        """The row's item, or None outside the list (an index the view still holds)."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate(type(self).__name__, self.HEADERS[section])
        return None
