"""Validation reports: every problem with a record at once, per field, never the first exception.

Dialogs show these inline while the user types; import reports prefix them with a path such as
``cases[3].conversations[0].date``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.field}: " if self.field else ""
        return f"{where}{self.message}"


@dataclass
class ValidationReport:
    """Errors and warnings keyed by field name (or a dotted path)."""

    problems: list[Problem] = field(default_factory=list)

    def error(self, field_name: str, message: str) -> None:
        self.problems.append(Problem(field_name, message, Severity.ERROR))

    def warning(self, field_name: str, message: str) -> None:
        self.problems.append(Problem(field_name, message, Severity.WARNING))

    def extend(self, other: ValidationReport, prefix: str = "") -> None:
        for p in other.problems:
            name = f"{prefix}.{p.field}" if prefix and p.field else (prefix or p.field)
            self.problems.append(Problem(name, p.message, p.severity))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def for_field(self, field_name: str) -> list[Problem]:
        return [p for p in self.problems if p.field == field_name]

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class InvalidRecord(ValueError):
    """Raised by services when asked to store a record whose report has errors."""

    def __init__(self, report: ValidationReport, what: str = "record") -> None:
        self.report = report
        lines = "\n".join(f"  - {p}" for p in report.errors)
        super().__init__(f"The {what} was not saved because:\n{lines}")


def require_text(report: ValidationReport, name: str, value: str, label: str) -> None:
    if not value or not value.strip():
        report.error(name, f"{label} is required.")
