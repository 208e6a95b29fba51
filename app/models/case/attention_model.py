"""One 'needs attention' list (overdue steps, reviews this week, approvals waiting)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.models.roles import IdRole, RecordRole, SortRole
from app.models.ui_formats import ui_said
from app.services.cases.attention import AttentionItem

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invalid parent of every row


class AttentionListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[AttentionItem] = []

    def set_items(self, items: list[AttentionItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def clear(self) -> None:
        self.set_items([])

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        role = int(role)
        if role == int(Qt.ItemDataRole.DisplayRole):
            return ui_said(item.text)
        if role == int(Qt.ItemDataRole.ToolTipRole):
            return self.tr("Press Enter or double-click to open the case")
        if role == IdRole:
            return item.case_id
        if role == RecordRole:
            return item
        if role == SortRole:
            return item.due_on
        return None
