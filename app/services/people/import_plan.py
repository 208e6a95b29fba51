"""What an employee import would do, row by row, before anything is written: the action per row,
its problems and field changes, and the plan's summary, notes and diff for the officer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from app.domain.records import Employee
from app.domain.words.wording import plural
from app.services.people.csv_reading import CsvTable
from app.services.people.header_mapping import FIELDS_BY_KEY, ColumnMapping


class RowAction(Enum):
    ADD = "add"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    SKIP = "skip"  # has errors

    @property
    def label(self) -> str:
        return {"add": "New", "update": "Update", "unchanged": "Unchanged", "skip": "Error"}[
            self.value
        ]


@dataclass(frozen=True)
class RowProblem:
    """One line of the validation report."""

    row: int
    column: str
    problem: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", column '{self.column}'" if self.column else "")
        kind = "warning" if self.warning else "error"
        return f"{where}: {self.problem} ({kind})"


@dataclass(frozen=True)
class FieldChange:
    """One field an update would change: shown in the diff before anything is written."""

    field: str
    old: str
    new: str

    def __str__(self) -> str:
        return f"{FIELDS_BY_KEY[self.field].label}: '{self.old}' -> '{self.new}'"


@dataclass(frozen=True)
class PlannedRow:
    row: int
    values: tuple[str, ...]
    employee: Employee | None
    action: RowAction
    problems: tuple[RowProblem, ...] = ()
    changes: tuple[FieldChange, ...] = ()


@dataclass
class ImportPlan:
    """Everything the officer sees before anything is written."""

    table: CsvTable
    mapping: ColumnMapping
    rows: list[PlannedRow] = field(default_factory=list)
    mapping_errors: list[str] = field(default_factory=list)
    date_note: str = ""
    date_stop: str = ""  # the dates cannot be read until the officer picks the order
    missing: list[Employee] = field(default_factory=list)  # stored, not in the file: kept
    unused_columns: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[RowProblem]:
        return [p for r in self.rows for p in r.problems]

    @property
    def errors(self) -> list[RowProblem]:
        return [p for p in self.problems if not p.warning]

    @property
    def valid_rows(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.action is not RowAction.SKIP]

    @property
    def error_rows(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.action is RowAction.SKIP]

    def count(self, action: RowAction) -> int:
        return sum(1 for r in self.rows if r.action is action)

    @property
    def blocked(self) -> str:
        """Why nothing can be imported at all (mapping or date order); empty when it can."""
        return " ".join([*self.mapping_errors, *([self.date_stop] if self.date_stop else [])])

    @property
    def ok(self) -> bool:
        """True when every row is valid (an all-or-nothing import would go ahead)."""
        return not self.blocked and not self.errors

    def summary(self) -> str:
        if self.mapping_errors:
            return " ".join(self.mapping_errors)
        parts = [
            f"{plural(len(self.rows), 'row')}: {self.count(RowAction.ADD)} new, "
            f"{plural(self.count(RowAction.UPDATE), 'update')}, "
            f"{self.count(RowAction.UNCHANGED)} unchanged"
        ]
        if self.missing:
            parts.append(f"{len(self.missing)} stored but not in the file (kept as they are)")
        if self.error_rows:
            parts.append(f"{len(self.error_rows)} with errors")
        text = ", ".join(parts) + "."
        return f"{self.date_stop} {text}" if self.date_stop else text

    def notes(self) -> list[str]:
        """Sentences for the report: encoding guess, date order, columns not used."""
        out = [n for n in (self.table.encoding_note(), self.date_note) if n]
        if self.unused_columns:
            out.append("Columns not imported: " + ", ".join(self.unused_columns) + ".")
        return out

    def diff_lines(self) -> list[str]:
        """The diff preview: added, changed, unchanged and missing from the file."""
        lines: list[str] = []
        for r in self.rows:
            emp = r.employee
            if emp is None:
                continue
            if r.action is RowAction.ADD:
                lines.append(f"  + added     {emp.employee_number} {emp.name}")
            elif r.action is RowAction.UPDATE:
                changes = "; ".join(str(c) for c in r.changes)
                lines.append(f"  ~ changed   {emp.employee_number} {emp.name}: {changes}")
        unchanged = self.count(RowAction.UNCHANGED)
        if unchanged:
            lines.append(f"  = unchanged {plural(unchanged, 'employee')}")
        for emp in self.missing:
            lines.append(f"  - not in the file {emp.employee_number} {emp.name} (kept)")
        return lines
