"""The audit trail as a table for the Audit window: number, when, officer, what, case.

Rows are the plain dicts of `app.services.audit.audit_listing`. Given a listing
(`set_listing`) the model holds one page at first and asks for the next as the view scrolls
(``canFetchMore``/``fetchMore``): the filter, the order and the count are the listing's SQL,
so a million-event trail shows its first screen at once. The words come from
`app.domain.words.audit_wording`, never the raw stamps or keys.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt

from app.models.list_table_model import ListTableModel
from app.models.roles import RecordRole, SortRole

_KEYS = ("seq", "when", "officer", "detail", "case")
PAGE = 200  # rows a fetch reads: a few screens


class Pages(Protocol):
    def page(self, after: int | None, limit: int) -> tuple[list[dict[str, object]], int | None]:
        """Rows after the cursor, and the next cursor (None at the end)."""


class AuditEventModel(ListTableModel[dict[str, object]]):
    HEADERS = (
        QT_TRANSLATE_NOOP("AuditEventModel", "No."),
        QT_TRANSLATE_NOOP("AuditEventModel", "When"),
        QT_TRANSLATE_NOOP("AuditEventModel", "Officer"),
        QT_TRANSLATE_NOOP("AuditEventModel", "What happened"),
        QT_TRANSLATE_NOOP("AuditEventModel", "Case"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__((), parent)
        self._pages: Pages | None = None
        self._cursor: int | None = None

    def set_rows(self, rows: list[dict[str, object]]) -> None:
        """A fixed list of rows (nothing more to fetch)."""
        self._pages = None
        self.reset_rows(rows)

    def set_listing(self, pages: Pages) -> None:
        """Show the first page of ``pages``; the rest comes as the view scrolls."""
        rows, self._cursor = pages.page(None, PAGE)
        self._pages = pages if self._cursor is not None else None
        self.reset_rows(rows)

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> dict[str, object]:
        return self._rows[row]

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._pages is not None

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._pages is None:
            return
        rows, self._cursor = self._pages.page(self._cursor, PAGE)
        if self._cursor is None:
            self._pages = None
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        row = self.row_item(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == RecordRole:
            return row
        col = index.column()
        if role == SortRole:
            # Time sorts by the stored stamp (sortable text), the number as a number.
            return row["at"] if col == 1 else row[_KEYS[col]]
        if role == Qt.ItemDataRole.DisplayRole and 0 <= col < len(_KEYS):
            return str(row[_KEYS[col]])
        return None
