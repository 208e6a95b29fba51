"""Validation reports: every problem with a record at once, per field, never the first exception.

Dialogs show these inline while the user types; import reports prefix them with a path such as
``cases[3].conversations[0].date``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

from app.domain.words.phrases import Phrase, SemicolonJoined, Term


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"


_ALONE = "{text}"  # no words of its own, so not a catalogue message


@dataclass(frozen=True)
class Problem:
    """One problem; ``message`` is a `Phrase` where the core worded it (said in the reader's
    language), or plain text."""

    field: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        return self.phrase()

    def phrase(self) -> Phrase:
        """``field: message`` as a `Phrase` (the message said in the reader's language)."""
        message = self.message if isinstance(self.message, Phrase) else Term(self.message)
        if not self.field:
            return Phrase(_ALONE, text=message)
        return Phrase("{field}: {text}", field=self.field, text=message)


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


class _Lines(SemicolonJoined):
    """Problems one a line, as a list ("  - …")."""

    __slots__ = ()
    separator = "\n  - "


class InvalidRecord(ValueError):
    """Raised by services when asked to store a record whose report has errors; the message is
    a `Phrase` (the window says it in its language)."""

    def __init__(self, report: ValidationReport, what: str = "record") -> None:
        self.report = report
        problems = _Lines(p.phrase() for p in report.errors)
        super().__init__(
            Phrase(
                "The {what} was not saved because:\n  - {problems}",
                what=Term(what),
                problems=problems,
            )
        )


def require_text(report: ValidationReport, name: str, value: str, label: str) -> None:
    """``label`` is core wording (a catalogue message), said in the reader's language."""
    if not value or not value.strip():
        report.error(name, Phrase("{label} is required.", label=Term(label)))
