"""The JSON interchange format (docs/FORMAT.md): export a vault's records, import them back.

Import validates the whole document before writing anything and reports every problem by its
path (``cases[3].conversations[0].held_on``). Employees match by employee number, cases by
reference and records by ``uid``, so importing the same document twice duplicates nothing.
All writes of one import happen in one transaction, each with its audit event.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from app.domain.records import (
    CASE_REFERENCE,
    Case,
    CaseStatus,
    Conversation,
    ConversationKind,
    Decision,
    Employee,
    Indicator,
    IndicatorCategory,
    Observation,
    Outcome,
    Role,
    RootCause,
    StageChange,
    Track,
)
from app.domain.validation import ValidationReport
from app.services.case_service import audit_change
from app.services.services import Services

FORMAT_NAME = "casepath-interchange"
FORMAT_VERSION = 1

# Per record list on a case: JSON key, record type, and how each field is parsed.
_DATE = "date"
_DATETIME = "datetime"
_STR = "str"
_NUM = "number?"
_STRS = "strings"

SECTIONS: dict[str, tuple[type, dict[str, Any]]] = {
    "conversations": (
        Conversation,
        {
            "uid": _STR,
            "held_on": _DATE,
            "kind": ConversationKind,
            "summary": _STR,
            "attendees": _STRS,
            "constraints": _STR,
            "expectations": _STR,
            "root_causes": (RootCause,),
            "root_cause_notes": _STR,
            "agreed_actions": _STRS,
        },
    ),
    "indicators": (
        Indicator,
        {
            "uid": _STR,
            "category": IndicatorCategory,
            "metric": _STR,
            "observed_on": _DATE,
            "expected": _NUM,
            "actual": _NUM,
            "unit": _STR,
            "source": _STR,
            "note": _STR,
        },
    ),
    "observations": (
        Observation,
        {"uid": _STR, "observed_on": _DATE, "author": _STR, "author_role": _STR, "text": _STR},
    ),
    "decisions": (
        Decision,
        {
            "uid": _STR,
            "decided_on": _DATE,
            "decided_by": _STR,
            "role": Role,
            "summary": _STR,
            "rationale": _STR,
        },
    ),
    "stage_changes": (
        StageChange,
        {
            "uid": _STR,
            "from_stage": "str?",
            "to_stage": _STR,
            "changed_at": _DATETIME,
            "actor": _STR,
            "role": Role,
            "reason": _STR,
            "approvals": _STRS,
        },
    ),
}
REQUIRED = {
    "uid",
    "held_on",
    "kind",
    "summary",
    "category",
    "metric",
    "observed_on",
    "author",
    "text",
    "decided_on",
    "decided_by",
    "role",
    "to_stage",
    "changed_at",
    "actor",
    "reason",
}
EMPLOYEE_FIELDS = (
    "employee_number",
    "name",
    "job_title",
    "department",
    "manager",
    "start_date",
    "email",
)


class ImportRefused(Exception):
    """The document has problems; nothing was written. ``report`` names each by its path."""

    def __init__(self, report: ValidationReport) -> None:
        self.report = report
        lines = "\n".join(f"  {p}" for p in report.errors[:200])
        more = len(report.errors) - 200
        extra = f"\n  … and {more} more" if more > 0 else ""
        super().__init__(f"Nothing was imported; fix these problems first:\n{lines}{extra}")


@dataclass
class ImportResult:
    employees_added: int = 0
    employees_updated: int = 0
    cases_added: int = 0
    records_added: dict[str, int] = field(default_factory=dict)
    records_skipped: int = 0

    def __str__(self) -> str:
        recs = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in self.records_added.items() if n)
        return (
            f"Imported {self.employees_added} new and {self.employees_updated} updated "
            f"employees, {self.cases_added} cases"
            + (f", {recs}" if recs else "")
            + f"; {self.records_skipped} records were already in the vault."
        )


# -- export ------------------------------------------------------------------------------
def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def export_document(services: Services, reference: str | None = None) -> dict:
    cases = [services.cases.by_reference(reference)] if reference else services.cases.all()
    employee_ids = {c.employee_id for c in cases}
    employees = [e for e in services.employees.all() if not reference or e.id in employee_ids]
    by_id = {e.id: e for e in services.employees.all()}
    doc_cases = []
    for case in cases:
        entry: dict[str, Any] = {
            "reference": case.reference,
            "employee_number": by_id[case.employee_id].employee_number,
            "track": case.track.value,
            "stage": case.stage,
            "status": case.status.value,
            "opened_on": case.opened_on.isoformat(),
            "closed_on": case.closed_on.isoformat() if case.closed_on else None,
            "outcome": case.outcome.value if case.outcome else None,
            "stage_entered_on": (
                case.stage_entered_on.isoformat() if case.stage_entered_on else None
            ),
        }
        for key, (kind, spec) in SECTIONS.items():
            entry[key] = [
                {name: _plain(getattr(r, name)) for name in spec}
                for r in services.cases.records(kind, case.id)
            ]
        entry["attachments"] = services.attachments.export_case(case.id)
        doc_cases.append(entry)
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": services.clock.now().isoformat(),
        "employees": [{f: _plain(getattr(e, f)) for f in EMPLOYEE_FIELDS} for e in employees],
        "cases": doc_cases,
    }


def export_to_file(services: Services, out: Path, reference: str | None = None) -> int:
    """Write the JSON document (a file the user chose); returns the number of cases."""
    doc = export_document(services, reference)
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(out)
    with services.vault.write() as w:
        w.audit("vault.export", "vault", "", {"cases": len(doc["cases"]), "file": out.name})
    return len(doc["cases"])


# -- parsing and validation ---------------------------------------------------------------
class _Parser:
    """Turns JSON values into field values, recording a path-named problem for each failure."""

    def __init__(self, report: ValidationReport) -> None:
        self.report = report

    def value(self, path: str, raw: Any, kind: Any, required: bool) -> Any:
        if raw is None or raw == "":
            if required:
                self.report.error(path, "is required")
            if isinstance(kind, tuple):
                return ()
            return {_STR: "", _STRS: ()}.get(kind)
        try:
            return self._convert(raw, kind)
        except (ValueError, TypeError) as exc:
            self.report.error(path, str(exc))
            return None

    def _convert(self, raw: Any, kind: Any) -> Any:
        if kind in (_STR, "str?"):
            if not isinstance(raw, str):
                raise TypeError("must be text")
            return raw
        if kind == _DATE:
            return _parse_date(raw)
        if kind == _DATETIME:
            if not isinstance(raw, str):
                raise TypeError("must be a date-time like 2026-03-16T09:30:00+00:00")
            try:
                return datetime.fromisoformat(raw)
            except ValueError:
                raise ValueError(
                    f"'{raw}' is not a date-time like 2026-03-16T09:30:00+00:00"
                ) from None
        if kind == _NUM:
            if isinstance(raw, bool) or not isinstance(raw, int | float):
                raise TypeError("must be a number")
            return float(raw)
        if kind == _STRS:
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


def _parse_date(raw: Any) -> date:
    if not isinstance(raw, str):
        raise TypeError("must be a date like 2026-03-16")
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ValueError(f"'{raw}' is not a real date (use YYYY-MM-DD)") from None


@dataclass
class _Plan:
    employees: list[Employee] = field(default_factory=list)
    cases: list[tuple[Case, str, dict[str, list], list]] = field(default_factory=list)


def _check_keys(report: ValidationReport, path: str, obj: Any, allowed: set[str]) -> bool:
    if not isinstance(obj, dict):
        report.error(path, "must be an object")
        return False
    for key in obj:
        if key not in allowed:
            report.error(f"{path}.{key}", "is not a field of this format")
    return True


def parse_document(doc: Any, services: Services) -> tuple[_Plan, ValidationReport]:
    """Validate everything; return what would be written and the report."""
    report = ValidationReport()
    plan = _Plan()
    today = services.clock.today()
    p = _Parser(report)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        report.error("format", f'must be "{FORMAT_NAME}" (is this a Casepath export?)')
        return plan, report
    if doc.get("version") != FORMAT_VERSION:
        report.error(
            "version",
            f"version {doc.get('version')!r} is not supported "
            f"(this Casepath reads version {FORMAT_VERSION})",
        )
        return plan, report
    _check_keys(report, "", doc, {"format", "version", "exported_at", "employees", "cases"})
    numbers: set[str] = set()
    for i, raw in enumerate(doc.get("employees") or []):
        path = f"employees[{i}]"
        if not _check_keys(report, path, raw, set(EMPLOYEE_FIELDS)):
            continue
        values = {
            f: p.value(
                f"{path}.{f}",
                raw.get(f),
                _DATE if f == "start_date" else _STR,
                f in ("employee_number", "name", "department"),
            )
            for f in EMPLOYEE_FIELDS
        }
        emp = Employee(**values)
        report.extend(emp.validate(today), path)
        if emp.employee_number in numbers:
            report.error(f"{path}.employee_number", "appears twice in the document")
        numbers.add(emp.employee_number)
        plan.employees.append(emp)
    case_keys = {
        "reference",
        "employee_number",
        "track",
        "stage",
        "status",
        "opened_on",
        "closed_on",
        "outcome",
        "stage_entered_on",
        "attachments",
        *SECTIONS,
    }
    refs: set[str] = set()
    uids: set[str] = set()
    for i, raw in enumerate(doc.get("cases") or []):
        path = f"cases[{i}]"
        if not _check_keys(report, path, raw, case_keys):
            continue
        ref = p.value(f"{path}.reference", raw.get("reference"), _STR, True) or ""
        if ref and not CASE_REFERENCE.match(ref):
            report.error(f"{path}.reference", f"'{ref}' does not look like C-2026-0007")
        if ref in refs:
            report.error(f"{path}.reference", "appears twice in the document")
        refs.add(ref)
        number = p.value(f"{path}.employee_number", raw.get("employee_number"), _STR, True)
        if number and number not in numbers and services.employees.by_number(number) is None:
            report.error(
                f"{path}.employee_number", f"{number} is neither in the document nor in the vault"
            )
        status = p.value(f"{path}.status", raw.get("status") or "open", CaseStatus, True)
        case = Case(
            reference=ref,
            employee_id=0,
            owner_id=services.officer.id or 0,
            track=p.value(f"{path}.track", raw.get("track"), Track, True) or Track.STANDARD,
            stage=p.value(f"{path}.stage", raw.get("stage"), _STR, True) or "",
            opened_on=p.value(f"{path}.opened_on", raw.get("opened_on"), _DATE, True),
            status=status or CaseStatus.OPEN,
            closed_on=p.value(f"{path}.closed_on", raw.get("closed_on"), _DATE, False),
            outcome=p.value(f"{path}.outcome", raw.get("outcome"), Outcome, False),
            stage_entered_on=p.value(
                f"{path}.stage_entered_on", raw.get("stage_entered_on"), _DATE, False
            ),
        )
        if case.opened_on is not None:
            report.extend(case.validate(today), path)
        records: dict[str, list] = {}
        for key, (kind, spec) in SECTIONS.items():
            items = raw.get(key) or []
            if not isinstance(items, list):
                report.error(f"{path}.{key}", "must be a list")
                continue
            records[key] = []
            for j, item in enumerate(items):
                rpath = f"{path}.{key}[{j}]"
                if not _check_keys(report, rpath, item, set(spec)):
                    continue
                values = {
                    name: p.value(f"{rpath}.{name}", item.get(name), k, name in REQUIRED)
                    for name, k in spec.items()
                }
                if values["uid"] in uids:
                    report.error(f"{rpath}.uid", "appears twice in the document")
                uids.add(values["uid"])
                if any(v is None for n, v in values.items() if n in REQUIRED and n != "from_stage"):
                    continue  # already reported; a record cannot be built
                record = kind(case_id=0, **values)
                sub = record.validate() if kind is StageChange else record.validate(today)
                report.extend(sub, rpath)
                records[key].append(record)
        attachments = raw.get("attachments") or []
        if not isinstance(attachments, list):
            report.error(f"{path}.attachments", "must be a list")
            attachments = []
        for j, item in enumerate(attachments):
            for problem in services.attachments.check_entry(item):
                report.error(f"{path}.attachments[{j}]", problem)
        plan.cases.append((case, number or "", records, attachments))
    return plan, report


def import_document(services: Services, doc: Any) -> ImportResult:
    plan, report = parse_document(doc, services)
    if not report.ok:
        raise ImportRefused(report)
    vault = services.vault
    result = ImportResult(records_added={**{k: 0 for k in SECTIONS}, "attachments": 0})
    new_cases: list[int] = []
    with vault.write() as w:
        w.audit(
            "vault.import",
            "vault",
            "",
            {"employees": len(plan.employees), "cases": len(plan.cases)},
        )
        for emp in plan.employees:
            existing = vault.employees.by_number(emp.employee_number)
            if existing is None:
                stored = vault.employees.add(emp)
                w.audit("employee.add", "employee", stored.id, audit_change(stored))
                result.employees_added += 1
            elif replace(emp, id=existing.id) != existing:
                stored = vault.employees.update(replace(emp, id=existing.id))
                w.audit("employee.update", "employee", stored.id, audit_change(stored))
                result.employees_updated += 1
        for case, number, records, attachments in plan.cases:
            emp = vault.employees.by_number(number)
            assert emp is not None  # checked in parse_document
            if vault.cases.exists(case.reference):
                stored_case = vault.cases.by_reference(case.reference)
            else:
                stored_case = vault.cases.add(replace(case, employee_id=emp.id))
                w.audit("case.open", "case", stored_case.id, audit_change(stored_case))
                result.cases_added += 1
                new_cases.append(stored_case.id)
            for key, items in records.items():
                entity = SECTIONS[key][0].__name__.lower()
                for record in items:
                    if vault.records.by_uid(type(record), record.uid) is not None:
                        result.records_skipped += 1
                        continue
                    stored = vault.records.add(replace(record, case_id=stored_case.id))
                    w.audit(f"{entity}.import", entity, stored.id, audit_change(stored))
                    result.records_added[key] += 1
            for item in attachments:  # after the records they belong to
                if services.attachments.import_entry(item, w) is None:
                    result.records_skipped += 1
                else:
                    result.records_added["attachments"] += 1
    for case_id in new_cases:
        services.escalation.refresh_schedule(case_id)
    return result


def import_file(services: Services, path: Path) -> ImportResult:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ImportRefused(_single("file", f"cannot be read: {exc.strerror}")) from None
    except UnicodeDecodeError:
        raise ImportRefused(_single("file", "is not UTF-8 text")) from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportRefused(
            _single(
                "file", f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
            )
        ) from None
    return import_document(services, doc)


def _single(where: str, message: str) -> ValidationReport:
    r = ValidationReport()
    r.error(where, message)
    return r
