"""The CSV import preview: each row of the file as it would be written, and the problem list.

Rows that would be written show the values Casepath will store (dates already read, names
joined); rows with errors show what the file says, in red, so the officer can find them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.models.case.record_table_model import RecordColumn, RecordTableModel
from app.models.theme import tone
from app.models.ui_formats import ui_formats, ui_label, ui_said
from app.services.people.employee_import import (
    FIELDS_BY_KEY,
    ImportPlan,
    PlannedRow,
    RowAction,
    RowProblem,
)

_Index = QModelIndex | QPersistentModelIndex
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)

PREVIEW_FIELDS = (
    "employee_number",
    "name",
    "job_title",
    "department",
    "manager",
    "start_date",
    "email",
)


def _shown(row: PlannedRow, plan: ImportPlan, key: str) -> str:
    if row.employee is not None:
        value = getattr(row.employee, key)
        return ui_formats().date(value) if isinstance(value, date) else str(value or "")
    if key == "name" and "name" not in plan.mapping:
        parts = [_raw(row, plan, k) for k in ("first_name", "last_name")]
        return " ".join(p for p in parts if p)
    return _raw(row, plan, key)


def _raw(row: PlannedRow, plan: ImportPlan, key: str) -> str:
    header = plan.mapping.get(key)
    if header is None:
        return ""
    i = plan.table.column(header)
    return row.values[i] if i < len(row.values) else ""


class ImportPreviewModel(RecordTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__((), parent)
        self.plan: ImportPlan | None = None

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.beginResetModel()
        self.plan = plan
        if plan is None or plan.mapping_errors:
            self._columns = ()
            self._records = []
        else:
            columns = [
                RecordColumn(self.tr("Row"), lambda r: str(r.row), sort=lambda r: r.row),
                RecordColumn(
                    self.tr("Status"),
                    lambda r: ui_label(r.action),
                    tooltip=lambda r: "\n".join(str(p) for p in r.problems),
                ),
            ]
            for key in PREVIEW_FIELDS:
                mapped = key in plan.mapping or (
                    key == "name" and ("first_name" in plan.mapping or "last_name" in plan.mapping)
                )
                if mapped:
                    columns.append(
                        RecordColumn(
                            FIELDS_BY_KEY[key].label, lambda r, k=key, p=plan: _shown(r, p, k)
                        )
                    )
            self._columns = tuple(columns)
            self._records = list(plan.rows)
        self.endResetModel()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if int(role) == _FOREGROUND and index.isValid():
            row = self.record_at(index.row())
            if row is not None and row.action is RowAction.SKIP:
                return tone("error")
            if row is not None and row.action is RowAction.UPDATE and index.column() == 1:
                return tone("info")
            return None
        return super().data(index, role)


_WARNING = QT_TRANSLATE_NOOP("ImportProblemModel", "(warning)")


def _problem_text(p: RowProblem) -> str:
    """The problem in the interface language, marked when it is only a warning."""
    said = ui_said(p.problem)
    return (
        f"{said} {QCoreApplication.translate('ImportProblemModel', _WARNING)}"
        if p.warning
        else said
    )


PROBLEM_COLUMNS = (
    RecordColumn(
        QT_TRANSLATE_NOOP("ImportProblemModel", "Row"), lambda p: str(p.row), sort=lambda p: p.row
    ),
    RecordColumn(QT_TRANSLATE_NOOP("ImportProblemModel", "Column"), lambda p: p.column),
    RecordColumn(
        QT_TRANSLATE_NOOP("ImportProblemModel", "Problem"),
        _problem_text,
    ),
)


class ImportProblemModel(RecordTableModel):
    """The validation report: one line per (row, column, problem)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(PROBLEM_COLUMNS, parent)

    def set_problems(self, problems: list[RowProblem]) -> None:
        self.set_records(problems)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if int(role) == _FOREGROUND and index.isValid():
            problem = self.record_at(index.row())
            return None if problem is None or problem.warning else tone("error")
        return super().data(index, role)
