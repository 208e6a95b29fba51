"""The case list: a lazily paged table over the vault's SQL, responsive at 100,000 cases.

The first screen of a query is one indexed ``ORDER BY … LIMIT`` plus a count (an index
read; kept when only the sort changes), so showing a sort or a filter never reads every
matching id. The full id list in list order is read once, on the first ``fetchMore``; later
pages are read by id, so a deep page costs no OFFSET walk, and nothing is sorted in Python (a
proxy sort over 100k rows took 11 s — see MEASURED.md). A full-text search lists its hits
newest entry first, streamed from the FTS index a page at a time (a common word matched
~500k of 1M entries); clicking a column while searching sorts every hit in SQL instead.
Flags are computed only for rows that have been fetched, and cached per row. Figures:
bench/run.py and docs/PERFORMANCE.md.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain.escalation.flags import Flag, flag_words
from app.domain.words.labels import label
from app.models.roles import CaseColumn, FlagsRole, IdRole, RecordRole, SortRole, stage_label
from app.models.theme import tone
from app.models.ui_formats import ui_formats
from app.services.cases.case_list import (
    PAGE_SIZE,
    CaseQuery,
    CaseRow,
    is_text_search,
    match_sources,
    match_words,
    search_hits,
)

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invalid parent of every row
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)


class CaseTableModel(QAbstractTableModel):
    """Columns: reference, employee, department, stage, track, owner, next deadline, flags,
    and, while searching, where each hit matched."""

    def __init__(self, services: Any, parent: Any = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._services = services
        self._page_size = page_size
        self._query = CaseQuery()
        self._ids: list[int] | None = None  # every matching case in list order, once needed
        self._total = 0  # the count of matching cases (sorted mode)
        self._rows: list[CaseRow] = []  # the fetched prefix of the list
        self._hit_order = False  # a text search shown in hit order, streamed
        self._cursor: int | None = None  # where the hit stream goes on (None: no more)
        self._seen: set[int] = set()  # case ids the hit stream has returned
        self._flags: dict[int, frozenset[Flag]] = {}
        self._matched: dict[int, str] = {}  # case id → where the search matched, in words
        self._today: date | None = None
        if services is not None:
            self._requery()

    # -- what is shown -----------------------------------------------------------------------
    @property
    def query(self) -> CaseQuery:
        return self._query

    @property
    def total(self) -> int:
        """How many cases match the query (not how many are fetched yet). For a search in
        hit order: the hits read so far (more may follow, see ``canFetchMore``)."""
        if self._hit_order:
            return len(self._rows)
        return len(self._ids) if self._ids is not None else self._total

    @property
    def in_hit_order(self) -> bool:
        """True while a text search is listed newest hit first rather than by a column."""
        return self._hit_order

    @property
    def has_services(self) -> bool:
        """False once cleared on lock."""
        return self._services is not None

    @property
    def fetched(self) -> int:
        return len(self._rows)

    def set_query(self, query: CaseQuery) -> None:
        """Show the cases matching ``query`` (keeps the current sort)."""
        self._query = replace(query, sort=self._query.sort, descending=self._query.descending)
        self._hit_order = is_text_search(self._query)
        self._reset()

    def refresh(self) -> None:
        """Re-read after a change (a case opened, advanced, closed) keeping what is fetched."""
        self._reset(keep=len(self._rows))

    def row_at(self, row: int) -> CaseRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_case(self, case_id: int) -> int:
        """Row number of a fetched case, or -1."""
        for i, r in enumerate(self._rows):
            if r.id == case_id:
                return i
        return -1

    def clear(self) -> None:
        """Forget every row and the services (on lock): nothing of the vault stays in memory."""
        self.beginResetModel()
        self._services = None
        self._ids = None
        self._total = 0
        self._rows = []
        self._flags = {}
        self._matched = {}
        self._seen = set()
        self._cursor = None
        self._hit_order = False
        self._query = CaseQuery()
        self.endResetModel()

    # -- Qt model API ----------------------------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(CaseColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(CaseColumn):
            if role == _DISPLAY:
                return CaseColumn(section).title
            if role == _TOOLTIP and CaseColumn(section) is CaseColumn.MATCHED:
                return self.tr("Where the search text was found in each case")
            if role == _TOOLTIP and CaseColumn(section).sort_key is None:
                return self.tr("Filter by flag with the filter bar")
        elif orientation == Qt.Orientation.Vertical and role == _DISPLAY:
            return section + 1
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = CaseColumn(index.column())
        role = int(role)
        if role == _DISPLAY:
            if column is CaseColumn.FLAGS:
                return flag_words(self.flags_of(index.row()), ui_formats().language)
            if column is CaseColumn.MATCHED:
                return self.matched_in(index.row())
            return self._display(row, column)
        if role == _TOOLTIP and column is CaseColumn.FLAGS:
            return flag_words(self.flags_of(index.row()), ui_formats().language) or None
        if role == _TOOLTIP and column in (CaseColumn.MATCHED, CaseColumn.REFERENCE):
            words = self.matched_in(index.row())
            return self.tr("Matched in: %1").replace("%1", words) if words else None
        if role == SortRole:
            return self._sort_value(row, column)
        if role == RecordRole:
            return row
        if role == IdRole:
            return row.id
        if role == FlagsRole:
            return self.flags_of(index.row())
        if (
            role == _FOREGROUND
            and column in (CaseColumn.NEXT_DUE, CaseColumn.FLAGS)
            and Flag.OVERDUE in self.flags_of(index.row())
        ):
            return tone("error")
        if role == _ALIGN and column is CaseColumn.NEXT_DUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def canFetchMore(self, parent: _Index = _ROOT) -> bool:
        if parent.isValid():
            return False
        if self._hit_order:
            return self._cursor is not None
        return len(self._rows) < self.total

    def fetchMore(self, parent: _Index = _ROOT) -> None:
        if parent.isValid() or self._services is None:
            return
        start = len(self._rows)
        if self._hit_order:
            page, self._cursor = search_hits(
                self._services, self._query, self._cursor, self._page_size, self._seen
            )
        else:
            page = self._next_page(start)
        if not page:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def _next_page(self, start: int) -> list[CaseRow]:
        if self._ids is None:  # the first scroll past the first screen: every id, once
            ids = self._services.cases.ids(self._query)
            shown = [r.id for r in self._rows]
            if ids[:start] != shown:  # the vault changed since: keep what is shown first
                on_screen = set(shown)
                ids = shown + [i for i in ids if i not in on_screen]
            self._ids = ids
        wanted = self._ids[start : start + self._page_size]
        page = self._services.cases.rows_by_ids(wanted)
        if len(page) < len(wanted):  # a case vanished since the query: forget its id
            self._ids[start : start + len(wanted)] = [r.id for r in page]
        return page

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(CaseColumn):
            return
        key = CaseColumn(column).sort_key
        if key is None:
            return  # flags are computed, not stored: filter on them instead
        descending = order == Qt.SortOrder.DescendingOrder
        same = key == self._query.sort and descending == self._query.descending
        if same and not self._hit_order:
            return
        was_hits = self._hit_order
        self._query = replace(self._query, sort=key, descending=descending)
        self._hit_order = False  # sorting a search reads every hit, in SQL
        self._reset(same_filter=not was_hits)

    # -- flags ------------------------------------------------------------------------------------
    def flags_of(self, row: int) -> frozenset[Flag]:
        """Flags of a fetched row, computed on first use (only visible rows ever ask)."""
        case_row = self._rows[row]
        cached = self._flags.get(case_row.id)
        if cached is None:
            cached = self._compute_flags(case_row)
            self._flags[case_row.id] = cached
        return cached

    def _compute_flags(self, row: CaseRow) -> frozenset[Flag]:
        escalation = getattr(self._services, "escalation", None)
        if escalation is None or self._today is None:
            return frozenset()
        return frozenset(escalation.row_flags(row, self._today))

    def matched_in(self, row: int) -> str:
        """Where the search matched in a fetched row ('employee, officer'); '' without a
        search. Computed on first use, like flags: only rows on screen ever ask."""
        if not self._query.search.strip() or self._services is None:
            return ""
        case_id = self._rows[row].id
        if case_id not in self._matched:
            sources = match_sources(self._services, self._query, case_id)
            self._matched[case_id] = match_words(sources)
        return self._matched[case_id]

    # -- internals --------------------------------------------------------------------------------
    def _reset(self, keep: int = 0, same_filter: bool = False) -> None:
        self.beginResetModel()
        self._requery(keep, same_filter)
        self.endResetModel()

    def _requery(self, keep: int = 0, same_filter: bool = False) -> None:
        """First screen: one page in SQL order, and the count (kept when only the sort
        changed: the same filter matches the same cases)."""
        total = self.total if same_filter and not self._hit_order else None
        self._ids = None
        self._rows = []
        self._flags = {}
        self._matched = {}
        self._seen = set()
        self._cursor = None
        if self._services is None:
            return
        self._today = self._services.clock.today()
        # After a change, re-read what was on screen, but never more than ten pages at once.
        want = max(self._page_size, min(keep, 10 * self._page_size))
        if self._hit_order:
            self._rows, self._cursor = search_hits(
                self._services, self._query, None, want, self._seen
            )
            return
        self._total = self._services.cases.count(self._query) if total is None else total
        self._rows = self._services.cases.rows(self._query, 0, want)

    @staticmethod
    def _display(row: CaseRow, column: CaseColumn) -> str:
        if column is CaseColumn.REFERENCE:
            return row.reference
        if column is CaseColumn.EMPLOYEE:
            return row.employee
        if column is CaseColumn.DEPARTMENT:
            return row.department
        if column is CaseColumn.STAGE:
            return stage_label(row.stage)
        if column is CaseColumn.TRACK:
            return label(row.track, ui_formats().language)
        if column is CaseColumn.OWNER:
            return row.owner
        if column is CaseColumn.NEXT_DUE:
            return ui_formats().date(row.next_due_on)
        return ""

    def _sort_value(self, row: CaseRow, column: CaseColumn) -> Any:
        if column is CaseColumn.NEXT_DUE:
            return row.next_due_on or date.max
        if column is CaseColumn.FLAGS:
            return len(self._flags.get(row.id, ()))
        if column is CaseColumn.TRACK:
            return row.track.value
        return self._display(row, column)
