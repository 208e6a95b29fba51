"""Values of the JSON interchange format (docs/FORMAT.md): each field has a *kind* that says
how it is read from JSON and written back, and a `RecordSpec` describes a whole record.

Reading never stops at the first problem: `ValueParser` records each one under its path
(``cases[2].plans[0].objectives[1].target``) so an import can list them all.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
from datetime import date, datetime
from enum import Enum
from typing import Any

from app.domain.validation import Severity, ValidationReport

# Field kinds. An Enum class is a kind too, and a 1-tuple (Enum,) a list of its values.
DATE = "date"
DATETIME = "datetime"
STR = "str"
OPT_STR = "str?"
NUM = "number?"  # stored as a REAL column: always a float
NUMBER = "number"  # stored inside JSON: kept as given (28 stays 28)
INT = "integer"
BOOL = "boolean"
OPT_BOOL = "boolean?"
STRS = "strings"


def plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    return value


class ValueParser:
    """Turns JSON values into field values, recording a path-named problem for each failure."""

    def __init__(self, report: ValidationReport) -> None:
        self.report = report
        self.dropped = 0  # nested items that could not be built (their problems are reported)

    def value(self, path: str, raw: Any, kind: Any, required: bool) -> Any:
        if raw is None or raw == "":
            if required:
                self.report.error(path, "is required")
            if isinstance(kind, tuple):
                return ()
            return {STR: "", STRS: ()}.get(kind)
        try:
            return self._convert(raw, kind)
        except (ValueError, TypeError) as exc:
            self.report.error(path, str(exc))
            return None

    def _convert(self, raw: Any, kind: Any) -> Any:
        if kind in (STR, OPT_STR):
            if not isinstance(raw, str):
                raise TypeError("must be text")
            return raw
        if kind == DATE:
            return parse_date(raw)
        if kind == DATETIME:
            if not isinstance(raw, str):
                raise TypeError("must be a date-time like 2026-03-16T09:30:00+00:00")
            try:
                return datetime.fromisoformat(raw)
            except ValueError:
                raise ValueError(
                    f"'{raw}' is not a date-time like 2026-03-16T09:30:00+00:00"
                ) from None
        if kind in (NUM, NUMBER):
            if isinstance(raw, bool) or not isinstance(raw, int | float):
                raise TypeError("must be a number")
            return float(raw) if kind == NUM else raw
        if kind == INT:
            if isinstance(raw, bool) or not isinstance(raw, int):
                raise TypeError("must be a whole number")
            return raw
        if kind in (BOOL, OPT_BOOL):
            if not isinstance(raw, bool):
                raise TypeError("must be true or false")
            return raw
        if kind == STRS:
            if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
                raise TypeError("must be a list of texts")
            return tuple(raw)
        if isinstance(kind, tuple):
            if not isinstance(raw, list):
                raise TypeError("must be a list")
            return tuple(kind[0].parse(v) for v in raw)
        if isinstance(kind, type) and issubclass(kind, Enum):
            if not isinstance(raw, str):
                raise TypeError("must be text")
            return kind.parse(raw)
        raise TypeError(f"unknown field kind {kind!r}")

    def values(self, path: str, raw: Any, spec: RecordSpec) -> dict[str, Any] | None:
        """The parsed values of one JSON object (None when it is not an object)."""
        if not check_keys(self.report, path, raw, spec.keys):
            return None
        out: dict[str, Any] = {}
        for name, kind in spec.fields.items():
            where = f"{path}.{name}"
            if isinstance(kind, RecordSpec):
                out[name] = self.nested(where, raw.get(name), kind)
            else:
                out[name] = self.value(where, raw.get(name), kind, name in spec.required)
        return out

    def nested(self, path: str, raw: Any, spec: RecordSpec) -> tuple:
        """A list of small objects inside a record (objectives, micro-goals, participants)."""
        out = []
        for i, item in enumerate(self.items(path, raw)):
            values = self.values(f"{path}[{i}]", item, spec)
            if values is None or any(values[n] is None for n in spec.required):
                self.dropped += 1  # reported; the list's indexes no longer match the document
                continue
            out.append(spec.build(values))
        return tuple(out)

    def items(self, path: str, raw: Any) -> list:
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.report.error(path, "must be a list")
            return []
        return raw


def parse_date(raw: Any) -> date:
    if not isinstance(raw, str):
        raise TypeError("must be a date like 2026-03-16")
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ValueError(f"'{raw}' is not a real date (use YYYY-MM-DD)") from None


def check_keys(report: ValidationReport, path: str, obj: Any, allowed: set[str]) -> bool:
    if not isinstance(obj, dict):
        report.error(path, "must be an object")
        return False
    for key in obj:
        if key not in allowed:
            report.error(f"{path}.{key}", "is not a field of this format")
    return True


def merge_problems(report: ValidationReport, sub: ValidationReport, prefix: str) -> None:
    """Add a record's own validation problems, except errors at a path already reported: a
    value that failed to parse is also "missing" to the record's ``validate()``."""
    reported = {p.field for p in report.errors}
    scoped = ValidationReport()
    scoped.extend(sub, prefix)
    for problem in scoped.problems:
        if problem.severity is Severity.ERROR and problem.field in reported:
            continue
        report.problems.append(problem)


@dataclass(frozen=True)
class RecordSpec:
    """How one kind of record reads from and writes to JSON.

    ``fields`` maps each key to its kind (a nested `RecordSpec` for a list of objects such as a
    plan's objectives). ``required`` keys are needed to build the record at all (the domain's
    own ``validate()`` checks the rest); ``links`` name another record by uid and are resolved
    to ids on import; ``extra`` keys are read by the caller (a plan's progress, a review's
    outcome).
    """

    record: type
    fields: dict[str, Any]
    required: frozenset[str] = frozenset({"uid"})
    links: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()

    @property
    def keys(self) -> set[str]:
        return {*self.fields, *self.extra}

    def build(self, values: dict[str, Any], **context: Any) -> Any:
        """The record from parsed values; a value that is missing or failed to parse takes the
        record's default (its problem is already reported), so validation can run safely."""
        defaults = {
            f.name
            for f in fields(self.record)
            if f.default is not MISSING or f.default_factory is not MISSING
        }
        kwargs = {
            name: value
            for name, value in values.items()
            if name not in self.links and (value is not None or name not in defaults)
        }
        return self.record(**context, **kwargs)

    def export(self, record: Any, **links: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, kind in self.fields.items():
            if name in self.links:
                out[name] = links.get(name)
            elif isinstance(kind, RecordSpec):
                out[name] = [kind.export(item) for item in getattr(record, name)]
            else:
                out[name] = plain(getattr(record, name))
        return out
