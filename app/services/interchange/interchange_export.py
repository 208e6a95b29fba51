"""Exporting a vault (or one case) as an interchange document (docs/FORMAT.md, version 2).

Every record list of each case, its attachments and its records' earlier versions
(`interchange_versions`), and the conversation prompts the officers edited.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.services.documents.export_file import check_target, new_file
from app.services.interchange.interchange_records import export_later_records
from app.services.interchange.interchange_specs import (
    EMPLOYEE_FIELDS,
    FORMAT_NAME,
    FORMAT_VERSION,
    SECTIONS,
)
from app.services.interchange.interchange_templates import export_templates
from app.services.interchange.interchange_values import plain
from app.services.interchange.interchange_versions import export_history

if TYPE_CHECKING:
    from app.services.services import Services


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
                {name: plain(getattr(r, name)) for name in spec}
                for r in services.cases.records(kind, case.id)
            ]
        entry.update(export_later_records(services, case.id))
        entry["attachments"] = services.attachments.export_case(case.id)
        entry["history"] = export_history(services, case.id)
        doc_cases.append(entry)
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": services.clock.now().isoformat(),
        "exported_by": services.officer.name,
        "employees": [{f: plain(getattr(e, f)) for f in EMPLOYEE_FIELDS} for e in employees],
        "cases": doc_cases,
        "templates": export_templates(services),
    }


def export_to_file(services: Services, out: Path, reference: str | None = None) -> int:
    """Write the JSON document (a file the user chose); returns the number of cases."""
    out = check_target(out)
    doc = export_document(services, reference)
    data = json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")
    # The plaintext file appears only once its audit event has committed; a failed write
    # leaves no partial file behind.
    with new_file(out, data), services.vault.write() as w:
        w.audit("vault.export", "vault", "", {"cases": len(doc["cases"]), "file": out.name})
    return len(doc["cases"])
