"""The employees list: every person in the vault, with a quick text filter.

An organisation has thousands of employees, not hundreds of thousands, so the model holds
them all; the filter proxy matches against one pre-folded string per person instead of asking
``data()`` for every column of every row.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)

from app.domain.records import Employee
from app.models.case.record_table_model import RecordColumn, RecordTableModel, when
from app.models.roles import SortRole

_Index = QModelIndex | QPersistentModelIndex

EMPLOYEE_COLUMNS = (
    RecordColumn(QT_TRANSLATE_NOOP("EmployeeTableModel", "Number"), lambda e: e.employee_number),
    RecordColumn(QT_TRANSLATE_NOOP("EmployeeTableModel", "Name"), lambda e: e.name),
    RecordColumn(QT_TRANSLATE_NOOP("EmployeeTableModel", "Job title"), lambda e: e.job_title),
    RecordColumn(QT_TRANSLATE_NOOP("EmployeeTableModel", "Department"), lambda e: e.department),
    RecordColumn(QT_TRANSLATE_NOOP("EmployeeTableModel", "Manager"), lambda e: e.manager),
    RecordColumn(
        QT_TRANSLATE_NOOP("EmployeeTableModel", "Start date"),
        lambda e: when(e.start_date),
        sort=lambda e: e.start_date.isoformat() if e.start_date else "",
    ),
    RecordColumn(QT_TRANSLATE_NOOP("EmployeeTableModel", "E-mail"), lambda e: e.email),
)


def _haystack(e: Employee) -> str:
    return " ".join(
        (e.employee_number, e.name, e.job_title, e.department, e.manager, e.email)
    ).casefold()


class EmployeeTableModel(RecordTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(EMPLOYEE_COLUMNS, parent)
        self._haystacks: list[str] = []

    def set_records(self, records: Any) -> None:
        self._haystacks = [_haystack(e) for e in records]
        super().set_records(records)

    def haystack(self, row: int) -> str:
        return self._haystacks[row] if 0 <= row < len(self._haystacks) else ""

    def replace_employee(self, employee: Employee) -> int:
        """Show an edited or new employee with the smallest change: one row updated or added."""
        row = self.row_of_id(employee.id)
        if row >= 0:
            self._records[row] = employee
            self._haystacks[row] = _haystack(employee)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
            return row
        row = len(self._records)
        self.beginInsertRows(QModelIndex(), row, row)
        self._records.append(employee)
        self._haystacks.append(_haystack(employee))
        self.endInsertRows()
        return row


class EmployeeFilterProxy(QSortFilterProxyModel):
    """Every word typed must appear somewhere in the person's number, name, title, …"""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SortRole)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        if not isinstance(model, EmployeeTableModel):
            return True
        hay = model.haystack(source_row)
        return all(w in hay for w in self._words)
