"""A table over a short list of records (one case's conversations, indicators, files, …).

A case holds tens of records, not thousands, so the model keeps them all and a
`QSortFilterProxyModel` sorts on `SortRole`. Columns are described once per list as
`RecordColumn`s (title, display text, sort value), so every record list shares this code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.models.roles import IdRole, RecordRole, SortRole
from app.models.ui_formats import ui_formats

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the default parent (a call in a default argument trips linters)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)


def _default_sort(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


@dataclass(frozen=True)
class RecordColumn:
    title: str
    text: Callable[[Any], str]
    # A native comparable value (str, int, float, date): Qt cannot compare tuples.
    sort: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str] | None = None

    def sort_value(self, record: Any) -> Any:
        if self.sort is not None:
            return _default_sort(self.sort(record))
        return self.text(record).casefold()


def when(value: date | datetime | None) -> str:
    """Dates in every list in the one style of `app.domain.words.formats`, in the interface
    locale."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return ui_formats().datetime(value)
    return ui_formats().date(value)


def weekday(value: date) -> str:
    """The short day name in the interface language ('Mon', 'Mo.'): strftime's %a is always
    the C locale's English."""
    return QLocale().dayName(value.isoweekday(), QLocale.FormatType.ShortFormat)


def one_line(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class RecordRowsModel(QAbstractTableModel):
    """What every record table shares: one record per row, under titled columns.

    Subclasses say which column descriptions they use (`column_specs`, each with a `title`)
    and how a cell reads; the read-only lists and the plan editor's editable tables both build
    on this.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._records: list[Any] = []

    def column_specs(self) -> Sequence[Any]:
        raise NotImplementedError

    def record_at(self, row: int) -> Any:
        return self._records[row] if 0 <= row < len(self._records) else None

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.column_specs())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        specs = self.column_specs()
        if (
            orientation == Qt.Orientation.Horizontal
            and int(role) == _DISPLAY
            and 0 <= section < len(specs)
        ):
            # Titles of a model's own columns are marked with QT_TRANSLATE_NOOP in the model
            # class's context; titles a view gave already translated pass through unchanged.
            return QCoreApplication.translate(type(self).__name__, specs[section].title)
        return None


class RecordTableModel(RecordRowsModel):
    def __init__(self, columns: Sequence[RecordColumn], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)

    def column_specs(self) -> Sequence[RecordColumn]:
        return self._columns

    # -- content -------------------------------------------------------------------------
    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def clear(self) -> None:
        self.set_records([])

    def records(self) -> list[Any]:
        return list(self._records)

    def row_of_id(self, record_id: int | None) -> int:
        for i, r in enumerate(self._records):
            if getattr(r, "id", None) == record_id:
                return i
        return -1

    # -- Qt model API --------------------------------------------------------------------
    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        role = int(role)
        if role == _DISPLAY:
            return column.text(record)
        if role == _TOOLTIP:
            return column.tooltip(record) if column.tooltip else None
        if role == SortRole:
            return column.sort_value(record)
        if role == RecordRole:
            return record
        if role == IdRole:
            return getattr(record, "id", None)
        return None
