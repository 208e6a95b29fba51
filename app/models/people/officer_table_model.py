"""The vault's officers as a table: name, role, active or retired (Preferences → Officers)."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.models.roles import RecordRole, SortRole
from app.services.people.officer_service import OfficerEntry

_HEADERS = (
    QT_TRANSLATE_NOOP("OfficerTableModel", "Name"),
    QT_TRANSLATE_NOOP("OfficerTableModel", "Role"),
    QT_TRANSLATE_NOOP("OfficerTableModel", "State"),
)
_ROLE_WORDS = {
    "hr_officer": QT_TRANSLATE_NOOP("OfficerTableModel", "HR officer"),
    "hr_lead": QT_TRANSLATE_NOOP("OfficerTableModel", "HR lead"),
}


class OfficerTableModel(QAbstractTableModel):
    def __init__(self, entries: list[OfficerEntry], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries = list(entries)

    def set_entries(self, entries: list[OfficerEntry]) -> None:
        self.beginResetModel()  # a handful of officers: a reset is the smallest honest signal
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> OfficerEntry:
        return self._entries[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(_HEADERS):
            return self.tr(_HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        e = self._entries[index.row()]
        if role == RecordRole:
            return e
        if role not in (Qt.ItemDataRole.DisplayRole, SortRole):
            return None
        col = index.column()
        if col == 0:
            return e.officer.name
        if col == 1:
            return self.tr(_ROLE_WORDS.get(e.officer.role.value, e.officer.role.value))
        if col == 2:
            return (
                self.tr("Active")
                if e.active
                else self.tr("Retired %1").replace("%1", e.retired_on or "")
            )
        return None
