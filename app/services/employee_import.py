"""Importing employees from an HRIS CSV export: read, map columns, check, then write.

Nothing is written until the officer has seen the validation report. The steps are separate
so the dialog can show each one (and the CLI can run them in a row):

1. `read_csv(data)` sniffs the encoding (UTF-8 with or without BOM, UTF-16 with BOM as Excel's
   "Unicode text" writes it, then Windows-1252) and the delimiter (comma, semicolon, tab, pipe).
2. `guess_mapping(headers)` proposes which column feeds which employee field; the officer can
   change it (`parse_mapping_options` reads the CLI's ``--map column=field``).
3. `plan_import(table, mapping, ...)` turns every row into an `Employee` or into problems
   (row, column, problem), marks rows as new or updating an existing employee, and flags
   employee numbers that appear twice in the file.
4. `run_import(employees, plan, mode)` writes in one transaction: with `ALL_OR_NOTHING` any
   problem refuses the whole file; with `VALID_ROWS` the rows with errors are skipped.

Row numbers are the ones a spreadsheet shows: the header is row 1, the first person row 2.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum

from app.domain.records import Employee
from app.services.case_service import EmployeeService

MAX_CSV_BYTES = 50 * 1024 * 1024


class CsvImportError(ValueError):
    """The file cannot be imported as asked; the message says what to do."""


# -- the employee fields a column can feed ------------------------------------------------
@dataclass(frozen=True)
class TargetField:
    key: str
    label: str
    required: bool
    synonyms: tuple[str, ...]


TARGET_FIELDS: tuple[TargetField, ...] = (
    TargetField(
        "employee_number",
        "Employee number",
        True,
        (
            "employee number",
            "employee no",
            "employee id",
            "emp id",
            "emp no",
            "empno",
            "personnel number",
            "staff number",
            "staff id",
            "worker id",
            "id",
            "number",
        ),
    ),
    TargetField(
        "name",
        "Name",
        False,
        ("name", "full name", "employee name", "display name", "preferred name"),
    ),
    TargetField(
        "first_name", "First name", False, ("first name", "given name", "forename", "firstname")
    ),
    TargetField(
        "last_name", "Last name", False, ("last name", "surname", "family name", "lastname")
    ),
    TargetField("job_title", "Job title", False, ("job title", "title", "position", "role", "job")),
    TargetField(
        "department",
        "Department",
        True,
        ("department", "dept", "team", "division", "org unit", "cost centre", "cost center"),
    ),
    TargetField(
        "manager",
        "Manager",
        False,
        ("manager", "line manager", "supervisor", "reports to", "manager name"),
    ),
    TargetField(
        "start_date",
        "Start date",
        False,
        (
            "start date",
            "hire date",
            "date of hire",
            "hired",
            "joined",
            "start",
            "date joined",
            "employment start",
        ),
    ),
    TargetField(
        "email", "E-mail", False, ("email", "e-mail", "email address", "work email", "mail")
    ),
)
FIELDS_BY_KEY = {f.key: f for f in TARGET_FIELDS}


_NUMBER_WORDS = {"no", "nr", "num", "#", "nbr"}


def _norm(header: str) -> str:
    """'Personnel No.', 'personnel_nr' and 'Personnel #' all read 'personnel number'."""
    words = re.sub(r"[\s_\-.:]+", " ", header.strip().lower().replace("#", " # ")).split()
    return " ".join("number" if w in _NUMBER_WORDS else w for w in words)


# -- reading -----------------------------------------------------------------------------
@dataclass(frozen=True)
class CsvTable:
    """A decoded CSV file: its header names and the data rows (row 2 onwards)."""

    encoding: str
    delimiter: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_numbers: tuple[int, ...]  # the spreadsheet row number of each data row

    def column(self, header: str) -> int:
        return self.headers.index(header)


_ENCODING_LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (with BOM)",
    "utf-16": "UTF-16",
    "cp1252": "Windows-1252",
}


def encoding_label(encoding: str) -> str:
    return _ENCODING_LABELS.get(encoding, encoding)


def decode_csv(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text and the encoding used: the one asked for, or the first that fits."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise CsvImportError(
                f"The file cannot be read as {encoding}: {exc}. Try another encoding, or save "
                "it from the spreadsheet as 'CSV UTF-8'."
            ) from None
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    for candidate in ("utf-8", "cp1252"):
        try:
            return data.decode(candidate), candidate
        except UnicodeDecodeError:
            continue
    raise CsvImportError(
        "The file is neither UTF-8 nor Windows-1252 text. Save it from the spreadsheet as "
        "'CSV UTF-8' and try again."
    )


def _sniff_delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        first = text.splitlines()[0] if text else ""
        counts = {d: first.count(d) for d in ",;\t|"}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def read_csv(data: bytes, encoding: str | None = None, delimiter: str | None = None) -> CsvTable:
    """Decode and split a CSV export; empty lines are skipped but keep row numbering."""
    if not data.strip():
        raise CsvImportError("The file is empty. Export the employee list again.")
    if len(data) > MAX_CSV_BYTES:
        raise CsvImportError("The file is larger than 50 MB; split it and import the parts.")
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise CsvImportError(
            "This is not a text CSV file (it holds binary data). Export the "
            "list from the HR system as CSV and try again."
        )
    text, used = decode_csv(data, encoding)
    if delimiter is not None and len(delimiter) != 1:
        raise CsvImportError(
            f"The separator must be one character, such as ',' or ';' (not {delimiter!r})."
        )
    delim = delimiter or _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    headers: list[str] | None = None
    rows: list[tuple[str, ...]] = []
    numbers: list[int] = []
    try:
        for values in reader:
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue
            if headers is None:
                headers = _clean_headers(values)
                continue
            rows.append(tuple(v.strip() for v in values))
            numbers.append(line)
    except csv.Error as exc:
        raise CsvImportError(f"Row {reader.line_num} cannot be read: {exc}.") from None
    if headers is None:
        raise CsvImportError("The file has no header row.")
    return CsvTable(used, delim, tuple(headers), tuple(rows), tuple(numbers))


def _clean_headers(values: Sequence[str]) -> list[str]:
    out: list[str] = []
    for i, v in enumerate(values, start=1):
        name = v.strip() or f"Column {i}"
        while name in out:
            name = f"{name} ({i})"
        out.append(name)
    return out


# -- mapping -----------------------------------------------------------------------------
ColumnMapping = dict[str, str]  # field key -> header name


def guess_mapping(headers: Iterable[str]) -> ColumnMapping:
    """Match headers to fields by name and common HRIS synonyms; each column used once."""
    mapping: ColumnMapping = {}
    used: set[str] = set()
    normalised = {h: _norm(h) for h in headers}
    for target in TARGET_FIELDS:  # exact synonym matches first, in synonym order
        for syn in (target.key.replace("_", " "), *target.synonyms):
            wanted = _norm(syn)
            hit = next((h for h, n in normalised.items() if n == wanted and h not in used), None)
            if hit:
                mapping[target.key] = hit
                used.add(hit)
                break
    if "name" in mapping and ("first_name" in mapping or "last_name" in mapping):
        # A file with both a full name and its parts: the full name wins.
        mapping.pop("first_name", None)
        mapping.pop("last_name", None)
    return mapping


def parse_mapping_options(options: Iterable[str], headers: Sequence[str]) -> ColumnMapping:
    """Read ``column=field`` pairs (the CLI's --map) over the guessed mapping."""
    mapping = guess_mapping(headers)
    for opt in options:
        column, sep, key = opt.partition("=")
        column, key = column.strip(), key.strip().lower().replace("-", "_")
        if not sep or not column or not key:
            raise CsvImportError(f"--map '{opt}' must look like 'Column name=field'.")
        if key not in FIELDS_BY_KEY:
            raise CsvImportError(
                f"--map '{opt}': '{key}' is not a field; use one of {', '.join(FIELDS_BY_KEY)}."
            )
        if column not in headers:
            raise CsvImportError(
                f"--map '{opt}': the file has no column '{column}'. Its columns "
                f"are: {', '.join(headers)}."
            )
        for other, header in list(mapping.items()):
            if header == column:
                del mapping[other]
        mapping[key] = column
    return mapping


def mapping_problems(mapping: Mapping[str, str], headers: Sequence[str]) -> list[str]:
    """What is wrong with a mapping as a whole (plain sentences; empty when usable)."""
    problems: list[str] = []
    for key, header in mapping.items():
        if key not in FIELDS_BY_KEY:
            problems.append(f"'{key}' is not an employee field.")
        elif header not in headers:
            problems.append(f"{FIELDS_BY_KEY[key].label}: the file has no column '{header}'.")
    for key in ("employee_number", "department"):
        if key not in mapping:
            problems.append(f"Choose the column that holds the {FIELDS_BY_KEY[key].label.lower()}.")
    if "name" not in mapping and "first_name" not in mapping and "last_name" not in mapping:
        problems.append("Choose the column that holds the name (or first and last name).")
    counts = Counter(mapping.values())
    for header, n in counts.items():
        if n > 1:
            problems.append(f"Column '{header}' is chosen for {n} fields; use it once.")
    return problems


# -- dates -------------------------------------------------------------------------------
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")


def detect_day_first(values: Iterable[str]) -> bool | None:
    """True for 31/12/2024 style, False for 12/31/2024, None if the column cannot tell."""
    day_first = month_first = False
    for v in values:
        m = _NUMERIC.match(v.strip())
        if not m:
            continue
        a, b = int(m.group(1)), int(m.group(2))
        day_first |= a > 12
        month_first |= b > 12
    if day_first and not month_first:
        return True
    if month_first and not day_first:
        return False
    return None


def parse_date(text: str, day_first: bool = True) -> date:
    """ISO dates always; d/m/y or m/d/y (also with dots or dashes) as the column says."""
    t = text.strip()
    m = _ISO.match(t)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = _NUMERIC.match(t)
        if not m:
            raise ValueError(f"'{text}' is not a date; write it as 2024-03-31 or 31/03/2024.")
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if y < 100:
            y += 2000 if y < 70 else 1900
        d, mo = (a, b) if day_first else (b, a)
    try:
        return date(y, mo, d)
    except ValueError:
        raise ValueError(f"'{text}' is not a real date.") from None


# -- planning ----------------------------------------------------------------------------
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
class PlannedRow:
    row: int
    values: tuple[str, ...]
    employee: Employee | None
    action: RowAction
    problems: tuple[RowProblem, ...] = ()


@dataclass
class ImportPlan:
    """Everything the officer sees before anything is written."""

    table: CsvTable
    mapping: ColumnMapping
    rows: list[PlannedRow] = field(default_factory=list)
    mapping_errors: list[str] = field(default_factory=list)
    date_note: str = ""

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
    def ok(self) -> bool:
        """True when every row is valid (an all-or-nothing import would go ahead)."""
        return not self.mapping_errors and not self.errors

    def summary(self) -> str:
        if self.mapping_errors:
            return " ".join(self.mapping_errors)
        parts = [
            f"{len(self.rows)} row(s): {self.count(RowAction.ADD)} new, "
            f"{self.count(RowAction.UPDATE)} update(s), "
            f"{self.count(RowAction.UNCHANGED)} unchanged"
        ]
        if self.error_rows:
            parts.append(f"{len(self.error_rows)} with errors")
        return ", ".join(parts) + "."


def _value(values: tuple[str, ...], table: CsvTable, header: str | None) -> str:
    if header is None:
        return ""
    i = table.column(header)
    return values[i] if i < len(values) else ""


def plan_import(
    table: CsvTable,
    mapping: Mapping[str, str],
    existing: Mapping[str, Employee],
    today: date | None = None,
    day_first: bool | None = None,
) -> ImportPlan:
    """Check every row against `Employee.validate` and the vault; writes nothing.

    `existing` maps employee numbers already in the vault to their records, so a row can be
    shown as new, an update or unchanged.
    """
    mapping = dict(mapping)
    plan = ImportPlan(table, mapping, mapping_errors=mapping_problems(mapping, table.headers))
    if plan.mapping_errors:
        return plan
    date_col = mapping.get("start_date")
    if day_first is None and date_col:
        detected = detect_day_first(_value(v, table, date_col) for v in table.rows)
        day_first = True if detected is None else detected
        plan.date_note = (
            "Dates read as day/month/year." if day_first else "Dates read as month/day/year."
        )
    day_first = True if day_first is None else day_first
    numbers = Counter(_value(v, table, mapping["employee_number"]) for v in table.rows)
    column_of = {key: mapping.get(key, "") for key in FIELDS_BY_KEY}
    if "name" not in mapping:
        column_of["name"] = mapping.get("last_name") or mapping.get("first_name", "")

    for values, row in zip(table.rows, table.row_numbers, strict=True):
        problems: list[RowProblem] = []
        if len(values) > len(table.headers) and any(v for v in values[len(table.headers) :]):
            problems.append(
                RowProblem(
                    row,
                    "",
                    f"The row has {len(values)} values but the "
                    f"header has {len(table.headers)} columns; check for an "
                    "unquoted delimiter.",
                )
            )

        def get(key: str, _values: tuple[str, ...] = values) -> str:
            return _value(_values, table, mapping.get(key))

        name = get("name") or " ".join(p for p in (get("first_name"), get("last_name")) if p)
        start: date | None = None
        if get("start_date"):
            try:
                start = parse_date(get("start_date"), day_first)
            except ValueError as exc:
                problems.append(RowProblem(row, column_of["start_date"], str(exc)))
        emp = Employee(
            employee_number=get("employee_number"),
            name=name,
            job_title=get("job_title"),
            department=get("department"),
            manager=get("manager"),
            start_date=start,
            email=get("email"),
        )
        for p in emp.validate(today):
            problems.append(
                RowProblem(
                    row,
                    column_of.get(p.field, ""),
                    p.message,
                    warning=p.severity.value == "warning",
                )
            )
        if emp.employee_number and numbers[emp.employee_number] > 1:
            problems.append(
                RowProblem(
                    row,
                    column_of["employee_number"],
                    f"Employee number {emp.employee_number} appears "
                    f"{numbers[emp.employee_number]} times in the file.",
                )
            )
        if any(not p.warning for p in problems):
            plan.rows.append(PlannedRow(row, values, None, RowAction.SKIP, tuple(problems)))
            continue
        known = existing.get(emp.employee_number)
        if known is None:
            action = RowAction.ADD
        else:
            emp = _merge(known, emp, mapping)
            action = RowAction.UNCHANGED if emp == known else RowAction.UPDATE
        plan.rows.append(PlannedRow(row, values, emp, action, tuple(problems)))
    if not table.rows:
        plan.mapping_errors.append("The file has a header but no employees.")
    return plan


def _merge(known: Employee, incoming: Employee, mapping: Mapping[str, str]) -> Employee:
    """An update changes only the fields the file maps and fills; the rest stay as stored.

    A blank cell keeps the stored value: HRIS exports often leave optional columns empty, and
    an import must never wipe what an officer recorded. Clearing a field is done in the
    employee dialog, where it is deliberate.
    """
    mapped = set(mapping)
    if mapped & {"first_name", "last_name"}:
        mapped.add("name")
    changes = {
        k: getattr(incoming, k)
        for k in ("name", "job_title", "department", "manager", "start_date", "email")
        if k in mapped and getattr(incoming, k) not in ("", None)
    }
    return replace(known, **changes)


# -- writing -----------------------------------------------------------------------------
class ImportMode(Enum):
    ALL_OR_NOTHING = "all_or_nothing"
    VALID_ROWS = "valid_rows"


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int
    skipped: int

    def __str__(self) -> str:
        text = f"Imported: {self.added} new, {self.updated} updated, {self.unchanged} unchanged"
        if self.skipped:
            text += f"; {self.skipped} row(s) with errors were not imported"
        return text + "."


def run_import(
    employees: EmployeeService, plan: ImportPlan, mode: ImportMode = ImportMode.ALL_OR_NOTHING
) -> ImportResult:
    """Write the planned rows in one transaction (one audit event per person written)."""
    if plan.mapping_errors:
        raise CsvImportError("Nothing was imported: " + " ".join(plan.mapping_errors))
    if mode is ImportMode.ALL_OR_NOTHING and plan.errors:
        first = "; ".join(str(p) for p in plan.errors[:3])
        more = f" and {len(plan.errors) - 3} more" if len(plan.errors) > 3 else ""
        raise CsvImportError(
            f"Nothing was imported: {len(plan.errors)} problem(s) in the file ({first}{more}). "
            "Fix the file, or choose to import only the valid rows."
        )
    to_write = [
        r.employee
        for r in plan.rows
        if r.action in (RowAction.ADD, RowAction.UPDATE) and r.employee is not None
    ]
    if to_write:
        added, updated = employees.add_many(to_write, update_existing=True)
    else:
        added = updated = 0
    return ImportResult(added, updated, plan.count(RowAction.UNCHANGED), len(plan.error_rows))


def existing_by_number(employees: EmployeeService) -> dict[str, Employee]:
    return {e.employee_number: e for e in employees.all()}
