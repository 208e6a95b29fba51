"""The subject access export: everything held about one employee, for that employee to read.

Built from plain sections (title, records of label/value pairs) that the service fills from
every case table, so a record kind a later migration adds appears without this module
changing. Other people are named only by role pseudonyms ("Manager A", "HR officer B"); the
employee's own details are given as held. The same report is written as JSON and as a PDF with
embedded fonts, and both pass the redaction verifier before they reach the disk.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date

from app.documents.pdf.page_template import PageSetup, PdfMetadata, render

TITLE = "Your personal data: subject access export"
MARKING = "Confidential – subject access export"
INTRO = (
    "This document lists everything this HR case file holds about you: your details, each "
    "case, and every record in it. Other people are named by their role only (for example "
    "“Manager A”); the same letter means the same person throughout this document."
)
FILES_NOTE = (
    "The attached files are supplied as they are stored, beside this document in the folder "
    "“attachments”."
)
NONE_HELD = "No records of this kind."
FACTS = "Your details"
CASES = "Cases"
FILES = "Attached files"
PEOPLE = "Other people (by role)"
COLUMNS = ("Field", "Value", "Case", "File", "Size", "Added", "Pseudonym", "Role")
FRAME = ("Generated", "page", "of", "Case")


@dataclass(frozen=True)
class SarRecord:
    fields: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class SarSection:
    title: str
    records: tuple[SarRecord, ...]


@dataclass(frozen=True)
class SarCase:
    reference: str
    facts: tuple[tuple[str, str], ...]
    sections: tuple[SarSection, ...]


@dataclass(frozen=True)
class SarFile:
    case: str
    name: str
    size: str
    added: str
    saved_as: str  # path inside the export folder


@dataclass(frozen=True)
class SubjectAccessReport:
    generated_on: date
    employee: tuple[tuple[str, str], ...]
    people: tuple[tuple[str, str], ...]  # (pseudonym, role)
    cases: tuple[SarCase, ...] = ()
    files: tuple[SarFile, ...] = field(default=())

    def record_count(self) -> int:
        return sum(len(s.records) for c in self.cases for s in c.sections)

    def to_json(self) -> str:
        payload = {"format": "casepath-subject-access", "version": 1, **asdict(self)}
        return json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n"

    def phrases(self) -> set[str]:
        """Every fixed word this report prints (section titles and field labels)."""
        out = {TITLE, MARKING, INTRO, FILES_NOTE, NONE_HELD, FACTS, CASES, FILES, PEOPLE}
        out |= {*COLUMNS, *FRAME, "subject access export", "casepath-subject-access"}
        for c in self.cases:
            out |= {label for label, _ in c.facts}
            for s in c.sections:
                out.add(s.title)
                out |= {label for r in s.records for label, _ in r.fields}
        out |= {label for label, _ in self.employee}
        out |= {role for _, role in self.people}
        out |= {k for k in asdict(self)} | {"fields", "records", "title", "reference", "facts"}
        out |= {"sections", "case", "name", "size", "added", "saved_as", "format", "version"}
        return out


def metadata() -> PdfMetadata:
    return PdfMetadata(
        title="Subject access export",
        subject="Casepath subject access export",
        keywords=("Casepath", "HR", "subject access"),
    )


def build_pdf(report: SubjectAccessReport, setup: PageSetup) -> bytes:
    """Lay the report out: the employee's details, each case with its records, the files."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, TableStyle

    from app.documents.pdf.fonts import (
        SANS,
        SANS_BOLD,
        check_printable,
        data_paragraph,
        register_fonts,
    )
    from app.documents.pdf.page_template import splitting_table

    check_printable(
        [(label, value) for label, value in report.employee]
        + [(f"{c.reference}: {k}", v) for c in report.cases for s in c.sections
           for r in s.records for k, v in r.fields]
    )  # fmt: skip
    register_fonts()
    width = setup.size.points[0] - (setup.margins_mm[0] + setup.margins_mm[1]) * mm
    body = ParagraphStyle("sbody", fontName=SANS, fontSize=9, leading=12, spaceAfter=3)
    cell = ParagraphStyle("scell", parent=body, fontSize=8.5, leading=11, spaceAfter=0)
    head = ParagraphStyle("shead", parent=cell, fontName=SANS_BOLD)
    h1 = ParagraphStyle("sh1", parent=body, fontName=SANS_BOLD, fontSize=16, leading=20)
    h2 = ParagraphStyle(
        "sh2", parent=body, fontName=SANS_BOLD, fontSize=12.5, leading=16, spaceBefore=10,
        keepWithNext=1,
    )  # fmt: skip
    h3 = ParagraphStyle(
        "sh3", parent=body, fontName=SANS_BOLD, fontSize=10.5, leading=14, spaceBefore=6,
        keepWithNext=1,
    )  # fmt: skip

    def table(header: tuple[str, ...] | None, rows: list[tuple[str, ...]], widths) -> object:
        total = sum(widths)
        data = [[data_paragraph(v, cell) for v in row] for row in rows]
        if header:
            data.insert(0, [Paragraph(h, head) for h in header])
        t = splitting_table()(
            data, colWidths=[width * w / total for w in widths], repeatRows=1 if header else 0,
            hAlign="LEFT",
        )  # fmt: skip
        style = [
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#B8BEC6")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E6E9ED")))
        t.setStyle(TableStyle(style))
        return t

    story: list = [
        Paragraph(TITLE, h1),
        Paragraph(INTRO, body),
        Spacer(1, 3 * mm),
        Paragraph(FACTS, h2),
        table(("Field", "Value"), list(report.employee), (1, 2.5)),
    ]
    if report.people:
        story += [Paragraph(PEOPLE, h2), table(("Pseudonym", "Role"), list(report.people), (1, 1))]
    story.append(Paragraph(CASES, h2))
    if not report.cases:
        story.append(Paragraph(NONE_HELD, body))
    for c in report.cases:
        story += [Paragraph(f"Case {c.reference}", h2), table(None, list(c.facts), (1, 2.5))]
        for s in c.sections:
            story.append(Paragraph(s.title, h3))
            if not s.records:
                story.append(Paragraph(NONE_HELD, body))
            for r in s.records:
                story += [table(None, list(r.fields), (1, 2.5)), Spacer(1, 2 * mm)]
    story.append(Paragraph(FILES, h2))
    if report.files:
        story.append(Paragraph(FILES_NOTE, body))
        story.append(
            table(
                ("Case", "File", "Size", "Added"),
                [(f.case, f.saved_as, f.size, f.added) for f in report.files],
                (1, 3, 0.8, 1.2),
            )
        )
    else:
        story.append(Paragraph(NONE_HELD, body))
    return render(story, setup, metadata())
