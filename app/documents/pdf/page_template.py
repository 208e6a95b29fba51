"""Page size, margins, the marking on every page, and turning a story into PDF bytes.

Every page carries "Confidential – HR", the case reference, "page X of Y", the generation date
and the integrity code. "Y" is only known once the last page is laid out, so the build runs in
passes (as it must anyway for the contents page) and each pass prints the count of the one
before, until the two agree. (The popular alternative, a canvas that holds back every page
until the end, breaks bookmarks and contents links: they all point at page one.)

Metadata never carries a name or case content: Title, Subject and Keywords are generic, the
Author is the application. A deterministic mode (reportlab's ``invariant``) gives
byte-identical output for the same input, for tests.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from app import __version__
from app.documents.pdf.fonts import SANS, SANS_BOLD, register_fonts
from app.domain.words.formats import formats
from app.domain.words.translation import translate

MARKING = "Confidential – HR"
APP_NAME = "Casepath"
CREATOR = f"{APP_NAME} {__version__}"

Progress = Callable[[float, str], None]


class PageSize(StrEnum):
    A4 = "a4"
    LETTER = "letter"

    @property
    def points(self) -> tuple[float, float]:
        from reportlab.lib.pagesizes import A4, LETTER

        return A4 if self is PageSize.A4 else LETTER

    @property
    def label(self) -> str:
        return "A4" if self is PageSize.A4 else "US Letter"


@dataclass(frozen=True)
class PdfMetadata:
    """Document information. Keep every field free of names and case content."""

    title: str
    subject: str
    keywords: tuple[str, ...] = ("Casepath", "HR", "confidential")
    author: str = APP_NAME
    creator: str = CREATOR
    producer: str = f"{CREATOR} (reportlab)"


@dataclass(frozen=True)
class PageSetup:
    """What the frame of every page shows, and how the file is written."""

    size: PageSize = PageSize.A4
    reference: str = ""
    generated_on: date | None = None
    integrity_code: str = ""
    # The audit chain head (sequence, hash) when the document was built: an anchor outside the
    # vault that `casepath verify --receipt`-style checks can compare (docs/AUDIT.md).
    chain_head: tuple[int, str] | None = None
    marking: str = MARKING
    deterministic: bool = False
    margins_mm: tuple[float, float, float, float] = field(default=(18, 18, 24, 20))  # l r t b
    language: str = "en"  # the vault's document language: frame words and dates

    def tr(self, message: str) -> str:
        return translate(self.language, message)

    def footer_left(self) -> str:
        parts = [self.tr(self.marking)]
        if self.reference:
            parts.append(self.tr("Case {reference}").format(reference=self.reference))
        if self.generated_on:
            when = formats(self.language).date(self.generated_on)
            parts.append(self.tr("Generated {date}").format(date=when))
        return "  ·  ".join(parts)

    def chain_head_short(self) -> str:
        """The footer's form: the sequence and the first 16 hex digits of the head hash."""
        if self.chain_head is None:
            return ""
        seq, digest = self.chain_head
        return self.tr("Audit chain event {seq} · {digest}").format(seq=seq, digest=digest[:16])

    def chain_head_full(self) -> str:
        """The cover's form: the sequence and the whole head hash in four groups of 16 (it
        wraps between groups, never inside one, so a reader compares it group by group)."""
        if self.chain_head is None:
            return "—"
        seq, digest = self.chain_head
        return self.tr("event {seq}, hash {digest}").format(seq=seq, digest=grouped_hash(digest))


def grouped_hash(digest: str) -> str:
    """``3fa9…`` (64 hex) -> four space-separated groups of 16."""
    return " ".join(digest[i : i + 16] for i in range(0, len(digest), 16))


@dataclass(frozen=True)
class _FrameWords:
    """The words every page's frame shows, translated and formatted once per document (a
    page used to translate and format them again: a 20-page pack draws 40 frames)."""

    marking: str
    case: str
    footer: str
    page: str  # "page {number} of {total}" in the document's language
    code: str
    chain: str

    @classmethod
    def of(cls, setup: PageSetup) -> _FrameWords:
        tr = setup.tr
        return cls(
            marking=tr(setup.marking).upper(),
            case=tr("Case {reference}").format(reference=setup.reference)
            if setup.reference
            else "",
            footer=setup.footer_left(),
            page=tr("page {number} of {total}"),
            code=tr("Integrity code {code}").format(code=setup.integrity_code)
            if setup.integrity_code
            else "",
            chain=setup.chain_head_short(),
        )


