"""The JSON interchange format (docs/FORMAT.md): export a vault's records, import them back.

Import validates the whole document before writing anything and reports every problem by its
path (``cases[3].conversations[0].held_on``, ``cases[2].plans[0].objectives[1].target``).
Employees match by employee number, cases by reference and records by ``uid``, so importing the
same document twice duplicates nothing. All writes of one import happen in one transaction,
each with its audit event, through the repositories that own the records.

Records that point at other records by id in the vault (an approval's stage change, a plan
revision's previous version, progress and reviews on a plan version, an outcome's review) point
by ``uid`` in the document, so the links survive the move to another vault.

Version 2 adds each case's ``history`` (earlier record versions, `interchange_versions`) and
the vault's edited conversation prompts (``templates``, `interchange_templates`); version 1
documents, which have neither, import as before.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app.domain.records import (
    CASE_REFERENCE,
    Case,
    CaseStatus,
    Employee,
    Outcome,
    StageChange,
    Track,
)
from app.domain.validation import ValidationReport
from app.services.cases.case_service import audit_change
from app.services.interchange.interchange_checks import actions_of, check_schema_and_policy
from app.services.interchange.interchange_export import export_document, export_to_file
from app.services.interchange.interchange_later_writes import write_later_records
from app.services.interchange.interchange_records import (
    CaseEntry,
    LaterRecordsReader,
)
from app.services.interchange.interchange_specs import (
    EMPLOYEE_FIELDS,
    FORMAT_NAME,
    LATER_KINDS,
    LATER_SECTIONS,
    READS,
    REQUIRED,
    SECTIONS,
)
from app.services.interchange.interchange_templates import (
    TemplateItem,
    read_templates,
    write_templates,
)
from app.services.interchange.interchange_values import (
    DATE,
    STR,
    ValueParser,
    check_keys,
)
from app.services.interchange.interchange_versions import (
    HistoryBook,
    HistoryReader,
    RecordVersions,
    write_history,
)
from app.services.services import Services

# Exporting lives in interchange_export; callers import it from here.
__all__ = ["ImportRefused", "ImportResult", "export_document", "export_to_file", "import_file"]


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
    versions_added: int = 0  # earlier versions kept with the records they belong to
    templates_added: int = 0
    templates_kept: int = 0  # kinds this vault had edited already: its own text stays

    def __str__(self) -> str:
        recs = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in self.records_added.items() if n)
        extra = [
            f"{n} {what}"
            for n, what in (
                (self.versions_added, "earlier record versions"),
                (self.templates_added, "conversation prompt sets"),
            )
            if n
        ]
        kept = (
            f" {self.templates_kept} prompt sets this vault had edited were kept as they are."
            if self.templates_kept
            else ""
        )
        return (
            f"Imported {self.employees_added} new and {self.employees_updated} updated "
            f"employees, {self.cases_added} cases"
            + (f", {recs}" if recs else "")
            + (f", {', '.join(extra)}" if extra else "")
            + f"; {self.records_skipped} records were already in the vault.{kept}"
        )


# -- parsing and validation ---------------------------------------------------------------
@dataclass
class _Parsed:
    employees: list[Employee] = field(default_factory=list)
    cases: list[CaseEntry] = field(default_factory=list)
    history: list[list[RecordVersions]] = field(default_factory=list)  # per case
    templates: list[TemplateItem] = field(default_factory=list)


def parse_document(doc: Any, services: Services) -> tuple[_Parsed, ValidationReport]:
    """Validate everything; return what would be written and the report."""
    report = ValidationReport()
    plan = _Parsed()
    today = services.clock.today()
    p = ValueParser(report)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        report.error("format", f'must be "{FORMAT_NAME}" (is this a Casepath export?)')
        return plan, report
    if doc.get("version") not in READS:
        report.error(
            "version",
            f"version {doc.get('version')!r} is not supported "
            f"(this Casepath reads versions {', '.join(map(str, READS))})",
        )
        return plan, report
    later = {"exported_by", "templates"} if doc.get("version") >= 2 else set()
    check_keys(report, "", doc, {"format", "version", "exported_at", "employees", "cases", *later})
    book = HistoryBook()
    numbers: set[str] = set()
    for key in ("employees", "cases"):
        if not isinstance(doc.get(key) or [], list):
            report.error(key, "must be a list")
            return plan, report
    for i, raw in enumerate(doc.get("employees") or []):
        path = f"employees[{i}]"
        if not check_keys(report, path, raw, set(EMPLOYEE_FIELDS)):
            continue
        values = {
            f: p.value(
                f"{path}.{f}",
                raw.get(f),
                DATE if f == "start_date" else STR,
                f in ("employee_number", "name", "department"),
            )
            for f in EMPLOYEE_FIELDS
        }
        if any(values[f] is None for f in EMPLOYEE_FIELDS if f != "start_date"):
            continue  # a value of the wrong type: reported above, nothing to validate
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
        *LATER_SECTIONS,
        *(("history",) if doc.get("version") >= 2 else ()),
    }
    refs: set[str] = set()
    uids: set[str] = set()
    for i, raw in enumerate(doc.get("cases") or []):
        path = f"cases[{i}]"
        if not check_keys(report, path, raw, case_keys):
            continue
        ref = p.value(f"{path}.reference", raw.get("reference"), STR, True) or ""
        if ref and not CASE_REFERENCE.match(ref):
            report.error(f"{path}.reference", f"'{ref}' does not look like C-2026-0007")
        if ref in refs:
            report.error(f"{path}.reference", "appears twice in the document")
        refs.add(ref)
        number = p.value(f"{path}.employee_number", raw.get("employee_number"), STR, True)
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
            stage=p.value(f"{path}.stage", raw.get("stage"), STR, True) or "",
            opened_on=p.value(f"{path}.opened_on", raw.get("opened_on"), DATE, True),
            status=status or CaseStatus.OPEN,
            closed_on=p.value(f"{path}.closed_on", raw.get("closed_on"), DATE, False),
            outcome=p.value(f"{path}.outcome", raw.get("outcome"), Outcome, False),
            stage_entered_on=p.value(
                f"{path}.stage_entered_on", raw.get("stage_entered_on"), DATE, False
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
                if not check_keys(report, rpath, item, set(spec)):
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
        entry = CaseEntry(case, number or "", records, attachments)
        LaterRecordsReader(p, services, entry, uids, today).read(path, raw)
        plan.cases.append(entry)
        reader = HistoryReader(report, services, book)
        plan.history.append(reader.read(f"{path}.history", raw.get("history"), entry))
    plan.templates = read_templates(report, doc.get("templates"))
    check_schema_and_policy(doc, services, report)
    return plan, report


def import_document(services: Services, doc: Any) -> ImportResult:
    plan, report = parse_document(doc, services)
    if not report.ok:
        raise ImportRefused(report)
    guard = getattr(services, "guard", None)
    if guard is not None:  # an import writes as the officer: it needs the rights it uses
        guard.require_roles(actions_of(plan))
    vault = services.vault
    result = ImportResult(records_added=dict.fromkeys((*SECTIONS, *LATER_KINDS, "attachments"), 0))
    changed_cases: list[int] = []
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
        for entry in plan.cases:
            case = entry.case
            emp = vault.employees.by_number(entry.employee_number)
            assert emp is not None  # checked in parse_document
            added_before = sum(result.records_added.values())
            is_new = not vault.cases.exists(case.reference)
            if not is_new:
                stored_case = vault.cases.by_reference(case.reference)
            else:
                stored_case = vault.cases.add(replace(case, employee_id=emp.id))
                w.audit("case.open", "case", stored_case.id, audit_change(stored_case))
                result.cases_added += 1
            for key, items in entry.records.items():
                entity = SECTIONS[key][0].__name__.lower()
                for record in items:
                    if vault.records.by_uid(type(record), record.uid) is not None:
                        result.records_skipped += 1
                        continue
                    stored = vault.records.add(replace(record, case_id=stored_case.id))
                    w.audit(f"{entity}.import", entity, stored.id, audit_change(stored))
                    result.records_added[key] += 1
            result.records_skipped += write_later_records(
                services, w, entry, stored_case.id, result.records_added
            )
            for item in entry.attachments:  # after the records they belong to
                if services.attachments.import_entry(item, w) is None:
                    result.records_skipped += 1
                else:
                    result.records_added["attachments"] += 1
            if is_new or sum(result.records_added.values()) != added_before:
                changed_cases.append(stored_case.id)
        found = [
            (vault.cases.by_reference(e.case.reference).id, e.case.reference, h)
            for e, h in zip(plan.cases, plan.history, strict=True)
            if h
        ]
        exported_by = doc.get("exported_by") if isinstance(doc.get("exported_by"), str) else ""
        at = str(doc.get("exported_at") or "")
        result.versions_added = write_history(services, w, found, exported_by, at)
        result.templates_added, result.templates_kept = write_templates(services, w, plan.templates)
        # Deadlines depend on the records (pauses, extensions, …): store them in the same
        # transaction, so an import never leaves a stale next-due date behind.
        for case_id in changed_cases:
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
