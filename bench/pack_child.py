"""The 20-page pack and its bare-reportlab baseline, for bench/run.py's pack rows.

    python bench/pack_child.py pack|bare      # one build in a fresh process (whole-process rows)

Run as its own script so a whole-process build imports what that build needs and nothing of
the bench harness (run.py imports the vault generator, and with it every service).

The baseline is the same content built with reportlab alone, as a developer would without
Casepath: the pack's own text page by page (extracted from the pack, cached in a 0600 file so
the bare process imports nothing of Casepath), the **same four embedded TTF fonts** the pack
embeds (DejaVu Sans regular, bold and oblique, and Droid Sans Fallback, used for lines holding
CJK text), and the same two layout passes a document with "page X of Y" and a table of
contents needs (reportlab's multiBuild with a page-count flowable). It has no tables, headings
or contents page, so pack/bare is an upper bound of Casepath's own overhead.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGE_CHANGES = 210  # the sample pack with 210 stage changes runs to about 20 pages
PAGES_CACHE = Path(tempfile.gettempdir()) / "casepath-bench-pack-pages-v3.json"


def pack() -> bytes:
    """The 20-page pack through Casepath's documents layer."""
    from app.documents.pdf.documentation_pack import build_pack
    from tests.document_samples import sample_pack, setup_for

    data = sample_pack(many_stage_changes=STAGE_CHANGES)
    return build_pack(data, setup_for(data))


def bare_pages() -> dict:
    """The pack's text per page and the files of the fonts it embeds (cached)."""
    if PAGES_CACHE.exists():
        cached = json.loads(PAGES_CACHE.read_text("utf-8"))
        if isinstance(cached, dict) and cached.get("stage_changes") == STAGE_CHANGES:
            return cached
    from xml.sax.saxutils import escape

    from app.documents.pdf.fonts import CJK, SANS, SANS_BOLD, SANS_ITALIC, font_path
    from tests.document_samples import pdf_pages

    fonts = {
        "BareSans": font_path(SANS),
        "BareBold": font_path(SANS_BOLD),
        "BareOblique": font_path(SANS_ITALIC),
        "BareCJK": font_path(CJK),
    }
    pages = [escape(p) for p in pdf_pages(pack())]
    cached = {"stage_changes": STAGE_CHANGES, "fonts": fonts, "pages": pages}
    PAGES_CACHE.write_text(json.dumps(cached), "utf-8")
    os.chmod(PAGES_CACHE, 0o600)
    return cached


def bare() -> bytes:
    """The same text, fonts and passes through bare reportlab platypus."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate
    from reportlab.platypus.doctemplate import IndexingFlowable

    cached = bare_pages()
    for name, path in cached["fonts"].items():  # once per process, as the pack does
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, path))
    pdfmetrics.registerFontFamily(
        "BareSans", normal="BareSans", bold="BareBold", italic="BareOblique"
    )
    # Small and tight, so each of the pack's pages stays one page here too (same page count).
    body = ParagraphStyle(
        "bare", getSampleStyleSheet()["BodyText"], fontName="BareSans", fontSize=7, leading=8,
        spaceBefore=0, spaceAfter=0,
    )  # fmt: skip
    head = ParagraphStyle("bare-head", body, fontName="BareBold")
    cjk = ParagraphStyle("bare-cjk", body, fontName="BareCJK", wordWrap="CJK")

    class PageCount(IndexingFlowable):
        """Asks for another pass until the printed "of Y" is the page count."""

        def __init__(self) -> None:
            super().__init__()
            self.printed = self.counted = 0

        def beforeBuild(self) -> None:  # noqa: N802 - reportlab API
            self.printed = self.counted

        def notify(self, kind: str, stuff: object) -> None:
            if kind == "PageCount":
                self.counted = int(stuff)

        def isSatisfied(self) -> bool:  # noqa: N802 - reportlab API
            return self.printed == self.counted

        def wrap(self, *_size: float) -> tuple[float, float]:
            return 0, 0

        def draw(self) -> None:
            pass

    counter = PageCount()

    class Doc(SimpleDocTemplate):
        def afterPage(self) -> None:  # noqa: N802 - reportlab API
            self.notify("PageCount", self.page)

    def footer(canvas, doc) -> None:
        canvas.setFont("BareOblique", 7.5)
        canvas.drawString(40, 28, f"page {doc.page} of {counter.printed or '?'}")

    story: list = [counter]
    for page in cached["pages"]:
        lines = [x for x in page.splitlines() if x.strip()]
        # A table page extracts as ~180 cell fragments: six to a paragraph (about a row)
        # keeps the same words on one page, as the pack's table does.
        for k in range(0, len(lines), 6):
            text = " ".join(lines[k : k + 6])
            wide = any(ord(c) >= 0x2E80 for c in text)  # CJK text in the CJK font
            story.append(Paragraph(text, cjk if wide else head if k == 0 else body))
        story.append(PageBreak())
    out = io.BytesIO()
    doc = Doc(out, pagesize=A4, initialFontName="BareSans", topMargin=30, bottomMargin=40)
    doc.multiBuild(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    (pack if sys.argv[1:] == ["pack"] else bare)()
