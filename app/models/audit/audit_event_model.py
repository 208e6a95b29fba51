"""The audit trail as a table for the Audit window: number, when, officer, what, case.

Rows are the plain dicts of `app.services.audit.audit_listing` (already filtered there); this model
only shows them. The words come from `app.domain.words.audit_wording`, never the raw stamps or keys.
"""

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

_HEADERS = (
    QT_TRANSLATE_NOOP("AuditEventModel", "No."),
    QT_TRANSLATE_NOOP("AuditEventModel", "When"),
    QT_TRANSLATE_NOOP("AuditEventModel", "Officer"),
    QT_TRANSLATE_NOOP("AuditEventModel", "What happened"),
    QT_TRANSLATE_NOOP("AuditEventModel", "Case"),
)
_KEYS = ("seq", "when", "officer", "detail", "case")


class AuditEventModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, object]] = []

    def set_rows(self, rows: list[dict[str, object]]) -> None:
        self.beginResetModel()  # a new filter is a new set of rows
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> dict[str, object]:
        return self._rows[row]

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
        row = self._rows[index.row()]
        if role == RecordRole:
            return row
        col = index.column()
        if role == SortRole:
            # Time sorts by the stored stamp (sortable text), the number as a number.
            return row["at"] if col == 1 else row[_KEYS[col]]
        if role == Qt.ItemDataRole.DisplayRole and 0 <= col < len(_KEYS):
            return str(row[_KEYS[col]])
        return None
