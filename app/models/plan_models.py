"""Editable tables of a coaching plan: objectives, micro-goals and resources.

The plan editor edits frozen domain records in place: each edit replaces the row's record with
a copy holding the new value, so the dialog always has valid Python records to validate.
Columns are described once (`EditColumn`); the view's delegate asks `column_kind` which editor
to open. Problems from the plan's validation report are shown on the cells they concern.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from app.domain.plans import (
    Direction,
    MicroGoal,
    MicroGoalStatus,
    Objective,
    ObjectiveCategory,
    ResourceKind,
)
from app.models.record_table_model import RecordRowsModel
from app.models.roles import IdRole, RecordRole, SortRole
from app.models.theme import problem_background

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)


class Kind(Enum):
    TEXT = "text"
    NUMBER = "number"  # optional: blank means "no value"
    DATE = "date"
    CHOICE = "choice"


@dataclass(frozen=True)
class EditColumn:
    title: str
    field: str
    kind: Kind = Kind.TEXT
    choices: type[Enum] | None = None  # a LabelledEnum for Kind.CHOICE


def number_text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def parse_number(text: str) -> float | None:
    """'1,5' and '1.5' both read as 1.5; blank is None; anything else raises ValueError."""
    cleaned = text.strip().replace(" ", "").replace(",", ".")
    return float(cleaned) if cleaned else None


class EditableRecordTableModel(RecordRowsModel):
    """Rows of frozen records; every cell edits one field (see the module docstring)."""

    columns: tuple[EditColumn, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._problems: dict[tuple[int, str], str] = {}
        self.read_only = False
        self.on_change: Callable[[], None] | None = None

    # -- content -------------------------------------------------------------------------
    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._problems = {}
        self.endResetModel()

    def records(self) -> tuple[Any, ...]:
        return tuple(self._records)

    def append(self, record: Any) -> int:
        row = len(self._records)
        self.beginInsertRows(_ROOT, row, row)
        self._records.append(record)
        self.endInsertRows()
        self._changed()
        return row

    def remove(self, row: int) -> None:
        if not 0 <= row < len(self._records):
            return
        self.beginRemoveRows(_ROOT, row, row)
        del self._records[row]
        self.endRemoveRows()
        self._changed()

    def replace_record(self, row: int, record: Any) -> None:
        self._records[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        self._changed()

    def column_kind(self, column: int) -> EditColumn | None:
        return self.columns[column] if 0 <= column < len(self.columns) else None

    def set_problems(self, problems: dict[tuple[int, str], str]) -> None:
        """Messages per (row, field) from the plan's report; only changed cells repaint."""
        if problems == self._problems:
            return
        touched = set(problems) | set(self._problems)
        self._problems = dict(problems)
        by_field = {c.field: i for i, c in enumerate(self.columns)}
        for row, name in touched:
            col = by_field.get(name)
            if col is not None and 0 <= row < len(self._records):
                ix = self.index(row, col)
                self.dataChanged.emit(ix, ix, [_BACKGROUND, _TOOLTIP])

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    # -- Qt model API --------------------------------------------------------------------
    def column_specs(self) -> tuple[EditColumn, ...]:
        return self.columns

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if self.read_only else base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        record = self._records[index.row()]
        column = self.columns[index.column()]
        value = getattr(record, column.field)
        role = int(role)
        if role == _DISPLAY:
            return self._display(column, value)
        if role == _EDIT:
            return self._edit_value(column, value)
        if role == _TOOLTIP:
            return self._problems.get((index.row(), column.field))
        if role == _BACKGROUND:
            return (
                QBrush(problem_background())
                if (index.row(), column.field) in self._problems
                else None
            )
        if role == SortRole:
            if isinstance(value, Enum):
                return value.value
            return value.isoformat() if isinstance(value, date) else value
        if role == RecordRole:
            return record
        if role == IdRole:
            return index.row()
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            self.read_only
            or int(role) != _EDIT
            or not index.isValid()
            or not 0 <= index.row() < len(self._records)
        ):
            return False
        column = self.columns[index.column()]
        try:
            new = self._from_editor(column, value)
        except (TypeError, ValueError):
            return False
        record = self._records[index.row()]
        if getattr(record, column.field) == new:
            return True
        self._records[index.row()] = replace(record, **{column.field: new})
        self.dataChanged.emit(index, index, [_DISPLAY, _EDIT])
        self._changed()
        return True

    # -- conversions ---------------------------------------------------------------------
    @staticmethod
    def _display(column: EditColumn, value: Any) -> str:
        if column.kind is Kind.NUMBER:
            return number_text(value)
        if column.kind is Kind.DATE:
            return value.isoformat() if value else ""
        if column.kind is Kind.CHOICE:
            return value.label if value is not None else ""
        return value or ""

    @staticmethod
    def _edit_value(column: EditColumn, value: Any) -> Any:
        if column.kind is Kind.NUMBER:
            return number_text(value)
        if column.kind is Kind.DATE:
            return QDate(value.year, value.month, value.day) if value else QDate()
        if column.kind is Kind.CHOICE:
            return value.value if value is not None else ""
        return value or ""

    @staticmethod
    def _from_editor(column: EditColumn, value: Any) -> Any:
        if column.kind is Kind.NUMBER:
            return parse_number(str(value)) if not isinstance(value, int | float) else float(value)
        if column.kind is Kind.DATE:
            if isinstance(value, date):
                return value
            if isinstance(value, QDate):
                return date(value.year(), value.month(), value.day()) if value.isValid() else None
            return date.fromisoformat(str(value)) if value else None
        if column.kind is Kind.CHOICE:
            assert column.choices is not None
            return value if isinstance(value, column.choices) else column.choices(str(value))
        return str(value)


