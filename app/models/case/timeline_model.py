"""The case timeline as a table: date, what happened, who, and the detail.

Events come from `app.services.cases.timeline.case_timeline` already in date order; the model adds
`KindRole` so a proxy can show one kind of event at a time.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from app.models.case.record_table_model import RecordColumn, RecordTableModel, one_line, when
from app.models.roles import KindRole, SortRole
from app.models.theme import tone
from app.models.ui_formats import ui_formats
from app.services.cases.timeline import TimelineEvent

_Index = QModelIndex | QPersistentModelIndex
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)

# Stage moves and exceptions are the turning points of a case: shown in the accent colour.
# Good news (a plan milestone achieved) reads in the success tone; tones follow the theme.
_ACCENT = {"stage_change": "info", "exception": "exception", "milestone": "success"}


def _language() -> str:
    return ui_formats().language


TIMELINE_COLUMNS = (
    RecordColumn(
        QT_TRANSLATE_NOOP("TimelineModel", "Date"),
        lambda e: when(e.on),
        sort=lambda e: f"{e.on.isoformat()} {e.order}",
    ),
    RecordColumn(QT_TRANSLATE_NOOP("TimelineModel", "Event"), lambda e: e.kind_in(_language())),
    RecordColumn(
        QT_TRANSLATE_NOOP("TimelineModel", "What"),
        lambda e: one_line(e.title_in(_language()), 90),
        tooltip=lambda e: e.title_in(_language()),
    ),
    RecordColumn(
        QT_TRANSLATE_NOOP("TimelineModel", "Who"),
        lambda e: one_line(e.who_in(_language()), 50),
        tooltip=lambda e: e.who_in(_language()),
    ),
    RecordColumn(
        QT_TRANSLATE_NOOP("TimelineModel", "Detail"),
        lambda e: one_line(e.detail_in(_language())),
        tooltip=lambda e: e.detail_in(_language()),
    ),
)


class TimelineModel(RecordTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(TIMELINE_COLUMNS, parent)

    def set_events(self, events: list[TimelineEvent]) -> None:
        self.set_records(events)

    def kinds(self) -> list[tuple[str, str]]:
        """(kind, label) of the kinds present, in first-seen order, for a filter box."""
        seen: dict[str, str] = {}
        for e in self.records():
            seen.setdefault(e.kind, e.kind_in(_language()))
        return list(seen.items())

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if int(role) == KindRole:
            event = self.record_at(index.row()) if index.isValid() else None
            return event.kind if event is not None else None
        if int(role) == _FOREGROUND:
            event = self.record_at(index.row()) if index.isValid() else None
            kind = _ACCENT.get(event.kind) if event is not None else None
            return tone(kind) if kind else None
        return super().data(index, role)


class TimelineFilterProxy(QSortFilterProxyModel):
    """Shows one kind of event (or all) and sorts on `SortRole`; a case has few events."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._kind: str | None = None
        self.setSortRole(SortRole)

    def set_kind(self, kind: str | None) -> None:
        self.beginFilterChange()
        self._kind = kind or None
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if self._kind is None:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return index.data(KindRole) == self._kind
