"""The pack's baseline: the same flowables built with bare reportlab, no Casepath code.

Input is the pack's already-fetched content (`PackData.to_json()`, read back as plain
objects) and the paths of the four TrueType fonts the pack embeds. Everything a developer
would write with reportlab alone to print the same document is here: the same sections in
the same order, the same tables (cell texts, column widths, table styles, repeated header
rows), paragraph styles, bullet lists, the two indicator charts, the cover banner, the
contents page with bookmarks, the signature table, and the page frame with "page X of Y" and
the integrity code, laid out in as many passes as "of Y" and the contents need. CJK runs are
set in Droid Sans Fallback by one regular expression (the pack chooses a font per character
from the fonts' character maps). Dates and numbers are formatted with ``strftime`` and
``format`` in the pack's English forms. Every section of this content is filled, so the
baseline has no "none recorded" branches.

What it leaves out, on purpose, is Casepath's own work: the printability check, per-run font
choice, translation and locale formatting, and the pack's two layout shortcuts (a data
paragraph keeps its line breaks for the width it was wrapped at; a splitting table is not
measured twice for the same space). ``build(..., tuned=True)`` adds those two shortcuts,
written with reportlab alone, so bench/run.py can also show the pack against the best a
reportlab user could do with them. `bench/pack_child.py` times the builds;
`bench/pack_compare.py` checks that both print the same pages, fonts and text.
"""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageTemplate,
)
from reportlab.platypus.doctemplate import IndexingFlowable

from bench.pack_bare_story import Story
from bench.pack_bare_style import ACCENT, BOLD, MARGINS, MEETINGS, SANS, day, register


class _PageCount(IndexingFlowable):
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


class _Doc(BaseDocTemplate):
    def afterFlowable(self, flowable: object) -> None:  # noqa: N802 - reportlab API
        key = getattr(flowable, "toc_key", None)
        if key is None:
            return
        text = flowable.getPlainText()
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=0, closed=False)
        self.notify("TOCEntry", (0, text, self.page, key))

    def afterPage(self) -> None:  # noqa: N802 - reportlab API
        self.notify("PageCount", self.page)


def build(d: object, fonts: dict[str, str], tuned: bool = False) -> bytes:
    """The PDF bytes of the bare build of content ``d`` (plain objects from the pack's JSON)."""
    register(fonts)
    counter = _PageCount()
    width, height = A4
    left, right, top, bottom = MARGINS
    footer = f"Confidential – HR  ·  Case {d.reference}  ·  Generated {day(d.generated_on)}"

    def frame(c, doc) -> None:
        c.saveState()
        c.setFillColor(ACCENT)
        c.setFont(BOLD, 8.5)
        c.drawString(left, height - 12 * mm, "CONFIDENTIAL – HR")
        c.setFillColor(colors.HexColor("#333333"))
        c.setFont(SANS, 8.5)
        c.drawRightString(width - right, height - 12 * mm, f"Case {d.reference}")
        c.setStrokeColor(colors.HexColor("#999999"))
        c.setLineWidth(0.5)
        c.line(left, height - 14 * mm, width - right, height - 14 * mm)
        c.line(left, 14 * mm, width - right, 14 * mm)
        c.setFont(SANS, 7.5)
        c.drawString(left, 10 * mm, footer)
        c.drawRightString(width - right, 10 * mm, f"page {doc.page} of {counter.printed or '?'}")
        c.drawString(left, 6.5 * mm, f"Integrity code {d.integrity_code}")
        c.restoreState()

    out = io.BytesIO()
    doc = _Doc(
        out,
        pagesize=A4,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title="Documentation pack",
        subject=MEETINGS[d.meeting_type],
        author="Casepath",
        keywords=["Casepath", "HR", "confidential", "documentation pack"],
        invariant=1,
        initialFontName=SANS,
        lang="en",
    )
    body = Frame(
        left,
        bottom,
        width - left - right,
        height - top - bottom,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[body], onPage=frame)])
    doc.multiBuild([counter, *Story(d, tuned).story()], maxPasses=6)
    return out.getvalue()
