"""Demo evidence on some demo records: signed meeting notes, report extracts, e-mails."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.documents.csv_safe import csv_text
from app.domain.attachments import AttachmentOwner
from app.domain.records import CaseStatus

if TYPE_CHECKING:  # the service imports this module for its demo data
    from app.services.documents.attachment_service import AttachmentService


def _demo_pdf(title: str, body: str) -> bytes:
    """A one-page PDF with two lines of text, written by hand (no reportlab at demo time)."""

    def esc(s: str) -> str:
        return (
            s.encode("latin-1", "replace")
            .decode("latin-1")
            .replace("\\", "\\\\")
            .replace("(", "\\(")
            .replace(")", "\\)")
        )

    stream = (
        f"BT /F1 16 Tf 72 760 Td ({esc(title)}) Tj ET\nBT /F1 11 Tf 72 730 Td ({esc(body)}) Tj ET\n"
    ).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def enrich_demo(services, rng) -> None:  # noqa: ANN001 - Services, random.Random (import cycle)
    """Attach realistic evidence to some demo records: meeting notes, report extracts, e-mails."""
    from app.domain.records import Conversation, Indicator, Observation

    att: AttachmentService = services.attachments
    for case in services.cases.all(CaseStatus.OPEN):
        talks = [c for c in services.cases.records(Conversation, case.id) if c.kind.formal]
        for c in talks[:1]:
            att.add_bytes(
                AttachmentOwner.CONVERSATION,
                c.id,
                f"Signed meeting notes {c.held_on.isoformat()}.pdf",
                _demo_pdf(
                    f"Meeting notes - {case.reference}",
                    f"{c.kind.label} meeting held {c.held_on.isoformat()}; "
                    "notes agreed and signed by all attendees.",
                ),
            )
        for i in services.cases.records(Indicator, case.id)[:1]:
            if rng.random() < 0.5:
                continue
            rows = [("week", "expected", "actual")] + [
                (w, f"{i.expected or 0:g}", f"{max((i.actual or 0) + rng.randint(-3, 3), 0):g}")
                for w in range(1, 7)
            ]
            att.add_bytes(
                AttachmentOwner.INDICATOR,
                i.id,
                f"{i.metric} extract.csv",
                csv_text(rows).encode("utf-8"),
            )
        for o in services.cases.records(Observation, case.id)[:1]:
            if rng.random() < 0.6:
                continue
            mail = (
                f"From: {o.author_role or 'colleague'}@example.org\n"
                f"To: hr@example.org\nSubject: Observation {o.observed_on.isoformat()}\n"
                f"Date: {o.observed_on.isoformat()}\n\n{o.text}\n"
            )
            att.add_bytes(
                AttachmentOwner.OBSERVATION, o.id, "Forwarded observation.eml", mail.encode("utf-8")
            )
