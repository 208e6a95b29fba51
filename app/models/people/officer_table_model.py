"""The vault's officers as a table: name, role, active or retired (Preferences → Officers)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.models.list_table_model import ListTableModel
from app.models.roles import RecordRole, SortRole
from app.services.people.officer_service import OfficerEntry

_ROLE_WORDS = {
    "hr_officer": QT_TRANSLATE_NOOP("OfficerTableModel", "HR officer"),
    "hr_lead": QT_TRANSLATE_NOOP("OfficerTableModel", "HR lead"),
}


class OfficerTableModel(ListTableModel[OfficerEntry]):
    HEADERS = (
        QT_TRANSLATE_NOOP("OfficerTableModel", "Name"),
        QT_TRANSLATE_NOOP("OfficerTableModel", "Role"),
        QT_TRANSLATE_NOOP("OfficerTableModel", "State"),
    )

    def __init__(self, entries: list[OfficerEntry], parent: QObject | None = None) -> None:
        super().__init__(entries, parent)

    def set_entries(self, entries: list[OfficerEntry]) -> None:
        self.reset_rows(entries)  # a handful of officers: a reset is the smallest honest signal

    def entry(self, row: int) -> OfficerEntry:
        return self._rows[row]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        e = self.row_item(index.row()) if index.isValid() else None
        if e is None:
            return None
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