class ObjectiveTableModel(EditableRecordTableModel):
    columns = (
        EditColumn("Objective", "title"),
        EditColumn("Measure", "measure"),
        EditColumn("Unit", "unit"),
        EditColumn("Better when", "direction", Kind.CHOICE, Direction),
        EditColumn("Baseline", "baseline", Kind.NUMBER),
        EditColumn("Target", "target", Kind.NUMBER),
        EditColumn("Stretch", "stretch_target", Kind.NUMBER),
        EditColumn("By", "due_on", Kind.DATE),
        EditColumn("Category", "category", Kind.CHOICE, ObjectiveCategory),
    )

    def set_micro_goals(self, row: int, goals: tuple[MicroGoal, ...]) -> None:
        record: Objective = self._records[row]
        self._records[row] = replace(record, micro_goals=goals)
        self._changed()


class MicroGoalTableModel(EditableRecordTableModel):
    columns = (
        EditColumn("Micro-goal", "title"),
        EditColumn("Due", "due_on", Kind.DATE),
        EditColumn("Status", "status", Kind.CHOICE, MicroGoalStatus),
        EditColumn("Note", "note"),
    )


class ResourceTableModel(EditableRecordTableModel):
    columns = (
        EditColumn("Resource", "kind", Kind.CHOICE, ResourceKind),
        EditColumn("What", "description"),
        EditColumn("Provided by", "provider"),
        EditColumn("By", "by_date", Kind.DATE),
    )


def problems_by_row(report: Any, prefix: str) -> dict[tuple[int, str], str]:
    """``objectives[2].target: …`` → {(2, "target"): "…"} for the rows under ``prefix``."""
    out: dict[tuple[int, str], str] = {}
    head = prefix + "["
    for p in report:
        name = p.field
        if not name.startswith(head):
            continue
        index, _, rest = name[len(head) :].partition("].")
        if not index.isdigit() or not rest or "[" in rest:
            continue
        key = (int(index), rest)
        out[key] = (out[key] + " " + p.message) if key in out else p.message
    return out
