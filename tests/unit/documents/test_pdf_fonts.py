"""Every font in every PDF Casepath makes is embedded: packs, redacted summaries, calibration.

reportlab falls back to Helvetica (one of the 14 built-in fonts, never embedded) wherever a
style or drawing does not name a font, for example a TableStyle cell without FONTNAME or a
chart label; a reader without that font substitutes another, and letters go missing. This walks
every font resource with pypdf: page resources, form XObjects inside them (charts, page
templates) and annotation appearance streams, and every descendant font of a Type0 font.
"""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from app.documents.pdf.documentation_pack import build_pack
from app.documents.pdf.page_template import PageSetup
from app.documents.redaction.identifiers import IdentifierIndex
from app.documents.redaction.redaction import (
    INCLUDABLE,
    RedactionOptions,
    build_redacted_pdf,
    redact,
)
from tests.document_samples import sample_pack

TODAY = date(2026, 3, 16)


def _fonts_in(resources: object, seen: set[int]) -> list[tuple[str, DictionaryObject]]:
    out: list[tuple[str, DictionaryObject]] = []
    if resources is None:
        return out
    resources = resources.get_object()
    fonts = resources.get("/Font")
    if fonts is not None:
        for key, ref in fonts.get_object().items():
            out.append((key, ref.get_object()))
    xobjects = resources.get("/XObject")
    if xobjects is not None:
        for ref in xobjects.get_object().values():
            obj = ref.get_object()
            if id(obj) in seen or obj.get("/Subtype") != "/Form":
                continue
            seen.add(id(obj))
            out += _fonts_in(obj.get("/Resources"), seen)
    return out


def all_fonts(pdf: bytes) -> list[tuple[str, DictionaryObject]]:
    """Every font dictionary reachable from the pages (their resources, forms, annotations)."""
    reader = PdfReader(io.BytesIO(pdf))
    seen: set[int] = set()
    fonts = []
    for page in reader.pages:
        fonts += _fonts_in(page.get("/Resources"), seen)
        for annot in page.get("/Annots") or []:
            appearance = annot.get_object().get("/AP")
            if appearance is None:
                continue
            for stream in appearance.get_object().values():
                obj = stream.get_object()
                if hasattr(obj, "get"):
                    fonts += _fonts_in(obj.get("/Resources"), seen)
    return fonts


def unembedded(pdf: bytes) -> list[str]:
    """Names of fonts without an embedded font program (FontFile, FontFile2 or FontFile3)."""
    missing = []
    for key, font in all_fonts(pdf):
        parts = [font]
        if font.get("/Subtype") == "/Type0":
            parts = [d.get_object() for d in font["/DescendantFonts"]]
        for part in parts:
            if part.get("/Subtype") == "/Type3":
                continue  # glyphs drawn in the PDF itself
            descriptor = part.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.append(f"{key}={part.get('/BaseFont')}")
    return missing


def _setup() -> PageSetup:
    return PageSetup(reference="C-2026-0007", generated_on=TODAY, deterministic=True)


def test_the_walker_sees_an_unembedded_font():
    """Negative control: reportlab's default Helvetica is reported."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Helvetica, not embedded")
    canvas.showPage()
    canvas.save()
    assert unembedded(buffer.getvalue()) == ["/F1=/Helvetica"]


def test_the_walker_finds_a_table_style_fallback():
    """Negative control: a Table of plain strings without FONTNAME falls back to Helvetica."""
    from reportlab.platypus import SimpleDocTemplate, Table

    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([Table([["a", "b"]])])
    assert any("Helvetica" in f for f in unembedded(buffer.getvalue()))


@pytest.mark.parametrize("employee", ["Łukasz Żółć-Wiśniewski", "김민준", "李小龙"])
def test_every_font_of_a_pack_is_embedded(employee):
    pdf = build_pack(sample_pack(employee=employee), _setup())
    assert all_fonts(pdf) and unembedded(pdf) == []


@pytest.mark.parametrize("include", [frozenset(), frozenset(INCLUDABLE)])
def test_every_font_of_a_redacted_summary_is_embedded(include):
    summary = redact(sample_pack(), IdentifierIndex([]), RedactionOptions(include=include), TODAY)
    pdf = build_redacted_pdf(summary, _setup())
    assert all_fonts(pdf) and unembedded(pdf) == []


def test_every_font_of_a_summary_exported_from_a_vault_is_embedded(services):
    from tests.factories import conversation, open_case

    case = open_case(services, name="Zoë Ångström")
    services.cases.add(conversation(case, TODAY, summary="Talked through 李 deadlines."))
    pdf = services.documents.redacted(
        case.id, "pdf", RedactionOptions(include=frozenset(INCLUDABLE))
    )
    assert unembedded(pdf) == []


def test_every_font_of_the_calibration_report_is_embedded(services):
    from app.documents.pdf.calibration_report import render_calibration_pdf
    from app.services.calibration.calibration import CalibrationPolicy, Request, calibration_report
    from tests.factories import open_case

    open_case(services, name="Zoë Ångström")
    period = Request(date(2025, 1, 1), TODAY)
    report = calibration_report(services.vault.conn, period, CalibrationPolicy.default())
    pdf = render_calibration_pdf(report)
    assert all_fonts(pdf) and unembedded(pdf) == []
