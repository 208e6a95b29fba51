"""The last gate before a redacted export reaches the disk: read it back, find no one.

A PDF is parsed with pypdf, a real parser: the text of every page (as a whole and chunk by
chunk, so words from neighbouring table cells cannot hide a name by running together), the
document information, the XMP packet, annotations (contents, titles, link targets), outlines
and embedded file names. Raw bytes prove nothing (content streams are compressed), and a name
drawn under a black box is still text, so it is caught here like any other.

CSV and JSON exports are checked as whole text and value by value (JSON escapes undone).
Any identifier of any person in the vault refuses the export.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass

from app.documents.identifiers import Finding, IdentifierIndex


class RedactionRefused(Exception):
    """The produced export still identifies someone; nothing was written."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        shown = "\n".join(f"  - {f}" for f in findings[:15])
        more = f"\n  … and {len(findings) - 15} more" if len(findings) > 15 else ""
        super().__init__(
            "The redacted export was refused and nothing was written: it still contains "
            f"identifiers of people in the vault:\n{shown}{more}\nLeave out the free-text "
            "fields that hold them (or correct the text in the case), then export again."
        )


@dataclass(frozen=True)
class VerificationReport:
    checked: int  # how many pieces of text were examined
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return not self.findings


def pdf_texts(pdf: bytes, password: str | None = None) -> Iterator[tuple[str, str]]:
    """Every piece of text a reader could get out of the PDF, with where it came from."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    if reader.is_encrypted and (password is None or not reader.decrypt(password)):
        raise ValueError("The PDF is encrypted; give its password to check it.")
    info = reader.metadata or {}
    for key, value in info.items():
        yield f"metadata {key}", str(value)
    root = reader.trailer["/Root"]
    if "/Metadata" in root:
        yield "XMP metadata", root["/Metadata"].get_object().get_data().decode("utf-8", "replace")
    for number, page in enumerate(reader.pages, start=1):
        chunks: list[str] = []

        def visit(text: str, *_args: object, _chunks: list[str] = chunks) -> None:
            if text and text.strip():
                _chunks.append(text)

        yield f"page {number}", page.extract_text(visitor_text=visit) or ""
        for chunk in chunks:
            yield f"page {number}", chunk
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            for key in ("/Contents", "/T", "/TU", "/RC", "/NM"):
                if key in obj:
                    yield f"annotation on page {number}", str(obj[key])
            action = obj.get("/A")
            if action is not None:
                uri = action.get_object().get("/URI")
                if uri:
                    yield f"link on page {number}", str(uri)
    yield from _outline_titles(reader.outline)
    names = root.get("/Names")
    if names is not None:
        files = names.get_object().get("/EmbeddedFiles")
        if files is not None:
            for key in files.get_object().get("/Names", [])[::2]:
                yield "embedded file name", str(key)


def _outline_titles(items: list) -> Iterator[tuple[str, str]]:
    for item in items:
        if isinstance(item, list):
            yield from _outline_titles(item)
        else:
            yield "outline", str(item.get("/Title", ""))


def json_texts(text: str) -> Iterator[tuple[str, str]]:
    yield "JSON file", text

    def walk(value: object, path: str) -> Iterator[tuple[str, str]]:
        if isinstance(value, dict):
            for k, v in value.items():
                yield f"JSON key at {path or '/'}", str(k)
                yield from walk(v, f"{path}/{k}")
        elif isinstance(value, list):
            for i, v in enumerate(value):
                yield from walk(v, f"{path}/{i}")
        elif value is not None:
            yield f"JSON {path}", str(value)

    yield from walk(json.loads(text), "")


def csv_texts(text: str) -> Iterator[tuple[str, str]]:
    yield "CSV file", text
    for row_number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        for cell in row:
            yield f"CSV row {row_number}", cell


def verify_texts(texts: Iterator[tuple[str, str]], index: IdentifierIndex) -> VerificationReport:
    findings: dict[tuple[str, str], Finding] = {}
    checked = 0
    for where, text in texts:
        checked += 1
        for f in index.find(text, where):
            findings.setdefault((f.kind, f.hint), f)
    ordered = sorted(findings.values(), key=lambda f: (f.where, f.kind, f.hint))
    return VerificationReport(checked, tuple(ordered))


def verify_pdf(pdf: bytes, index: IdentifierIndex) -> VerificationReport:
    return verify_texts(pdf_texts(pdf), index)


def verify_export(payload: bytes, kind: str, index: IdentifierIndex) -> VerificationReport:
    """Check one export (``kind`` is pdf, csv or json) and return what was found."""
    if kind == "pdf":
        return verify_pdf(payload, index)
    text = payload.decode("utf-8")
    if kind == "json":
        return verify_texts(json_texts(text), index)
    if kind == "csv":
        return verify_texts(csv_texts(text), index)
    raise ValueError(f"Unknown export kind '{kind}': use pdf, csv or json.")


def require_clean(payload: bytes, kind: str, index: IdentifierIndex) -> VerificationReport:
    """Raise `RedactionRefused` unless the export names nobody in ``index``."""
    if len(index) == 0:
        raise ValueError(
            "The verifier has no identifiers to check against; refusing to "
            "vouch for an export it cannot check."
        )
    report = verify_export(payload, kind, index)
    if not report.ok:
        raise RedactionRefused(list(report.findings))
    return report
