"""Answering a subject access request: everything about one employee, readable by them.

Every case of the employee, and every record of every case table (`app.vault.case_tables`,
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
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from app.documents import summary_template
from app.documents.fonts import UnprintableText
from app.documents.identifiers import IdentifierIndex, TextRedactor, skeleton
from app.documents.page_template import PageSetup, PageSize
from app.documents.pdf_text import pdf_blocks
from app.documents.redaction import _Pseudonyms
from app.documents.redaction_verifier import (
    RedactionRefused,
    Template,
    json_texts,
    verify_texts,
)
from app.documents.subject_access import (
    MARKING,
    SarCase,
    SarFile,
    SarRecord,
    SarSection,
    SubjectAccessReport,
    build_pdf,
)
from app.domain.attachments import size_label
from app.domain.wording import file_kind, zone_label
from app.services import export_file
from app.vault.case_tables import case_tables, rows_of_case
from app.vault.errors import VaultError
from app.vault.identity_repository import IdentityRepository

SECTION_TITLES = {
    "stage_changes": "Stage history",
    "conversations": "Conversations",
    "indicators": "Performance indicators",
    "observations": "Observations",
    "decisions": "Decisions",
    "approvals": "Approvals",
    "case_exceptions": "Exceptions",
    "coaching_plans": "Coaching plans",
    "plan_progress": "Progress on the plan",
    "reviews": "Formal reviews",
    "review_outcomes": "Review outcomes",
    "packs": "Documentation packs",
    "attachments": "Attached files (list)",
    "case_satisfaction": "Satisfaction at close",
}
# Internal columns: keys, hashes, stored documents and machine copies of other fields.
_HIDDEN = {
    "id", "uid", "case_id", "content", "pdf", "data_json", "data_digest", "pdf_sha256",
    "head_seq", "head_hash", "sha256", "sequence", "starts_utc", "objective_uid", "owner_id",
    "policy_id", "owner_type", "revision_of",
}  # fmt: skip
_YES_NO = {"employee_agreed", "milestone_achieved", "plan_working", "resources_right",
           "timelines_right"}  # fmt: skip
# Name fields and the role their person plays (a column of the same row may say it better).
_NAME_ROLES = {
    "manager": "manager", "hr_officer": "hr officer", "executive_sponsor": "executive sponsor",
    "author": "@author_role", "decided_by": "@role", "actor": "@role", "person": "@role",
    "requested_by": "person", "approver": "@approver_role", "added_by": "hr officer",
    "created_by": "hr officer", "attendees": "attendee", "participants": "@role",
    "attended": "attendee", "provider": "provider", "resources": "provider",
}  # fmt: skip
_STAMP = re.compile(
    r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+\-]\d\d:\d\d)?$"
)


_OWN = "\u2063OWN\u2063"  # invisible separators: no text the officer types holds them


class _OwnNameRedactor(TextRedactor):
    def __init__(self, index: IdentifierIndex, pseudonyms: dict[str, str], name: str) -> None:
        super().__init__(index, pseudonyms)
        self.own_name = name

    def redact(self, text: str) -> str:
        return super().redact(text).replace(_OWN, self.own_name)


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


def _labels() -> dict[str, str]:
    from app.documents.summary_template import vocabulary  # noqa: F401 - imports the enums
    from app.domain.records import LabelledEnum

    vocabulary()
    out: dict[str, str] = {}
    pending = list(LabelledEnum.__subclasses__())
    while pending:
        cls = pending.pop()
        pending += cls.__subclasses__()
        out.update({m.value: m.label for m in cls})
    return out


def _humanise(column: str) -> str:
    return column.replace("_", " ").capitalize()


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
        vocab = _labels()
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
                    self._seed_names(row, names)
                tables.append((t.name, rows))
            dumped.append((case, tables))
        # The employee's own name stays: the redactor is told it is the employee's "pseudonym"
        # (a marker put back afterwards), so "Ioana" is theirs unless another person of this
        # export shares it, when it becomes "[name]".
        own = IdentityRepository(self.vault.conn).everyone()
        own = [p for p in own if skeleton(p.name) == skeleton(emp.name)][:1]
        text = _OwnNameRedactor(
            IdentifierIndex([*others, *own]),
            {**names.by_person, skeleton(emp.name): _OWN},
            emp.name,
        )

        def show(column: str, value: object, stage_of) -> str:  # noqa: ANN001
            return self._value(column, value, vocab, stage_of, text)

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
                        (_humanise(col), shown)
                        for col, value in row.items()
                        if col not in _HIDDEN
                        and not col.endswith("_id")
                        and (shown := show(col, value, stage_of))
                    )
                    records.append(SarRecord(fields))
                sections.append(
                    SarSection(SECTION_TITLES.get(name, _humanise(name)), tuple(records))
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
                        f"attachments/{case.reference}/{att.id}-{_safe_name(att.filename)}",
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

    @staticmethod
    def _seed_names(row: dict, names: _Pseudonyms) -> None:
        for col, role in _NAME_ROLES.items():
            value = row.get(col)
            if not isinstance(value, str) or not value.strip():
                continue
            role_of = str(row.get(role[1:], "")) if role.startswith("@") else role
            if value.lstrip().startswith(("[", "{")):
                try:
                    items = json.loads(value)
                except ValueError:
                    continue
                for item in items if isinstance(items, list) else []:
                    if isinstance(item, str):
                        names(item, role_of or "attendee")
                    elif isinstance(item, dict) and isinstance(item.get("name"), str):
                        names(item["name"], str(item.get("role", "")) or "attendee")
                    elif isinstance(item, dict) and isinstance(item.get("provider"), str):
                        names(item["provider"], "provider")
            else:
                names(value, role_of or "person")

    @staticmethod
    def _value(column, value, vocab, stage_of, text: TextRedactor) -> str:  # noqa: ANN001
        if value is None or value == "":
            return ""
        if column in _YES_NO:
            return "Yes" if value else "No"
        if column == "media_type":
            return file_kind(str(value))
        if column == "size" and isinstance(value, int):
            return size_label(value)
        if column == "timezone":
            return zone_label(str(value))
        if isinstance(value, float):
            return f"{value:g}"
        if isinstance(value, int):
            return str(value)
        if isinstance(value, bytes):
            return ""
        value = str(value)
        if column in ("stage", "from_stage", "to_stage", "skip_stage"):
            return stage_of(value)
        if value.startswith(("[", "{")):
            try:
                return _flatten(json.loads(value), vocab, text)
            except ValueError:
                pass
        m = _STAMP.match(value)
        if m:
            return f"{m.group(1)} {m.group(2)}"
        if value in vocab:
            return vocab[value]
        return text.redact(value)

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
                _require_clean(data, "json", index, template, name)
                _require_clean(pdf, "pdf", index, template, name)
        except (RedactionRefused, UnprintableText) as exc:
            raise SubjectAccessError(str(exc)) from None
        number = _safe_name(self.services.employees.get(employee_id).employee_number)
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
                    rel = f"attachments/{case.reference}/{att.id}-{_safe_name(att.filename)}"
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


def _require_clean(
    payload: bytes, kind: str, index: IdentifierIndex, template: Template, own_name: str
) -> None:
    """The verifier over every piece of text, the employee's own full name (which it may
    share a part of with someone else) taken out first; RedactionRefused if anyone remains."""
    words = own_name.split()
    own = re.compile(r"[\s\-]+".join(map(re.escape, words))) if words else None
    texts = pdf_blocks(payload, (), ()) if kind == "pdf" else json_texts(payload.decode("utf-8"))
    masked = ((where, own.sub(" Employee A ", t) if own else t) for where, t in texts)
    report = verify_texts(masked, index, template)
    if not report.ok:
        raise RedactionRefused(list(report.findings))


def _flatten(value: object, vocab: dict[str, str], text: TextRedactor) -> str:
    if isinstance(value, list):
        return "; ".join(s for s in (_flatten(v, vocab, text) for v in value) if s)
    if isinstance(value, dict):
        parts = []
        for k, v in value.items():
            if k in ("uid", "id") or k.endswith("_uid"):
                continue
            shown = _flatten(v, vocab, text)
            if shown:
                parts.append(f"{_humanise(k)}: {shown}")
        return ", ".join(parts)
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int | float):
        return f"{value:g}"
    s = str(value)
    m = _STAMP.match(s)
    if m:
        return f"{m.group(1)} {m.group(2)}"
    return vocab.get(s) or text.redact(s)


def _safe_name(name: str) -> str:
    """A file name safe on every system (no folders, no control characters)."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", name).strip(" .")
    return cleaned[:120] or "file"
