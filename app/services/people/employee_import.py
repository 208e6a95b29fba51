"""Importing employees from an HR system's CSV export: read, map columns, check, then write.

Nothing is written until the officer has seen the report and the diff. The steps are separate
so the dialog can show each one (and the CLI can run them in a row):

1. `read_csv(data)` (app.services.people.csv_reading) detects the encoding and the delimiter.
2. `guess_mapping(headers)` (app.services.people.header_mapping) proposes which column feeds which
   field; the officer can change it (``--map``, ``--ignore``, a saved profile, the dialog).
3. `plan_import(table, mapping, ...)` turns every row into an `Employee` or into problems
   (row, column, problem), matches rows to stored employees by employee number and shows what
   would change; dates are read as app.services.people.import_dates says (never guessed).
4. `run_import(employees, plan, mode)` writes in one transaction: with `ALL_OR_NOTHING` any
   problem refuses the whole file; with `VALID_ROWS` the rows with errors are skipped.

An empty cell never overwrites what is stored. A preferred name becomes the display name only
when the cell holds one. A full or legal name column is taken as written, so a family-name-first
name ("Nagy Péter", "山田 太郎") keeps its order.

Row numbers are the ones a spreadsheet shows: the header is row 1, the first person row 2.

What a plan holds (`ImportPlan` and its rows) lives in `import_plan`; importable here too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum

from app.domain.records import Employee
from app.domain.words.phrases import Phrase
from app.domain.words.wording import plural
from app.services.cases.case_service import EmployeeService
from app.services.people.csv_reading import (  # noqa: F401  (re-exported for callers)
    MAX_CSV_BYTES,
    CsvImportError,
    CsvTable,
    decode_csv,
    encoding_label,
    read_csv,
)
from app.services.people.header_mapping import (  # noqa: F401
    FIELDS_BY_KEY,
    TARGET_FIELDS,
    ColumnMapping,
    TargetField,
    guess_mapping,
    mapping_problems,
    norm_header,
    parse_mapping_options,
    unused_columns,
)
from app.services.people.import_dates import (  # noqa: F401
    DATE_ORDERS,
    ORDER_LABELS,
    DateOrderNeeded,
    classify_dates,
    detect_day_first,
    normalise_order,
    parse_date,
)
from app.services.people.import_plan import (  # noqa: F401
    FieldChange,
    ImportPlan,
    PlannedRow,
    RowAction,
    RowProblem,
)


def _worded(exc: Exception) -> str:
    """An error's message as raised (a `Phrase` keeps its words for the reader's language)."""
    text = exc.args[0] if len(exc.args) == 1 else None
    return text if isinstance(text, Phrase) else str(exc)


def _value(values: tuple[str, ...], table: CsvTable, header: str | None) -> str:
    if header is None:
        return ""
    i = table.column(header)
    return values[i] if i < len(values) else ""


_LEFT = {"terminated", "inactive", "former", "left", "ausgetreten", "inaktiv", "beendet"}
_COMPARED = ("name", "job_title", "department", "manager", "start_date", "email")


def display_name(full: str, preferred: str, first: str, last: str) -> str:
    """The name shown: a preferred name when the cell holds one, else the full name as
    written (family name first if the source puts it first), else given + family name."""
    if preferred:
        return preferred if (" " in preferred or not last) else f"{preferred} {last}"
    if full:
        return full
    return " ".join(p for p in (first, last) if p)


def _date_setup(plan: ImportPlan, order: str | None) -> str | None:
    """Decide the date order of the start-date column, or say why the import must stop."""
    column = plan.mapping.get("start_date")
    if not column:
        return order
    if order:
        plan.date_note = f"Dates read as {ORDER_LABELS[order]} (as chosen)."
        return order
    info = classify_dates(_value(v, plan.table, column) for v in plan.table.rows)
    if info.mixed:
        plan.date_stop = (
            f"The dates in column '{column}' mix day/month and month/day. Choose the date "
            "order (--date-order dmy, mdy or ymd) and fix the rows it marks."
        )
    elif info.ambiguous:
        plan.date_stop = (
            f"The dates in column '{column}' fit both day/month and month/day (e.g. "
            f"{info.example}). Choose the date order: --date-order dmy, mdy or ymd."
        )
    elif info.order:
        plan.date_note = f"Dates read as {ORDER_LABELS[info.order]} (a day above 12 shows it)."
    return info.order


def plan_import(
    table: CsvTable,
    mapping: Mapping[str, str],
    existing: Mapping[str, Employee],
    today: date | None = None,
    date_order: str | bool | None = None,
) -> ImportPlan:
    """Check every row against `Employee.validate` and the vault; writes nothing.

    `existing` maps employee numbers already in the vault to their records, so a row can be
    shown as new, an update (with its changes) or unchanged, and stored people missing from
    the file are listed (they are kept). `date_order` is 'dmy', 'mdy', 'ymd' or None (read
    from the column; ambiguous dates stop the import). True/False mean dmy/mdy.
    """
    mapping = dict(mapping)
    plan = ImportPlan(table, mapping, mapping_errors=mapping_problems(mapping, table.headers))
    if plan.mapping_errors:
        return plan
    plan.unused_columns = unused_columns(table.headers, mapping)
    order = _date_setup(plan, normalise_order(date_order))
    numbers = Counter(_value(v, table, mapping["employee_number"]) for v in table.rows)
    column_of = {key: mapping.get(key, "") for key in FIELDS_BY_KEY}
    if "name" not in mapping:
        column_of["name"] = (
            mapping.get("preferred_name")
            or mapping.get("last_name")
            or mapping.get("first_name", "")
        )

    for values, row in zip(table.rows, table.row_numbers, strict=True):
        problems: list[RowProblem] = []
        if len(values) > len(table.headers) and any(v for v in values[len(table.headers) :]):
            problems.append(
                RowProblem(
                    row,
                    "",
                    Phrase(
                        "The row has {values} values but the header has {columns} columns; "
                        "check for an unquoted delimiter.",
                        values=len(values),
                        columns=len(table.headers),
                    ),
                )
            )

        def get(key: str, _values: tuple[str, ...] = values) -> str:
            return _value(_values, table, mapping.get(key))

        name = display_name(get("name"), get("preferred_name"), get("first_name"), get("last_name"))
        start: date | None = None
        if get("start_date") and not plan.date_stop:
            try:
                start = parse_date(get("start_date"), order)
            except ValueError as exc:
                problems.append(RowProblem(row, column_of["start_date"], _worded(exc)))
        status = get("status")
        if status and status.strip().lower() in _LEFT:
            problems.append(
                RowProblem(
                    row,
                    column_of["status"],
                    Phrase("Status is '{status}'; imported anyway.", status=status),
                    True,
                )
            )
        incoming = Employee(
            employee_number=get("employee_number"),
            name=name,
            job_title=get("job_title"),
            department=get("department"),
            manager=get("manager"),
            start_date=start,
            email=get("email"),
        )
        known = existing.get(incoming.employee_number)
        emp = incoming if known is None else _merge(known, incoming)
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
                    Phrase(
                        "Employee number {number} appears {times} times in the file.",
                        number=emp.employee_number,
                        times=numbers[emp.employee_number],
                    ),
                )
            )
        if any(not p.warning for p in problems):
            plan.rows.append(PlannedRow(row, values, None, RowAction.SKIP, tuple(problems)))
            continue
        if known is None:
            plan.rows.append(PlannedRow(row, values, emp, RowAction.ADD, tuple(problems)))
            continue
        changes = tuple(
            FieldChange(k, _shown(getattr(known, k)), _shown(getattr(emp, k)))
            for k in _COMPARED
            if getattr(known, k) != getattr(emp, k)
        )
        action = RowAction.UPDATE if changes else RowAction.UNCHANGED
        plan.rows.append(PlannedRow(row, values, emp, action, tuple(problems), changes))
    in_file = set(numbers)
    plan.missing = [e for n, e in sorted(existing.items()) if n not in in_file]
    if not table.rows:
        plan.mapping_errors.append("The file has a header but no employees.")
    return plan


def _shown(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else str(value or "")


def _merge(known: Employee, incoming: Employee) -> Employee:
    """An update changes only the fields the file fills; the rest stay as stored.

    A blank cell (or a column not in the file) keeps the stored value: HR exports often leave
    optional columns empty, and an import must never wipe what an officer recorded. Clearing a
    field is done in the employee dialog, where it is deliberate.
    """
    changes = {k: getattr(incoming, k) for k in _COMPARED if getattr(incoming, k) not in ("", None)}
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
            text += f"; {plural(self.skipped, 'row')} with errors were not imported"
        return text + "."


def run_import(
    employees: EmployeeService, plan: ImportPlan, mode: ImportMode = ImportMode.ALL_OR_NOTHING
) -> ImportResult:
    """Write the planned rows in one transaction (one audit event per person written)."""
    if plan.blocked:
        raise CsvImportError("Nothing was imported: " + plan.blocked)
    if mode is ImportMode.ALL_OR_NOTHING and plan.errors:
        first = "; ".join(str(p) for p in plan.errors[:3])
        more = f" and {len(plan.errors) - 3} more" if len(plan.errors) > 3 else ""
        raise CsvImportError(
            f"Nothing was imported: {plural(len(plan.errors), 'problem')} in the file "
            f"({first}{more}). "
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
