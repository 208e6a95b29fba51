"""Answering a subject access request: everything about one employee, readable by them.

Every case of the employee, and every record of every case table (`app.vault.privacy.case_tables`,
so a table a later migration adds is included), goes in; stored files are copied beside the
report. Who is named: the employee, as held. Everyone else (colleagues, witnesses, attendees,
managers, and the HR officers too) becomes a role pseudonym, in the name fields and inside
free text, by the summary's redactor (`TextRedactor`); the JSON and the PDF then pass the
redaction verifier against everyone in the vault but the employee. Officers are not named
because the employee's right is to their own data, not to the identity of staff; an
organisation that chooses to name its officers can say so in its covering letter.
Internal columns (ids, hashes, stored PDFs, snapshots) are left out: they hold nothing about
the person that another field does not already say in words.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from app.documents.pdf import summary_template
from app.documents.pdf.fonts import UnprintableText
from app.documents.pdf.page_template import PageSetup, PageSize
from app.documents.pdf.subject_access import (
    MARKING,
    SarCase,
    SarFile,
    SarRecord,
    SarSection,
    SubjectAccessReport,
    build_pdf,
)
from app.documents.redaction.identifiers import IdentifierIndex, skeleton
from app.documents.redaction.redaction import _Pseudonyms
from app.documents.redaction.redaction_verifier import RedactionRefused, Template
from app.domain.attachments import size_label
from app.services.documents import export_file
from app.services.privacy.subject_access_parts import (
    HIDDEN,
    OWN,
    SECTION_TITLES,
    OwnNameRedactor,
    humanise,
    labels,
    require_clean_except,
    safe_name,
    seed_names,
    shown_value,
)
from app.vault.errors import VaultError
from app.vault.privacy.case_tables import case_tables, rows_of_case
from app.vault.repositories.identity_repository import IdentityRepository


class SubjectAccessError(VaultError):
    """The export could not be made; nothing was written."""


@dataclass(frozen=True)
class SubjectAccessResult:
    folder: Path
    pdf: Path
    json: Path
    cases: int
    records: int
    files: int


class SubjectAccessService:
    def __init__(self, services) -> None:  # noqa: ANN001 - Services (import cycle)
        self.services = services
        self.vault = services.vault

    def report(self, employee_id: int) -> tuple[SubjectAccessReport, IdentifierIndex, Template]:
        """The report, the people it must not name, and what it prints itself."""
        emp = self.services.employees.get(employee_id)
        others = [
            p for p in IdentityRepository(self.vault.conn).everyone()
            if skeleton(p.name) != skeleton(emp.name)
        ]  # fmt: skip
        index = IdentifierIndex(others)
        names = _Pseudonyms()
        names(emp.name, "employee")
        names(emp.manager, "manager")
        for o in self.vault.officers.all():
            names(o.name, "hr officer")
        vocab = labels()
        cases = [c for c in self.services.cases.all() if c.employee_id == employee_id]
        stage_names: set[str] = set()
        dumped: list[tuple[object, list[tuple[str, list[dict]]]]] = []
        for case in cases:
            stage_of = self._stage_namer(case)
            stage_names |= {stage_of(case.stage)}
            tables = []
            for t in case_tables(self.vault.conn):
                rows = [dict(zip(t.columns, r, strict=True)) for r in rows_of_case(
                    self.vault.conn, t, case.id)]  # fmt: skip
                for row in rows:
                    seed_names(row, names)
                tables.append((t.name, rows))
            dumped.append((case, tables))
        # The employee's own name stays: the redactor is told it is the employee's "pseudonym"
        # (a marker put back afterwards), so "Ioana" is theirs unless another person of this
        # export shares it, when it becomes "[name]".
        own = IdentityRepository(self.vault.conn).everyone()
        own = [p for p in own if skeleton(p.name) == skeleton(emp.name)][:1]
        text = OwnNameRedactor(
            IdentifierIndex([*others, *own]),
            {**names.by_person, skeleton(emp.name): OWN},
            emp.name,
        )

        def show(column: str, value: object, stage_of) -> str:  # noqa: ANN001
            return shown_value(column, value, vocab, stage_of, text)

        sar_cases = []
        for case, tables in dumped:
            stage_of = self._stage_namer(case)
            facts = (
                ("Reference", case.reference),
                ("Stage", stage_of(case.stage)),
                ("Status", vocab.get(str(case.status), str(case.status))),
                ("Track", vocab.get(str(case.track), str(case.track))),
                ("Opened on", case.opened_on.isoformat()),
                ("Closed on", case.closed_on.isoformat() if case.closed_on else "—"),
                ("Outcome", vocab.get(str(case.outcome), str(case.outcome or "—"))),
            )
            sections = []
            for name, rows in tables:
                records = []
                for row in rows:
                    fields = tuple(
                        (humanise(col), shown)
                        for col, value in row.items()
                        if col not in HIDDEN
                        and not col.endswith("_id")
                        and (shown := show(col, value, stage_of))
                    )
                    records.append(SarRecord(fields))
                sections.append(
                    SarSection(SECTION_TITLES.get(name, humanise(name)), tuple(records))
                )
            sar_cases.append(SarCase(case.reference, facts, tuple(sections)))
        files = []
        for case in cases:
            for att in self.services.attachments.for_case(case.id):
                files.append(
                    SarFile(
                        case.reference,
                        att.filename,
                        size_label(att.size),
                        att.added_at.date().isoformat(),
                        f"attachments/{case.reference}/{att.id}-{safe_name(att.filename)}",
                    )
                )
        employee = tuple(
            (label, value)
            for label, value in (
                ("Name", emp.name),
                ("Employee number", emp.employee_number),
                ("Job title", emp.job_title),
                ("Department", emp.department),
                ("Manager", names(emp.manager) if emp.manager else ""),
                ("Start date", emp.start_date.isoformat() if emp.start_date else ""),
                ("E-mail", emp.email),
            )
            if value
        )
        report = SubjectAccessReport(
            self.services.clock.today(),
            employee,
            tuple((p, r) for p, r in names.roles if r != "Employee"),
            tuple(sar_cases),
            tuple(files),
        )
        template = Template(
            [
                *summary_template.phrases(), *report.phrases(), *stage_names,
                emp.name, emp.employee_number, emp.email, emp.job_title, emp.department,
            ],
            summary_template.PSEUDONYM_ROLES,
            (),
            (),
        )  # fmt: skip
        return report, index, template

    def _stage_namer(self, case):  # noqa: ANN001, ANN202
        escalation = getattr(self.services, "escalation", None)
        try:
            policy = escalation.policy_for(case) if escalation else None
        except (LookupError, VaultError):
            policy = None

        def name(key: str) -> str:
            if key.startswith("closed:"):
                return "Closed"
            return policy.stage_name(key) if policy else key.replace("_", " ")

        return name

    # -- writing ---------------------------------------------------------------------------
    def export(self, employee_id: int, folder: Path, page_size: PageSize = PageSize.A4):
        """Write report.pdf, report.json and attachments/ into a new 0700 ``folder``."""
        folder = Path(folder)
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise SubjectAccessError(f"{folder} exists and is not an empty folder; choose another.")
        if not folder.parent.is_dir():
            raise SubjectAccessError(f"The folder {folder.parent} does not exist.")
        report, index, template = self.report(employee_id)
        try:
            pdf = build_pdf(
                report,
                PageSetup(size=page_size, generated_on=report.generated_on, marking=MARKING),
            )
            data = report.to_json().encode("utf-8")
            if len(index):
                name = self.services.employees.get(employee_id).name
                require_clean_except(data, "json", index, template, name)
                require_clean_except(pdf, "pdf", index, template, name)
        except (RedactionRefused, UnprintableText) as exc:
            raise SubjectAccessError(str(exc)) from None
        number = safe_name(self.services.employees.get(employee_id).employee_number)
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)
        pdf_path = folder / f"subject-access-{number}.pdf"
        json_path = folder / f"subject-access-{number}.json"
        written = []
        try:
            for target, payload in ((pdf_path, pdf), (json_path, data)):
                export_file.publish(export_file.write_partial(target, payload), target)
                written.append(target)
            by_path = {f.saved_as: f for f in report.files}
            for case in [c for c in self.services.cases.all() if c.employee_id == employee_id]:
                for att in self.services.attachments.for_case(case.id):
                    rel = f"attachments/{case.reference}/{att.id}-{safe_name(att.filename)}"
                    if rel not in by_path:
                        continue
                    target = folder / rel
                    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                    os.chmod(target.parent, 0o700)
                    os.chmod(target.parent.parent, 0o700)
                    content = self.services.attachments.content(att.id)
                    export_file.publish(export_file.write_partial(target, content), target)
                    written.append(target)
            with self.vault.write() as w:
                w.audit(
                    "employee.subject_access",
                    "employee",
                    employee_id,
                    {
                        "cases": len(report.cases),
                        "records": report.record_count(),
                        "files": len(report.files),
                        "pdf_sha256": hashlib.sha256(pdf).hexdigest(),
                        "json_sha256": hashlib.sha256(data).hexdigest(),
                    },
                )
        except BaseException:
            for p in written:
                export_file.discard(p)
            raise
        return SubjectAccessResult(
            folder, pdf_path, json_path, len(report.cases), report.record_count(), len(report.files)
        )
