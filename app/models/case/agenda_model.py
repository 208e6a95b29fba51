"""The agenda across cases: upcoming reviews and due micro-goals, overdue ones marked.

A short list (weeks ahead, open cases only), so the model keeps it all and a proxy sorts on
`SortRole`. `IdRole` is the case id, so activating a row can open its case.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from app.models.roles import IdRole, KindRole, RecordRole, SortRole
from app.models.theme import tone
from app.models.ui_formats import ui_formats

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)


class AgendaColumn(IntEnum):
    DATE = 0
    TIME = 1
    CASE = 2
    WHAT = 3
    STATUS = 4

    @property
    def title(self) -> str:
        titles = (
            QT_TRANSLATE_NOOP("AgendaTableModel", "Date"),
            QT_TRANSLATE_NOOP("AgendaTableModel", "Time"),
            QT_TRANSLATE_NOOP("AgendaTableModel", "Case"),
            QT_TRANSLATE_NOOP("AgendaTableModel", "What"),
            QT_TRANSLATE_NOOP("AgendaTableModel", "Status"),
        )
        return QCoreApplication.translate("AgendaTableModel", titles[self])


def _status(entry: Any) -> str:
    if entry.overdue:
        if entry.kind == "review":
            return QCoreApplication.translate("AgendaTableModel", "Overdue: outcome not recorded")
        return QCoreApplication.translate("AgendaTableModel", "Overdue")
    return QCoreApplication.translate("AgendaTableModel", "Upcoming")


class AgendaTableModel(QAbstractTableModel):
    """Rows are `AgendaEntry`s from ``services.reviews.agenda_entries``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[Any] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_entries(self, entries: Sequence[Any]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def clear(self) -> None:
        self.set_entries([])

    def entry_at(self, row: int) -> Any:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    @property
    def overdue_count(self) -> int:
        return sum(1 for e in self._entries if e.overdue)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(AgendaColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and int(role) == _DISPLAY
            and 0 <= section < len(AgendaColumn)
        ):
            return AgendaColumn(section).title
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        if not 0 <= index.column() < len(AgendaColumn):
            return None
        entry = self._entries[index.row()]
        column = AgendaColumn(index.column())
        role = int(role)
        if role == _DISPLAY:
            return {
                AgendaColumn.DATE: ui_formats().weekday_date(entry.on),
                AgendaColumn.TIME: entry.at,
                AgendaColumn.CASE: entry.reference,
                AgendaColumn.WHAT: entry.title
                if entry.kind == "review"
                else self.tr("Micro-goal: %1").replace("%1", entry.title),
                AgendaColumn.STATUS: _status(entry),
            }[column]
        if role == SortRole:
            return {
                AgendaColumn.DATE: f"{entry.on.isoformat()} {entry.at}",
                AgendaColumn.TIME: entry.at,
                AgendaColumn.CASE: entry.reference,
                AgendaColumn.WHAT: entry.title.casefold(),
                AgendaColumn.STATUS: f"{0 if entry.overdue else 1} {entry.on.isoformat()}",
            }[column]
        if role == _FOREGROUND:
            return QBrush(tone("error")) if entry.overdue else None
        if role == _FONT:
            return self._bold if entry.overdue and column is AgendaColumn.STATUS else None
        if role == _TOOLTIP and column is AgendaColumn.WHAT:
            return entry.title
        if role == RecordRole:
            return entry
        if role == IdRole:
            return entry.case_id
        if role == KindRole:
            return entry.kind
        return None
