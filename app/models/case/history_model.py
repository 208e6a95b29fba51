"""A record's versions side by side: one row per field, one column per version.

A cell whose value differs from the version before it is marked (`ChangedRole`, and a light
background), so the eye finds what changed; the header of each column says which version it is,
who wrote it and when.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush

from app.domain.words import history_wording as hw
from app.models.roles import RecordRole
from app.models.theme import changed_background

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
ChangedRole = int(Qt.ItemDataRole.UserRole) + 20  # bool: differs from the version before


def _tr(text: str) -> str:
    return QCoreApplication.translate("VersionsTableModel", text)


class VersionsTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._history: Any = None
        self._fields: list[str] = []
        self._cells: list[list[str]] = []  # [field][version]

    def set_history(self, history: Any) -> None:
        self.beginResetModel()
        self._history = history
        if history is None:
            self._fields, self._cells = [], []
        else:
            self._fields = hw.shown_columns(history.table)
            self._cells = [
                [history.words(c, s.values.get(c)) for s in history.states] for c in self._fields
            ]
        self.endResetModel()

    def clear(self) -> None:
        self.set_history(None)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._fields)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        if parent.isValid() or self._history is None:
            return 0
        return len(self._history.states)

    def _changed(self, row: int, column: int) -> bool:
        return column > 0 and self._cells[row][column] != self._cells[row][column - 1]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._history is None:
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._fields) and 0 <= column < len(self._history.states)):
            return None
        text = self._cells[row][column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return " ".join(text.split()) if role == Qt.ItemDataRole.DisplayRole else text
        if role == ChangedRole:
            return self._changed(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(changed_background()) if self._changed(row, column) else None
        if role == RecordRole:
            return self._history.states[column]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or self._history is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if 0 <= section < len(self._fields):
                return hw.field_label(self._history.table, self._fields[section])
            return None
        if not 0 <= section < len(self._history.states):
            return None
        state = self._history.states[section]
        title = QCoreApplication.translate("VersionsTableModel", "Version %1").replace(
            "%1", str(state.number)
        )
        if state.current:
            title += QCoreApplication.translate("VersionsTableModel", " (current)")
        elif state.before_handover and state.imported:
            title += QCoreApplication.translate(
                "VersionsTableModel", " (before the import, from %1)"
            ).replace("%1", state.before_handover)
        elif state.before_handover:
            title += QCoreApplication.translate(
                "VersionsTableModel", " (before the handover, from %1)"
            ).replace("%1", state.before_handover)
        who = state.officer or QCoreApplication.translate("VersionsTableModel", "unknown")
        by = (
            QCoreApplication.translate("VersionsTableModel", "%1 by %2")
            .replace("%1", state.what)
            .replace("%2", who)
        )
        return f"{title}\n{by}\n{state.when}"