def _draw_frame(
    canvas: object, setup: PageSetup, number: int, total: int, words: _FrameWords | None = None
) -> None:
    """Header and footer of one page: marking, reference, date, code, page X of Y."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm

    words = words or _FrameWords.of(setup)
    width, height = setup.size.points
    left, right = setup.margins_mm[0] * mm, width - setup.margins_mm[1] * mm
    c = canvas
    c.saveState()
    c.setFillColor(colors.HexColor("#8B1A1A"))
    c.setFont(SANS_BOLD, 8.5)
    c.drawString(left, height - 12 * mm, words.marking)
    c.setFillColor(colors.HexColor("#333333"))
    c.setFont(SANS, 8.5)
    if words.case:
        c.drawRightString(right, height - 12 * mm, words.case)
    c.setStrokeColor(colors.HexColor("#999999"))
    c.setLineWidth(0.5)
    c.line(left, height - 14 * mm, right, height - 14 * mm)
    c.line(left, 14 * mm, right, 14 * mm)
    c.setFont(SANS, 7.5)
    c.drawString(left, 10 * mm, words.footer)
    c.drawRightString(right, 10 * mm, words.page.format(number=number, total=total or "?"))
    if words.code:
        c.drawString(left, 6.5 * mm, words.code)
    if setup.chain_head is not None:
        c.drawRightString(right, 6.5 * mm, words.chain)
    c.restoreState()


def render(
    story: list, setup: PageSetup, metadata: PdfMetadata, progress: Progress | None = None
) -> bytes:
    """Lay out ``story`` (platypus flowables) and return the PDF bytes.

    Always a multi-pass build: each pass prints the page count of the one before, and the
    build stops once that count (and any table of contents) no longer changes. Usually two
    passes. ``progress(fraction, message)`` is called as flowables are placed.
    """
    from reportlab.lib.units import mm
    from reportlab.platypus import Frame, PageTemplate

    register_fonts()
    width, height = setup.size.points
    left, right, top, bottom = (v * mm for v in setup.margins_mm)
    buffer = io.BytesIO()
    counter = _page_counter_class()()

    doc = _doc_template_class()(
        buffer,
        pagesize=(width, height),
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=metadata.title,
        subject=metadata.subject,
        author=metadata.author,
        keywords=list(metadata.keywords),
        creator=metadata.creator,
        producer=metadata.producer,
        invariant=1 if setup.deterministic else 0,
        initialFontName=SANS,
        lang="en",
    )
    frame = Frame(
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

    words = _FrameWords.of(setup)

    def on_page(canvas: object, document: object) -> None:
        _draw_frame(canvas, setup, document.page, counter.printed, words)

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    if progress is not None:
        doc.setProgressCallBack(_progress_adapter(progress))
    doc.multiBuild([counter, *story], maxPasses=6)
    if progress is not None:
        progress(1.0, "Finished")
    return buffer.getvalue()


@functools.cache
def _page_counter_class() -> type:
    from reportlab.platypus.doctemplate import IndexingFlowable

    class PageCounter(IndexingFlowable):
        """Invisible; tells ``multiBuild`` to go on until "of Y" is the real page count."""

        def __init__(self) -> None:
            super().__init__()
            self.printed = 0  # what this pass prints as Y
            self.counted = 0  # pages the last pass produced

        def beforeBuild(self) -> None:  # noqa: N802 - reportlab API
            self.printed = self.counted

        def notify(self, kind: str, stuff: object) -> None:
            if kind == "PageCount":
                self.counted = int(stuff)

        def isSatisfied(self) -> bool:  # noqa: N802 - reportlab API
            return self.printed == self.counted

        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
            return 0, 0

        def draw(self) -> None:
            pass

    return PageCounter


def _progress_adapter(progress: Progress, passes: int = 2) -> Callable[[str, int], None]:
    """reportlab reports flowables placed per pass; two passes are the usual build."""
    state = {"size": 1, "pass": 0, "shown": 0.0}

    def on_progress(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            state["size"] = max(1, value)
            state["pass"] += 1
        elif kind == "PROGRESS":
            current = min(state["pass"], passes)
            done = min(0.99, (current - 1 + min(1.0, value / state["size"])) / passes)
            # Split tables put flowables back, so the raw count can step back: never show it.
            if done > state["shown"]:
                state["shown"] = done
                progress(done, f"Laying out pages (pass {current} of {passes})")

    return on_progress


@functools.cache
def _doc_template_class() -> type:
    from reportlab.platypus import BaseDocTemplate

    class PackDocTemplate(BaseDocTemplate):
        """Registers every heading that carries ``toc_level`` and ``toc_key`` with the contents
        page and the PDF outline (bookmarks)."""

        def afterFlowable(self, flowable: object) -> None:  # noqa: N802 - reportlab API
            level = getattr(flowable, "toc_level", None)
            if level is None:
                return
            text = flowable.getPlainText()
            key = flowable.toc_key
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=level, closed=False)
            self.notify("TOCEntry", (level, text, self.page, key))

        def afterPage(self) -> None:  # noqa: N802 - reportlab API
            self.notify("PageCount", self.page)

    return PackDocTemplate


@functools.cache
def splitting_table() -> type:
    """The table class every document uses (created once reportlab is imported)."""
    from reportlab.platypus import Table

    class SplittingTable(Table):
        """Splits between rows; a row too tall for any page is split inside instead; every
        cell's font is the embedded Casepath Sans.

        reportlab's combined mode (split by row, else in a row) repeats the header halfway
        down a page when the remainder is squeezed into the space left, so the in-row mode is
        switched on only for tables that need it.
        """

        TALL_ROW = 400  # points; an A4 or Letter body frame is about 670-720 points tall

        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            # A cell's font defaults to Helvetica (not embedded), and reportlab selects it
            # for every cell even when the cell holds a paragraph: name the embedded font.
            self.setStyle([("FONTNAME", (0, 0), (-1, -1), SANS)])

        def split(self, availWidth: float, availHeight: float) -> list:  # noqa: N803
            self._calc(availWidth, availHeight)
            if self.splitByRow and max(self._rowHeights or [0]) > self.TALL_ROW:
                self.splitByRow, self.splitInRow = 0, 1
            # reportlab's split starts by measuring every row again for the same space;
            # nothing changed since the line above, so that first measure is skipped.
            self._measured = (availWidth, availHeight)
            try:
                return super().split(availWidth, availHeight)
            finally:
                self._measured = None

        def _calc(self, availWidth: float, availHeight: float) -> None:  # noqa: N803
            if self.__dict__.get("_measured") == (availWidth, availHeight):
                self._measured = None  # once: later measures inside the split run as usual
                return
            super()._calc(availWidth, availHeight)

    return SplittingTable
